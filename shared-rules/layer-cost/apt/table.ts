// Decodes the columnar package table written by scripts/data-debian.mjs (format described
// there). Pure: the caller hands over the already-gunzipped bytes or text, or a ByteSource
// that reads them (e.g. from an uncompressed file) when asked.

import { BlockReader, type BlockCacheOptions } from './block-reader';
import { MemorySource, type ByteSource } from './byte-source';
import { LineIndex } from './line-index';
import { NameIndex } from './name-index';

export const APT_TABLE_FORMAT = 'layerwise-apt-table/1';

export interface AptSourceInfo {
  suite: string;
  file: string;
  indexDate?: string;
  stanzas: number;
}

export interface AptListsMeasurement {
  /** Bytes `apt-get update` leaves in /var/lib/apt/lists with the official image's apt config. */
  bytes: number;
  /** Same, with Acquire::GzipIndexes "false" (images without docker-gzip-indexes). */
  bytesWithoutGzipIndexes?: number;
  files?: { name: string; bytes: number }[];
  measured: string;
  method: string;
}

export interface AptTableMeta {
  format: string;
  distribution: string;
  release: string;
  arch: string;
  /** Date (YYYY-MM-DD) the table was generated from the indexes. */
  generated: string;
  sources: AptSourceInfo[];
  counts: { packages: number; virtual: number; provided: number };
  baseline: { image: string; source: string; packages: string[] };
  aptLists?: AptListsMeasurement;
}

/**
 * One dependency field: groups that must all hold, each a list of alternatives. Version
 * constraints were evaluated when the table was built: an alternative is a name ref
 * (the real package or any provider), or `~ref` (negative) when only the real package
 * fits; alternatives nothing fits were dropped, so an empty group cannot be satisfied.
 */
export type AptRelation = readonly (readonly number[])[];

export interface AptTable {
  readonly meta: AptTableMeta;
  readonly packageCount: number;
  /** Refs 0..packageCount-1 are real packages, packageCount..nameCount-1 names that are only provided. */
  readonly nameCount: number;
  /** The name of a ref (0 <= ref < nameCount; RangeError otherwise). */
  name(ref: number): string;
  /** Ref of a real or virtual name; undefined when the table does not have it. */
  ref(name: string): number | undefined;
  /** Installed-Size of a real package in KiB (0 for virtual refs). */
  installedKiB(ref: number): number;
  /** .deb size of a real package in KiB, rounded (0 for virtual refs). */
  debKiB(ref: number): number;
  /** Refs of the baseline image's packages that the table knows. */
  readonly baseline: readonly number[];
  versions(ref: number): readonly string[];
  preDepends(ref: number): AptRelation;
  depends(ref: number): AptRelation;
  recommends(ref: number): AptRelation;
  /** Conflicts + Breaks that hit the newest versions: a name ref (name and its providers) or `~ref` (that package only). */
  conflicts(ref: number): readonly number[];
  /** Real packages providing `ref`, in the order apt prefers them (excluding `ref` itself). */
  providers(ref: number): readonly number[];
  flags(ref: number): string;
}

const EMPTY: AptRelation = [];
const NO_REFS: readonly number[] = [];
const NO_VERSIONS: readonly string[] = [];

function parseRef(r: string): number {
  return r[0] === '!' ? ~parseInt(r.slice(1), 36) : parseInt(r, 36);
}

function parseRelation(line: string): AptRelation {
  if (line === '') return EMPTY;
  return line.split(',').map((group) => (group === '?' ? NO_REFS : group.split('|').map(parseRef)));
}

/** A base-36 number read straight from the bytes, as `parseInt(line, 36) || 0` reads the line. */
function base36At(bytes: Uint8Array, start: number, end: number): number {
  let n = 0;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i] | 0x20;
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : -1;
    if (d < 0) break;
    n = n * 36 + d;
    digits++;
  }
  return digits ? n : 0;
}

interface Sections {
  versions: number;
  installed: number;
  deb: number;
  flags: number;
  relations: [number, number, number];
  conflicts: number;
  /** First "<ref>:<providers>" line. */
  provided: number;
}

/**
 * The source is the only copy of the table: lines are found through a sparse index and
 * read (through the reader's block cache) and turned into values when asked for, since a
 * resolution reads a few hundred of the ~585k lines. What it reads is cached (parsed
 * relations, provider lists).
 */
class DecodedTable implements AptTable {
  readonly nameCount: number;
  readonly baseline: number[];
  private readonly relationCache: Map<number, AptRelation>[] = [new Map(), new Map(), new Map()];
  private readonly conflictCache = new Map<number, readonly number[]>();
  private readonly providerCache = new Map<number, readonly number[]>();
  /** Target ref of each provider line, ascending. */
  private readonly providedRefs: Int32Array;

  constructor(
    readonly meta: AptTableMeta,
    readonly packageCount: number,
    private readonly reader: BlockReader,
    private readonly lines: LineIndex,
    private readonly names: NameIndex,
    private readonly sections: Sections,
    provided: number,
  ) {
    this.nameCount = names.count;
    this.providedRefs = new Int32Array(provided);
    let p = provided > 0 ? lines.start(sections.provided) : 0;
    for (let i = 0; i < provided; i++) {
      const end = reader.lineEnd(p);
      const line = reader.span(p, end);
      const target = base36At(line, reader.spanOffset, reader.spanOffset + end - p); // stops at the ':'
      if (i > 0 && target <= this.providedRefs[i - 1]) throw new Error(`apt table: provided names not sorted at ${i}`);
      this.providedRefs[i] = target;
      p = end + 1;
    }
    this.baseline = meta.baseline.packages.map((name) => names.ref(name)).filter((r): r is number => r !== undefined && r < packageCount);
  }

  name(ref: number): string { return this.names.name(ref); }
  ref(name: string): number | undefined { return this.names.ref(name); }

  private lineAt(i: number): string {
    return this.reader.lineText(this.lines.start(i));
  }

  private numberAt(i: number): number {
    const start = this.lines.start(i);
    const end = this.reader.lineEnd(start);
    const bytes = this.reader.span(start, end);
    return base36At(bytes, this.reader.spanOffset, this.reader.spanOffset + end - start);
  }

  private isPackage(ref: number): boolean {
    return ref >= 0 && ref < this.packageCount && Number.isInteger(ref);
  }

  installedKiB(ref: number): number {
    return this.isPackage(ref) ? this.numberAt(this.sections.installed + ref) : 0;
  }
  debKiB(ref: number): number {
    return this.isPackage(ref) ? this.numberAt(this.sections.deb + ref) : 0;
  }
  versions(ref: number): readonly string[] {
    return ref < this.packageCount ? this.lineAt(this.sections.versions + ref).split(' ') : NO_VERSIONS;
  }
  flags(ref: number): string {
    return ref < this.packageCount ? this.lineAt(this.sections.flags + ref) : '';
  }
  preDepends(ref: number): AptRelation { return this.relation(0, ref); }
  depends(ref: number): AptRelation { return this.relation(1, ref); }
  recommends(ref: number): AptRelation { return this.relation(2, ref); }

  providers(ref: number): readonly number[] {
    let list = this.providerCache.get(ref);
    if (list === undefined) {
      const i = this.providerLine(ref);
      if (i < 0) return NO_REFS;
      const line = this.lineAt(this.sections.provided + i);
      list = line.slice(line.indexOf(':') + 1).split(',').map((r) => parseInt(r, 36)).filter((p) => p !== ref);
      this.providerCache.set(ref, list);
    }
    return list;
  }

  private providerLine(ref: number): number {
    const refs = this.providedRefs;
    let lo = 0;
    let hi = refs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (refs[mid] === ref) return mid;
      if (refs[mid] < ref) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  conflicts(ref: number): readonly number[] {
    if (ref >= this.packageCount) return NO_REFS;
    let c = this.conflictCache.get(ref);
    if (c === undefined) {
      const line = this.lineAt(this.sections.conflicts + ref);
      c = line === '' ? NO_REFS : line.split(',').map(parseRef);
      this.conflictCache.set(ref, c);
    }
    return c;
  }

  // Dependency lines are parsed on first use: a resolution touches a few hundred packages
  // at most, and parsing all 190k lines up front would slow down the server's start.
  private relation(kind: 0 | 1 | 2, ref: number): AptRelation {
    if (ref >= this.packageCount) return EMPTY;
    const cache = this.relationCache[kind];
    let rel = cache.get(ref);
    if (rel === undefined) {
      rel = parseRelation(this.lineAt(this.sections.relations[kind] + ref));
      cache.set(ref, rel);
    }
    return rel;
  }
}

function isMeta(value: unknown): value is AptTableMeta {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<AptTableMeta>;
  return v.format === APT_TABLE_FORMAT && typeof v.release === 'string' && typeof v.counts === 'object' &&
    typeof v.baseline === 'object' && Array.isArray(v.baseline?.packages);
}

/**
 * Decodes a table. Bytes or text are kept in memory (not copied; they must not change
 * afterwards). A ByteSource is read once at load to build the indexes, then only when
 * asked, through a block cache (`cache`); it must keep its bytes for the table's lifetime.
 */
export function decodeAptTable(data: Uint8Array | string | ByteSource, cache?: BlockCacheOptions): AptTable {
  let source: ByteSource;
  if (typeof data === 'string') source = new MemorySource(new TextEncoder().encode(data));
  // A plain view of a Buffer: Buffer's own methods are slow JS wrappers.
  else if (data instanceof Uint8Array) source = new MemorySource(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  else source = data;
  const reader = new BlockReader(source, cache);
  const lines = new LineIndex(reader);
  const header = reader.lineText(0);
  let meta: unknown;
  try {
    meta = JSON.parse(header);
  } catch {
    throw new Error('apt table: header is not JSON');
  }
  if (!isMeta(meta)) throw new Error(`apt table: expected format ${APT_TABLE_FORMAT}`);
  const { packages: n, virtual: v, provided: p } = meta.counts;
  const expected = 1 + 9 * n + v + p;
  if (lines.count < expected) throw new Error(`apt table: truncated (${lines.count} of ${expected} lines)`);
  const virtualStart = 1 + 9 * n;
  return new DecodedTable(
    meta,
    n,
    reader,
    lines,
    new NameIndex(lines, 1, n, virtualStart, v),
    {
      versions: 1 + n,
      installed: 1 + 2 * n,
      deb: 1 + 3 * n,
      flags: 1 + 4 * n,
      relations: [1 + 5 * n, 1 + 6 * n, 1 + 7 * n],
      conflicts: 1 + 8 * n,
      provided: virtualStart + v,
    },
    p,
  );
}
