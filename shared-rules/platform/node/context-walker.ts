// Measures what COPY/ADD sources take from a build context on disk: walks
// only below each source's fixed prefix, prunes excluded directories the way
// BuildKit's sender does (tighter, where provably equivalent), never follows a
// symlink inside the tree, and stays responsive: async, abortable, yields to
// the event loop, and reuses directory listings whose mtime has not changed.

import * as fs from 'fs';
import * as path from 'path';
import { DockerignoreMatcher, ignoreFileCandidates, ParentMatchInfo } from '../../context/dockerignore';
import {
  relativeToBase,
  splitCopySource,
  wildcardMatches,
  wildcardMayMatchBelow,
} from '../../context/copy-sources';

export interface ScanLimits {
  /** Directory entries looked at per measure() before giving up with `truncated`. */
  readonly maxEntries?: number;
  /** Directory levels below the context root. */
  readonly maxDepth?: number;
  /**
   * A cached listing is reused while its directory's mtime is unchanged and it
   * is younger than this. Editing a file in place does not touch the
   * directory's mtime, so sizes of such files refresh only after this age.
   */
  readonly maxCacheAgeMs?: number;
  /** How many top-level entries `top` lists. */
  readonly topCount?: number;
  /** Work between two yields to the event loop, in milliseconds. */
  readonly sliceMs?: number;
}

export interface ContextMeasure {
  readonly bytes: number;
  readonly files: number;
  /** A limit (entries or depth) stopped the walk: bytes and files are lower bounds. */
  readonly truncated: boolean;
  /** Biggest top-level context entries among the files taken (node_modules, src, …). */
  readonly top: { path: string; bytes: number }[];
  /** Directories or files that could not be read (EACCES, vanished while walking). */
  readonly unreadable: number;
  /** Sources that matched nothing on disk. */
  readonly unmatched: string[];
  /** Directory entries looked at (pruned directories contribute nothing). */
  readonly visited: number;
}

type EntryKind = 'file' | 'dir' | 'symlink' | 'other';

interface ListedEntry {
  readonly name: string;
  readonly kind: EntryKind;
  readonly size: number;
}

interface CachedListing {
  readonly mtimeNs: bigint;
  readonly ino: bigint;
  readonly readAt: number;
  readonly entries: readonly ListedEntry[];
}

type WalkMode = { readonly all: true } | { readonly all: false; readonly base: string; readonly pattern: string };

const ALL: WalkMode = { all: true };

const DEFAULTS = {
  maxEntries: 200_000,
  maxDepth: 64,
  maxCacheAgeMs: 60_000,
  topCount: 10,
  sliceMs: 10,
};

const STAT_BATCH = 64;

/** Per-call walk state. */
class Walk {
  bytes = 0;
  files = 0;
  entries = 0;
  truncated = false;
  unreadable = 0;
  /** Files taken, counting repeats across sources. */
  hits = 0;
  readonly seen = new Set<string>();
  readonly totals = new Map<string, number>();
  lastYield = Date.now();

  constructor(readonly signal: AbortSignal | undefined) {}

  add(rel: string, size: number): void {
    this.hits++;
    if (this.seen.has(rel)) return;
    this.seen.add(rel);
    this.bytes += size;
    this.files++;
    const top = rel.split('/')[0];
    this.totals.set(top, (this.totals.get(top) ?? 0) + size);
  }
}

export class BuildContextScanner {
  readonly contextDir: string;
  private matcherValue: DockerignoreMatcher | undefined;
  private readonly limits: typeof DEFAULTS;
  private readonly cache = new Map<string, CachedListing>();
  private cachedEntries = 0;
  private rootReal: string | undefined;

  constructor(contextDir: string, ignoreText?: string, limits: ScanLimits = {}) {
    this.contextDir = path.resolve(contextDir);
    this.limits = { ...DEFAULTS, ...definedOnly(limits) };
    this.setIgnoreText(ignoreText);
  }

  /** Swap the ignore rules (e.g. the .dockerignore was edited); cached listings stay valid. */
  setIgnoreText(text: string | undefined): void {
    this.matcherValue = text === undefined ? undefined : DockerignoreMatcher.fromText(text);
  }

  /** The parsed ignore rules, with any lines BuildKit would reject in `problems`. */
  get matcher(): DockerignoreMatcher | undefined {
    return this.matcherValue;
  }

  /** Whether `name` (context-relative, e.g. ".dockerignore") exists in the context. */
  exists(name: string): boolean {
    const rel = path.posix.normalize(name.replace(/\\/g, '/'));
    if (rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return false;
    return fs.existsSync(path.join(this.contextDir, rel));
  }

  /** Drop every cached listing (e.g. after a file watcher reports a bulk change). */
  invalidate(): void {
    this.cache.clear();
    this.cachedEntries = 0;
  }

  /**
   * Bytes and files the sources of one COPY/ADD take from the context after
   * the ignore rules. Rejects with the signal's reason (an AbortError) when
   * aborted; never rejects for unreadable or vanished files.
   */
  async measure(sources: readonly string[], signal?: AbortSignal): Promise<ContextMeasure> {
    const walk = new Walk(signal);
    const unmatched: string[] = [];
    signal?.throwIfAborted();
    const root = await this.realRoot();
    for (const source of sources) {
      if (walk.truncated) break;
      signal?.throwIfAborted();
      const before = walk.hits;
      const { base, pattern } = splitCopySource(source);
      const resolved = root === undefined ? undefined : await this.resolveBase(root, base);
      if (resolved !== undefined) {
        const { excluded, info } = this.chainInfo(resolved.rel);
        if (pattern === undefined) {
          if (resolved.kind !== 'dir') {
            if (!excluded) walk.add(resolved.rel, resolved.size);
          } else if (!excluded || this.mayReinclude(resolved.rel)) {
            await this.walkDir(walk, resolved.rel, info, ALL);
          }
        } else if (resolved.kind === 'dir' && (!excluded || this.mayReinclude(resolved.rel))) {
          await this.walkDir(walk, resolved.rel, info, { all: false, base: resolved.rel, pattern });
        }
      }
      if (walk.hits === before && !walk.truncated) unmatched.push(source);
    }
    const top = Array.from(walk.totals, ([p, bytes]) => ({ path: p, bytes }))
      .sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1))
      .slice(0, this.limits.topCount);
    return {
      bytes: walk.bytes,
      files: walk.files,
      truncated: walk.truncated,
      top,
      unreadable: walk.unreadable,
      unmatched,
      visited: Math.min(walk.entries, this.limits.maxEntries),
    };
  }

  private async walkDir(walk: Walk, dirRel: string, dirInfo: ParentMatchInfo, mode: WalkMode): Promise<void> {
    const depth = dirRel === '.' ? 0 : dirRel.split('/').length;
    if (depth >= this.limits.maxDepth) {
      walk.truncated = true;
      return;
    }
    walk.signal?.throwIfAborted();
    const listing = await this.list(dirRel === '.' ? this.contextDir : path.join(this.contextDir, dirRel));
    if (listing === undefined) {
      walk.unreadable++;
      return;
    }
    const matcher = this.matcherValue;
    for (const entry of listing) {
      if (++walk.entries > this.limits.maxEntries) {
        walk.truncated = true;
        return;
      }
      if ((walk.entries & 255) === 0) await this.maybeYield(walk);
      const rel = dirRel === '.' ? entry.name : `${dirRel}/${entry.name}`;
      let childMode = mode;
      if (!mode.all) {
        const fromBase = relativeToBase(rel, mode.base) ?? rel;
        if (wildcardMatches(mode.pattern, fromBase)) childMode = ALL;
        else if (entry.kind !== 'dir' || !wildcardMayMatchBelow(mode.pattern, fromBase)) continue;
      }
      const m = matcher?.matchesUsingParentResults(rel, dirInfo);
      const excluded = m?.excluded ?? false;
      if (entry.kind === 'dir') {
        if (excluded && !this.mayReinclude(rel)) continue;
        await this.walkDir(walk, rel, m?.info, childMode);
        if (walk.truncated) return;
      } else if (!excluded && childMode.all) {
        walk.add(rel, entry.size);
      }
    }
  }

  private mayReinclude(rel: string): boolean {
    return this.matcherValue?.mayReincludeUnder(rel) ?? false;
  }

  /** Exclusion state of a context path and the match info its entries inherit. */
  private chainInfo(rel: string): { excluded: boolean; info: ParentMatchInfo } {
    const matcher = this.matcherValue;
    if (matcher === undefined || rel === '.') return { excluded: false, info: undefined };
    let info: ParentMatchInfo;
    let excluded = false;
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const step = matcher.matchesUsingParentResults(parts.slice(0, i).join('/'), info);
      info = step.info;
      excluded = step.excluded;
    }
    return { excluded, info };
  }

  private async maybeYield(walk: Walk): Promise<void> {
    walk.signal?.throwIfAborted();
    const now = Date.now();
    if (now - walk.lastYield < this.limits.sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    walk.lastYield = Date.now();
    walk.signal?.throwIfAborted();
  }

  private async realRoot(): Promise<string | undefined> {
    if (this.rootReal !== undefined) return this.rootReal;
    try {
      this.rootReal = await fs.promises.realpath(this.contextDir);
    } catch {
      return undefined;
    }
    return this.rootReal;
  }

  /**
   * A source's fixed prefix on disk. COPY follows symlinks in the source path
   * itself; one that leads outside the context counts as missing.
   */
  private async resolveBase(
    root: string,
    base: string,
  ): Promise<{ rel: string; kind: EntryKind; size: number } | undefined> {
    if (base === '.') return { rel: '.', kind: 'dir', size: 0 };
    try {
      const real = await fs.promises.realpath(path.join(this.contextDir, base));
      const relNative = path.relative(root, real);
      if (relNative === '') return { rel: '.', kind: 'dir', size: 0 };
      if (relNative.startsWith('..') || path.isAbsolute(relNative)) return undefined;
      const st = await fs.promises.stat(real);
      const rel = relNative.split(path.sep).join('/');
      return { rel, kind: st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other', size: st.isFile() ? st.size : 0 };
    } catch {
      return undefined;
    }
  }

  private async list(absDir: string): Promise<readonly ListedEntry[] | undefined> {
    let st: fs.BigIntStats;
    try {
      st = await fs.promises.lstat(absDir, { bigint: true });
    } catch {
      return undefined;
    }
    if (!st.isDirectory()) return undefined;
    const cached = this.cache.get(absDir);
    if (
      cached !== undefined &&
      cached.mtimeNs === st.mtimeNs &&
      cached.ino === st.ino &&
      Date.now() - cached.readAt < this.limits.maxCacheAgeMs
    ) {
      return cached.entries;
    }
    let dirents: fs.Dirent[];
    try {
      dirents = await fs.promises.readdir(absDir, { withFileTypes: true });
    } catch {
      this.forget(absDir);
      return undefined;
    }
    const entries: (ListedEntry | undefined)[] = new Array(dirents.length);
    for (let i = 0; i < dirents.length; i += STAT_BATCH) {
      await Promise.all(
        dirents.slice(i, i + STAT_BATCH).map(async (d, j) => {
          entries[i + j] = await describe(absDir, d);
        }),
      );
    }
    const kept = entries.filter((e): e is ListedEntry => e !== undefined);
    kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.remember(absDir, { mtimeNs: st.mtimeNs, ino: st.ino, readAt: Date.now(), entries: kept });
    return kept;
  }

  private remember(absDir: string, listing: CachedListing): void {
    this.forget(absDir);
    // Bound memory: a cache larger than two full walks is rebuilt from scratch.
    if (this.cachedEntries + listing.entries.length > 2 * this.limits.maxEntries) this.invalidate();
    this.cache.set(absDir, listing);
    this.cachedEntries += listing.entries.length;
  }

  private forget(absDir: string): void {
    const old = this.cache.get(absDir);
    if (old === undefined) return;
    this.cache.delete(absDir);
    this.cachedEntries -= old.entries.length;
  }
}

async function describe(absDir: string, d: fs.Dirent): Promise<ListedEntry | undefined> {
  if (d.isDirectory()) return { name: d.name, kind: 'dir', size: 0 };
  const kind: EntryKind = d.isFile() ? 'file' : d.isSymbolicLink() ? 'symlink' : 'other';
  if (kind === 'other') return { name: d.name, kind, size: 0 };
  try {
    // lstat: a symlink is sent as a link, never as its target.
    const st = await fs.promises.lstat(path.join(absDir, d.name));
    return { name: d.name, kind, size: st.size };
  } catch {
    // Vanished between readdir and lstat.
    return undefined;
  }
}

function definedOnly(limits: ScanLimits): Partial<typeof DEFAULTS> {
  const out: Partial<Record<keyof typeof DEFAULTS, number>> = {};
  for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const v = limits[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * The ignore file BuildKit would use for this Dockerfile: `<Dockerfile>.dockerignore`
 * next to it, else `.dockerignore` at the context root.
 */
export function readIgnoreFile(contextDir: string, dockerfilePath: string): { path: string; text: string } | undefined {
  for (const candidate of ignoreFileCandidates(dockerfilePath, contextDir)) {
    const p = path.normalize(candidate);
    try {
      return { path: p, text: fs.readFileSync(p, 'utf8') };
    } catch {
      // Missing, a directory, or unreadable: BuildKit falls through to the next one.
    }
  }
  return undefined;
}
