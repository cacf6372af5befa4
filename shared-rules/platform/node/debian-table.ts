// Loads the generated Debian package table from disk (gunzip + decode), once per path.

import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { decodeAptTable, type AptTable } from '../../layer-cost/apt/table';

export const DEBIAN_TABLE_FILE = 'debian-bookworm.packages.gz';

/**
 * Where the table may be, in order: `<dir>/data/<file>` (an esbuild bundle in dist/ with
 * the file copied to dist/data/), then `<ancestor>/shared-rules/layer-cost/data/<file>`
 * walking up from `dir` (tsc output in out/shared-rules/..., or the source tree itself).
 */
export function debianTableCandidates(dir: string = __dirname): string[] {
  const candidates = [path.join(dir, 'data', DEBIAN_TABLE_FILE)];
  for (let d = dir; ; d = path.dirname(d)) {
    candidates.push(path.join(d, 'shared-rules', 'layer-cost', 'data', DEBIAN_TABLE_FILE));
    if (path.dirname(d) === d) break;
  }
  return candidates;
}

export function findDebianTable(dir?: string): string | undefined {
  return debianTableCandidates(dir).find((p) => existsSync(p));
}

const loaded = new Map<string, AptTable>();

export function loadDebianTable(filePath?: string): AptTable {
  const file = filePath ?? findDebianTable();
  if (!file) throw new Error(`${DEBIAN_TABLE_FILE} not found (looked in: ${debianTableCandidates().join(', ')})`);
  const key = path.resolve(file);
  let table = loaded.get(key);
  if (!table) {
    table = decodeAptTable(gunzipSync(readFileSync(key)));
    loaded.set(key, table);
  }
  return table;
}
