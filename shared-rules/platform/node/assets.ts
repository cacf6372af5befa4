import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { initShellParser } from '../../shell/parser';

/**
 * Finds a bundled asset: next to the running bundle (`dist/`), or in the
 * source tree / node_modules when running from tsc output in development.
 */
export function findAsset(file: string, packageHint?: string): string {
  const candidates: string[] = [join(__dirname, file), join(__dirname, 'data', file)];
  if (packageHint) {
    try {
      candidates.push(join(dirname(require.resolve(`${packageHint}/package.json`)), file));
    } catch {
      // Not installed: only the bundled copy can serve.
    }
  }
  for (let dir = __dirname, i = 0; i < 6; i++, dir = dirname(dir)) {
    candidates.push(join(dir, 'dist', file), join(dir, 'node_modules', packageHint ?? '', file));
  }
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error(`Layerwise asset not found: ${file}`);
}

let loading: Promise<void> | undefined;

/** Loads the WASM shell parser once; call before linting. */
export function ready(): Promise<void> {
  loading ??= initShellParser({ runtime: findAsset('tree-sitter.wasm', 'web-tree-sitter'), grammar: findAsset('tree-sitter-bash.wasm', 'tree-sitter-bash') });
  return loading;
}
