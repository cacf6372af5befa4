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

function parseRef(r: string): number {
  return r[0] === '!' ? ~parseInt(r.slice(1), 36) : parseInt(r, 36);
}

function parseRelation(line: string): AptRelation {
  if (line === '') return EMPTY;
  return line.split(',').map((group) => (group === '?' ? NO_REFS : group.split('|').map(parseRef)));
}

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
    private readonly lines: string[],
    private readonly offsets: { versions: number; flags: number; relations: [number, number, number]; conflicts: number },
    names: string[],
    installedKiB: Uint32Array,
    debKiB: Uint32Array,
    providerLines: string[],
  ) {
    this.names = names;
    names.forEach((n, i) => this.refs.set(n, i));
    this.installedKiB = installedKiB;
    this.debKiB = debKiB;
    this.relationCache = [[], [], []];
    for (const line of providerLines) {
      const colon = line.indexOf(':');
      const target = parseInt(line.slice(0, colon), 36);
      this.providerMap.set(target, line.slice(colon + 1).split(',').map((r) => parseInt(r, 36)).filter((p) => p !== target));
    }
    this.baseline = meta.baseline.packages.map((n) => this.refs.get(n)).filter((r): r is number => r !== undefined && r < packageCount);
  }

  versions(ref: number): readonly string[] {
    return ref < this.packageCount ? this.lines[this.offsets.versions + ref].split(' ') : NO_VERSIONS;
  }
  flags(ref: number): string {
    return ref < this.packageCount ? this.lines[this.offsets.flags + ref] : '';
  }
  preDepends(ref: number): AptRelation { return this.relation(0, ref); }
  depends(ref: number): AptRelation { return this.relation(1, ref); }
  recommends(ref: number): AptRelation { return this.relation(2, ref); }
  providers(ref: number): readonly number[] { return this.providerMap.get(ref) ?? NO_REFS; }
  conflicts(ref: number): readonly number[] {
    if (ref >= this.packageCount) return NO_REFS;
    let c = this.conflictCache[ref];
    if (c === undefined) {
      const line = this.lines[this.offsets.conflicts + ref];
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
      rel = parseRelation(this.lines[this.offsets.relations[kind] + ref]);
      cache[ref] = rel;
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

export function decodeAptTable(data: Uint8Array | string): AptTable {
  const text = typeof data === 'string' ? data : new TextDecoder('utf-8').decode(data);
  const lines = text.split('\n');
  let meta: unknown;
  try {
    meta = JSON.parse(lines[0]);
  } catch {
    throw new Error('apt table: header is not JSON');
  }
  if (!isMeta(meta)) throw new Error(`apt table: expected format ${APT_TABLE_FORMAT}`);
  const { packages: n, virtual: v, provided: p } = meta.counts;
  const expected = 1 + 9 * n + v + p;
  if (lines.length < expected) throw new Error(`apt table: truncated (${lines.length} of ${expected} lines)`);

  const names: string[] = new Array<string>(n + v);
  let prev = '';
  for (let i = 0; i < n; i++) {
    const line = lines[1 + i];
    const shared = parseInt(line[0], 36);
    prev = prev.slice(0, shared) + line.slice(1);
    names[i] = prev;
  }
  const virtualStart = 1 + 9 * n;
  for (let i = 0; i < v; i++) names[n + i] = lines[virtualStart + i];

  const numbers = (start: number): Uint32Array => {
    const out = new Uint32Array(n);
    for (let i = 0; i < n; i++) out[i] = parseInt(lines[start + i], 36) || 0;
    return out;
  };
  return new DecodedTable(
    meta,
    n,
    lines,
    { versions: 1 + n, flags: 1 + 4 * n, relations: [1 + 5 * n, 1 + 6 * n, 1 + 7 * n], conflicts: 1 + 8 * n },
    names,
    numbers(1 + 2 * n),
    numbers(1 + 3 * n),
    lines.slice(virtualStart + v, virtualStart + v + p),
  );
}
