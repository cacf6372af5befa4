// Bytes an `apt-get install` adds to an image layer, from the package table.

import { parseAptRequest } from './request';
import { AptResolver } from './resolve';
import type { AptTable } from './table';

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

const baselineMarks = new WeakMap<AptTable, Uint8Array>();
const memo = new WeakMap<AptTable, Map<string, AptEstimate>>();
const MEMO_LIMIT = 500;

function baselineOf(table: AptTable): Uint8Array {
  let marks = baselineMarks.get(table);
  if (!marks) {
    marks = new Uint8Array(table.packageCount);
    for (const r of table.baseline) marks[r] = 1;
    baselineMarks.set(table, marks);
  }
  return marks;
}

export function aptTableBasis(table: AptTable): string {
  return `Debian package sizes, ${table.meta.release}, index of ${table.meta.generated}`;
}

function copy(e: AptEstimate): AptEstimate {
  return { ...e, installed: e.installed.map((p) => ({ ...p })), requested: [...e.requested], unknown: [...e.unknown] };
}

export function estimateAptInstall(table: AptTable, request: AptInstallRequest): AptEstimate {
  const key = `${request.recommends ? 1 : 0}\u0000${request.packages.join('\u0000')}`;
  let cache = memo.get(table);
  if (!cache) {
    cache = new Map();
    memo.set(table, cache);
  }
  const hit = cache.get(key);
  if (hit) return copy(hit);

  const baseline = baselineOf(table);
  const resolver = new AptResolver(table, baseline, request.recommends);
  const parsed = parseAptRequest(table, request.packages, (r) => r < table.packageCount && baseline[r] === 1);
  resolver.install(parsed.refs);
  const installed = resolver.added()
    .map((r) => ({ name: table.name(r), bytes: table.installedKiB(r) * 1024, deb: table.debKiB(r) * 1024 }))
    .sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const result: AptEstimate = {
    bytes: installed.reduce((s, p) => s + p.bytes, 0),
    debBytes: installed.reduce((s, p) => s + p.deb, 0),
    installed: installed.map(({ name, bytes }) => ({ name, bytes })),
    requested: parsed.requested,
    unknown: parsed.unknown,
    basis: aptTableBasis(table),
  };
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(key, result);
  return copy(result);
}
