import { loadOracle } from './helpers/tree-sitter-oracle';

/**
 * Root hook: tree-sitter-bash (a devDependency) is the oracle the shell
 * parser's differential test compares with; it is WASM and loads
 * asynchronously. The product itself loads nothing asynchronously.
 */
export const mochaHooks = {
  async beforeAll(): Promise<void> {
    await loadOracle();
  },
};
