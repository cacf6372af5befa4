// Loads the generated Debian package table from disk, once per path: read on demand from
// the uncompressed file the build writes next to the bundles, or gunzipped into memory
// from the .gz in the source tree (tsc output, tests).

import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { constants as zlibConstants, gunzipSync } from 'zlib';
import { decodeAptTable, type AptTable } from '../../layer-cost/apt/table';
import { FileSource } from './file-source';

/** The uncompressed table scripts/build.mjs writes to dist/data/. */
export const DEBIAN_TABLE_FILE = 'debian-bookworm.packages';
/** The table as scripts/data-debian.mjs writes it into the source tree. */
export const DEBIAN_TABLE_GZ_FILE = `${DEBIAN_TABLE_FILE}.gz`;

/**
 * Where the table may be, in order: `<dir>/data/<file>` (an esbuild bundle in dist/ with
 * the table written to dist/data/; uncompressed first), then
 * `<ancestor>/shared-rules/layer-cost/data/<file>.gz` walking up from `dir` (tsc output in
 * out/shared-rules/..., or the source tree itself).
 */
export function debianTableCandidates(dir: string = __dirname): string[] {
  const candidates = [path.join(dir, 'data', DEBIAN_TABLE_FILE), path.join(dir, 'data', DEBIAN_TABLE_GZ_FILE)];
  for (let d = dir; ; d = path.dirname(d)) {
    candidates.push(path.join(d, 'shared-rules', 'layer-cost', 'data', DEBIAN_TABLE_GZ_FILE));
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

/**
 * The table in `file`: a `.gz` is gunzipped into memory; any other file is read when asked
 * (its descriptor stays open for the table's lifetime, which is the process's: tables are
 * kept per path). Errors name the file; a read that fails later throws an Error from the
 * table's accessors.
 */
function decodeFile(file: string): AptTable {
  if (file.endsWith('.gz')) return decodeAptTable(gunzipInOneBuffer(readFileSync(file)));
  const source = new FileSource(file);
  try {
    return decodeAptTable(source);
  } catch (e) {
    source.close();
    throw e;
  }
}

export function loadDebianTable(filePath?: string): AptTable {
  const file = filePath ?? findDebianTable();
  if (!file) throw new Error(`${DEBIAN_TABLE_FILE} not found (looked in: ${debianTableCandidates().join(', ')})`);
  const key = path.resolve(file);
  let table = loaded.get(key);
  if (!table) {
    table = decodeFile(key);
    loaded.set(key, table);
  }
  return table;
}
