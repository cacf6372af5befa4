// Loads the generated Debian package table from disk (gunzip + decode), once per path.

import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { constants as zlibConstants, gunzipSync } from 'zlib';
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

/** Far larger than the table we ship; guards against a corrupt size field. */
const MAX_CHUNK = 64 * 1024 * 1024;

/**
 * gunzipSync writes 16 KiB chunks and concatenates them at the end: the chunks and the
 * copy are garbage that stays in the process's RSS. Given one output chunk of the final
 * size (the gzip trailer holds it, mod 2^32; one byte more, or zlib allocates a second
 * chunk to look for more output), it returns a view of that chunk instead.
 * A wrong size (several gzip members) only costs the concatenation again.
 */
export function gunzipInOneBuffer(gz: Buffer): Buffer {
  const size = gz.length >= 18 ? gz.readUInt32LE(gz.length - 4) : 0;
  return gunzipSync(gz, { chunkSize: Math.min(Math.max(size + 1, zlibConstants.Z_MIN_CHUNK), MAX_CHUNK) });
}

export function loadDebianTable(filePath?: string): AptTable {
  const file = filePath ?? findDebianTable();
  if (!file) throw new Error(`${DEBIAN_TABLE_FILE} not found (looked in: ${debianTableCandidates().join(', ')})`);
  const key = path.resolve(file);
  let table = loaded.get(key);
  if (!table) {
    table = decodeAptTable(gunzipInOneBuffer(readFileSync(key)));
    loaded.set(key, table);
  }
  return table;
}
