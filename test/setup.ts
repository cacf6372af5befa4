import { ready } from '../shared-rules/platform/node/assets';

/** Root hook: the WASM shell parser must be loaded before any rule runs. */
export const mochaHooks = {
  async beforeAll(): Promise<void> {
    await ready();
  },
};
