// Decodes the columnar package table written by scripts/data-debian.mjs (format described
// there). Pure: the caller hands over the already-gunzipped bytes or text.

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
  /** Real packages (0..packageCount-1), then names that are only provided. */
  readonly names: readonly string[];
  readonly packageCount: number;
  /** Name -> ref, for real and virtual names. */
  readonly refs: ReadonlyMap<string, number>;
  readonly installedKiB: Uint32Array;
  readonly debKiB: Uint32Array;
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
const NEWLINE = 10;
const utf8 = new TextDecoder('utf-8');

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

/**
 * The table's lines stay in the decoded bytes, addressed by offset, and are
 * turned into strings only when asked for: a resolution reads a few hundred of
 * the ~570k lines, and one JS string per line would cost tens of MB of heap.
 */
class DecodedTable implements AptTable {
  readonly names: string[];
  readonly refs = new Map<string, number>();
  readonly installedKiB: Uint32Array;
  readonly debKiB: Uint32Array;
  readonly baseline: number[];
  private readonly relationCache: (AptRelation | undefined)[][];
  private readonly conflictCache: (readonly number[] | undefined)[] = [];
  private readonly providerMap = new Map<number, number[]>();

  constructor(
    readonly meta: AptTableMeta,
    readonly packageCount: number,
    private readonly bytes: Uint8Array,
    /** Start of each line in `bytes`; line i ends where line i + 1 starts, minus its newline. */
    private readonly lineStarts: Uint32Array,
    private readonly offsets: { versions: number; flags: number; relations: [number, number, number]; conflicts: number },
    names: string[],
    providerLines: readonly number[],
  ) {
    this.names = names;
    names.forEach((n, i) => this.refs.set(n, i));
    const n = packageCount;
    const numbers = (first: number): Uint32Array => {
      const out = new Uint32Array(n);
      for (let i = 0; i < n; i++) out[i] = base36At(bytes, lineStarts[first + i], this.lineEnd(first + i));
      return out;
    };
    this.installedKiB = numbers(1 + 2 * n);
    this.debKiB = numbers(1 + 3 * n);
    this.relationCache = [[], [], []];
    for (const l of providerLines) {
      const line = this.line(l);
      const colon = line.indexOf(':');
      const target = parseInt(line.slice(0, colon), 36);
      this.providerMap.set(target, line.slice(colon + 1).split(',').map((r) => parseInt(r, 36)).filter((p) => p !== target));
    }
    this.baseline = meta.baseline.packages.map((name) => this.refs.get(name)).filter((r): r is number => r !== undefined && r < packageCount);
  }

  private lineEnd(i: number): number {
    return i + 1 < this.lineStarts.length ? this.lineStarts[i + 1] - 1 : this.bytes.length;
  }

  private line(i: number): string {
    const start = this.lineStarts[i];
    const end = this.lineEnd(i);
    return end > start ? utf8.decode(this.bytes.subarray(start, end)) : '';
  }

  versions(ref: number): readonly string[] {
    return ref < this.packageCount ? this.line(this.offsets.versions + ref).split(' ') : NO_VERSIONS;
  }
  flags(ref: number): string {
    return ref < this.packageCount ? this.line(this.offsets.flags + ref) : '';
  }
  preDepends(ref: number): AptRelation { return this.relation(0, ref); }
  depends(ref: number): AptRelation { return this.relation(1, ref); }
  recommends(ref: number): AptRelation { return this.relation(2, ref); }
  providers(ref: number): readonly number[] { return this.providerMap.get(ref) ?? NO_REFS; }
  conflicts(ref: number): readonly number[] {
    if (ref >= this.packageCount) return NO_REFS;
    let c = this.conflictCache[ref];
    if (c === undefined) {
      const line = this.line(this.offsets.conflicts + ref);
      c = line === '' ? NO_REFS : line.split(',').map(parseRef);
      this.conflictCache[ref] = c;
    }
    return c;
  }

  // Dependency lines are parsed on first use: a resolution touches a few hundred packages
  // at most, and parsing all 190k lines up front would slow down the server's start.
  private relation(kind: 0 | 1 | 2, ref: number): AptRelation {
    if (ref >= this.packageCount) return EMPTY;
    const cache = this.relationCache[kind];
    let rel = cache[ref];
    if (rel === undefined) {
      rel = parseRelation(this.line(this.offsets.relations[kind] + ref));
      cache[ref] = rel;
    }
    return rel;
  }

  /** Front-coded names (first char: base-36 count of chars shared with the previous name). */
  static names(bytes: Uint8Array, lineStarts: Uint32Array, n: number, v: number, virtualStart: number): string[] {
    const names: string[] = new Array<string>(n + v);
    const read = (i: number, from: number): string => {
      const end = i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : bytes.length;
      const start = lineStarts[i] + from;
      return end > start ? utf8.decode(bytes.subarray(start, end)) : '';
    };
    let prev = '';
    for (let i = 0; i < n; i++) {
      const shared = base36At(bytes, lineStarts[1 + i], lineStarts[1 + i] + 1);
      prev = prev.slice(0, shared) + read(1 + i, 1);
      names[i] = prev;
    }
    for (let i = 0; i < v; i++) names[n + i] = read(virtualStart + i, 0);
    return names;
  }
}

function isMeta(value: unknown): value is AptTableMeta {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<AptTableMeta>;
  return v.format === APT_TABLE_FORMAT && typeof v.release === 'string' && typeof v.counts === 'object' &&
    typeof v.baseline === 'object' && Array.isArray(v.baseline?.packages);
}

function lineStartsOf(bytes: Uint8Array): Uint32Array {
  let count = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === NEWLINE) count++;
  const starts = new Uint32Array(count);
  let k = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === NEWLINE) starts[k++] = i + 1;
  return starts;
}

export function decodeAptTable(data: Uint8Array | string): AptTable {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const lineStarts = lineStartsOf(bytes);
  const headerEnd = lineStarts.length > 1 ? lineStarts[1] - 1 : bytes.length;
  let meta: unknown;
  try {
    meta = JSON.parse(utf8.decode(bytes.subarray(0, headerEnd)));
  } catch {
    throw new Error('apt table: header is not JSON');
  }
  if (!isMeta(meta)) throw new Error(`apt table: expected format ${APT_TABLE_FORMAT}`);
  const { packages: n, virtual: v, provided: p } = meta.counts;
  const expected = 1 + 9 * n + v + p;
  if (lineStarts.length < expected) throw new Error(`apt table: truncated (${lineStarts.length} of ${expected} lines)`);
  const virtualStart = 1 + 9 * n;
  const providerLines: number[] = [];
  for (let i = 0; i < p; i++) providerLines.push(virtualStart + v + i);
  return new DecodedTable(
    meta,
    n,
    bytes,
    lineStarts,
    { versions: 1 + n, flags: 1 + 4 * n, relations: [1 + 5 * n, 1 + 6 * n, 1 + 7 * n], conflicts: 1 + 8 * n },
    DecodedTable.names(bytes, lineStarts, n, v, virtualStart),
    providerLines,
  );
}
