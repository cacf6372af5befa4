// Bytes an `apt-get install` adds to an image layer, from the package table.

import { parseAptRequest } from './request';
import { AptResolver } from './resolve';
import type { AptTable } from './table';
import { weakMemo } from '../../model/memo';

export interface AptInstallRequest {
  packages: string[];
  /** false for --no-install-recommends (or APT::Install-Recommends "false"). */
  recommends: boolean;
}

export interface AptEstimate {
  /** Installed-Size sum of the newly installed packages, in bytes. */
  bytes: number;
  /** Sum of their .deb sizes: what /var/cache/apt/archives keeps if not cleaned. */
  debBytes: number;
  /** New packages, largest first. */
  installed: { name: string; bytes: number }[];
  /** Package names apt would be asked for (virtual names already replaced by their provider). */
  requested: string[];
  /**
   * Arguments the table cannot place: names it does not know, names with shell expansions
   * or apt patterns, virtual names with several providers, and pkg=version where the index
   * has no such version (that package is still counted, at its current version).
   */
  unknown: string[];
  /** Where the numbers come from, e.g. "Debian package sizes, bookworm, index of 2026-11-29". */
  basis: string;
}

/**
 * What the memo keeps of one estimate: refs instead of { name, bytes } objects (a large
 * document holds hundreds of estimates), and the names of the largest packages, which
 * every layer-cost detail shows.
 */
interface Memo {
  bytes: number;
  debBytes: number;
  /** New packages, largest first. */
  refs: number[];
  topNames: string[];
  requested: string[];
  unknown: string[];
  basis: string;
}

/** Names decoded once per estimate: at least the model's TOP. */
const TOP_NAMES = 8;

const MEMO_LIMIT = 500;

/** Results per table and key, emptied when they reach MEMO_LIMIT entries. */
function perTable<V>(): (table: AptTable, key: string, compute: () => V) => V {
  const caches = new WeakMap<AptTable, Map<string, V>>();
  return (table, key, compute) => {
    let cache = caches.get(table);
    if (!cache) caches.set(table, (cache = new Map()));
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(key, value);
    return value;
  };
}

const memo = perTable<Memo>();

const baselineOf = weakMemo((table: AptTable): Uint8Array => {
  const marks = new Uint8Array(table.packageCount);
  for (const r of table.baseline) marks[r] = 1;
  return marks;
});

/** One marks buffer per table, reused by every resolve (they run one at a time). */
const scratchOf = weakMemo((table: AptTable) => new Uint8Array(table.packageCount));

export function aptTableBasis(table: AptTable): string {
  return `Debian package sizes, ${table.meta.release}, index of ${table.meta.generated}`;
}

type Resolution = Pick<Memo, 'bytes' | 'debBytes' | 'refs' | 'topNames'>;

/**
 * The closure depends only on the known packages, in order, and the recommends
 * mode: while a package name is being typed it is unknown, so the other
 * packages' closure is reused instead of resolved again on every keystroke.
 */
const resolutions = perTable<Resolution>();

function resolution(table: AptTable, baseline: Uint8Array, refs: number[], recommends: boolean): Resolution {
  return resolutions(table, `${recommends ? 1 : 0}\u0000${refs.join(',')}`, () => resolve(table, baseline, refs, recommends));
}

function resolve(table: AptTable, baseline: Uint8Array, refs: number[], recommends: boolean): Resolution {
  const resolver = new AptResolver(table, baseline, recommends, scratchOf(table));
  resolver.install(refs);
  // Names are decoded only where sizes tie, and for the largest packages.
  const names = new Map<number, string>();
  const nameOf = (r: number): string => {
    let n = names.get(r);
    if (n === undefined) names.set(r, (n = table.name(r)));
    return n;
  };
  const installed = resolver.added()
    .map((r) => ({ ref: r, bytes: table.installedKiB(r) * 1024 }))
    .sort((a, b) => b.bytes - a.bytes || (nameOf(a.ref) < nameOf(b.ref) ? -1 : nameOf(a.ref) > nameOf(b.ref) ? 1 : 0));
  return {
    bytes: installed.reduce((s, p) => s + p.bytes, 0),
    debBytes: installed.reduce((s, p) => s + table.debKiB(p.ref) * 1024, 0),
    refs: installed.map((p) => p.ref),
    topNames: installed.slice(0, TOP_NAMES).map((p) => nameOf(p.ref)),
  };
}

function memoized(table: AptTable, request: AptInstallRequest): Memo {
  return memo(table, `${request.recommends ? 1 : 0}\u0000${request.packages.join('\u0000')}`, () => {
    const baseline = baselineOf(table);
    const parsed = parseAptRequest(table, request.packages, (r) => r < table.packageCount && baseline[r] === 1);
    return { ...resolution(table, baseline, parsed.refs, request.recommends), requested: parsed.requested, unknown: parsed.unknown, basis: aptTableBasis(table) };
  });
}

function packageAt(table: AptTable, m: Memo, i: number): { name: string; bytes: number } {
  const r = m.refs[i];
  return { name: i < m.topNames.length ? m.topNames[i] : table.name(r), bytes: table.installedKiB(r) * 1024 };
}

/** The estimate, as a fresh object the caller may change. */
export function estimateAptInstall(table: AptTable, request: AptInstallRequest): AptEstimate {
  const m = memoized(table, request);
  return {
    bytes: m.bytes,
    debBytes: m.debBytes,
    installed: m.refs.map((_, i) => packageAt(table, m, i)),
    requested: [...m.requested],
    unknown: [...m.unknown],
    basis: m.basis,
  };
}

/** What the layer-cost model shows of an estimate: the `top` largest packages and the count, not the whole list. */
export interface AptEstimateSummary extends Omit<AptEstimate, 'installed'> {
  top: { name: string; bytes: number }[];
  packageCount: number;
}

/** Like estimateAptInstall, without building the list of every package (fresh objects too). */
export function summarizeAptInstall(table: AptTable, request: AptInstallRequest, top: number): AptEstimateSummary {
  const m = memoized(table, request);
  const n = Math.min(Math.max(0, top), m.refs.length);
  const largest: { name: string; bytes: number }[] = [];
  for (let i = 0; i < n; i++) largest.push(packageAt(table, m, i));
  return { bytes: m.bytes, debBytes: m.debBytes, top: largest, packageCount: m.refs.length, requested: [...m.requested], unknown: [...m.unknown], basis: m.basis };
}
