// Which context files a COPY/ADD source takes, as BuildKit resolves it:
// dockerfile2llb roots the source at "/" (so ".." cannot leave the context),
// then fsutil's copy splits it at the first path segment holding a wildcard
// and matches the remainder with Go's filepath.Match against every path below
// the fixed prefix. A matched directory brings its whole subtree.

import { goClean, goPathMatch } from './go-path';

export interface ContextFile {
  /** Context-relative, '/'-separated. */
  readonly path: string;
  readonly size: number;
}

export interface CopySourceMatch {
  readonly files: ContextFile[];
  readonly bytes: number;
  /** Sources that matched nothing (a missing literal path fails the build; an empty wildcard does not). */
  readonly unmatched: string[];
}

export interface SplitSource {
  /** Context-relative prefix without wildcards; '.' for the context root. */
  readonly base: string;
  /** The rest, from the first segment with a wildcard; undefined when there is none. */
  readonly pattern: string | undefined;
}

/** A COPY source as a context-relative path: "./a/../b/" → "b", "/x" → "x", "." / "/" / "../.." → ".". */
export function normalizeCopySource(source: string): string {
  const rooted = goClean(`/${source}`);
  return rooted === '/' ? '.' : rooted.slice(1);
}

/** fsutil copy's containsWildcards: '*', '?' or '[' not escaped by '\'. */
export function containsWildcards(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (ch === '\\') i++;
    else if (ch === '*' || ch === '?' || ch === '[') return true;
  }
  return false;
}

/** fsutil copy's splitWildcards on a normalized source. */
export function splitCopySource(source: string): SplitSource {
  const rel = normalizeCopySource(source);
  if (rel === '.') return { base: '.', pattern: undefined };
  const parts = rel.split('/');
  const first = parts.findIndex(containsWildcards);
  if (first < 0) return { base: rel, pattern: undefined };
  return { base: first === 0 ? '.' : parts.slice(0, first).join('/'), pattern: parts.slice(first).join('/') };
}

/** filepath.Match as fsutil calls it there: a bad pattern simply matches nothing. */
export function wildcardMatches(pattern: string, relPath: string): boolean {
  try {
    return goPathMatch(pattern, relPath);
  } catch {
    return false;
  }
}

/**
 * Could `pattern` match something strictly below `relDir` (both relative to
 * the source's base)? Lets a walker skip subtrees; false only when certain.
 */
export function wildcardMayMatchBelow(pattern: string, relDir: string): boolean {
  // A class or an escape can match '/', so segment counting would be unsound.
  if (pattern.includes('[') || pattern.includes('\\')) return true;
  const segs = pattern.split('/');
  const dirSegs = relDir === '.' ? [] : relDir.split('/');
  if (dirSegs.length >= segs.length) return false;
  return dirSegs.every((d, i) => wildcardMatches(segs[i], d));
}

/** Context path `path` relative to `base` ('.' for base itself), or undefined when outside it. */
export function relativeToBase(path: string, base: string): string | undefined {
  if (base === '.') return path;
  if (path === base) return '.';
  return path.startsWith(`${base}/`) ? path.slice(base.length + 1) : undefined;
}

/** Files of `files` (the non-excluded context) that one COPY source takes. */
export function matchCopySource(source: string, files: readonly ContextFile[]): ContextFile[] {
  const { base, pattern } = splitCopySource(source);
  const out: ContextFile[] = [];
  const memo = new Map<string, boolean>();
  for (const f of files) {
    const rel = relativeToBase(normalizeCopySource(f.path), base);
    if (rel === undefined) continue;
    if (pattern === undefined) {
      out.push(f);
      continue;
    }
    if (rel === '.') continue;
    // The file is taken when it, or a directory above it (below base), matches.
    const segs = rel.split('/');
    for (let k = 1; k <= segs.length; k++) {
      const candidate = segs.slice(0, k).join('/');
      let hit = memo.get(candidate);
      if (hit === undefined) {
        hit = wildcardMatches(pattern, candidate);
        memo.set(candidate, hit);
      }
      if (hit) {
        out.push(f);
        break;
      }
    }
  }
  return out;
}

/** Files all sources of one instruction take, each file once, with their total size. */
export function matchCopySources(sources: readonly string[], files: readonly ContextFile[]): CopySourceMatch {
  const seen = new Set<string>();
  const taken: ContextFile[] = [];
  const unmatched: string[] = [];
  for (const source of sources) {
    const hits = matchCopySource(source, files);
    if (hits.length === 0) unmatched.push(source);
    for (const f of hits) {
      const key = normalizeCopySource(f.path);
      if (seen.has(key)) continue;
      seen.add(key);
      taken.push(f);
    }
  }
  return { files: taken, bytes: taken.reduce((n, f) => n + f.size, 0), unmatched };
}

/** Sizes summed per first path segment (node_modules, src, …), biggest first. */
export function topLevelTotals(files: Iterable<ContextFile>, limit = 10): { path: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const f of files) {
    const top = normalizeCopySource(f.path).split('/')[0];
    totals.set(top, (totals.get(top) ?? 0) + f.size);
  }
  return Array.from(totals, ([path, bytes]) => ({ path, bytes }))
    .sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .slice(0, limit);
}
