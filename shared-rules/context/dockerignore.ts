// .dockerignore as BuildKit applies it: the reader is moby/patternmatcher's
// ignorefile.ReadAll, the matcher is patternmatcher.New + MatchesOrParentMatches /
// MatchesUsingParentResults, and the directory pruning rule is the one in
// tonistiigi/fsutil's filter (the sender that walks the context).

import { compileIgnorePattern, CompiledIgnorePattern, IgnoreMatchKind, matchIgnorePattern } from './ignore-pattern';
import { goClean, goPatternError, goTrimSpace } from './go-path';

export interface IgnoreLine {
  /** 1-based line in the ignore file. */
  readonly line: number;
  /** The pattern as ignorefile.ReadAll returns it: trimmed, cleaned, leading '/' dropped, '!' kept. */
  readonly pattern: string;
}

export interface IgnorePattern {
  readonly line: number;
  /** Cleaned pattern without the leading '!'. */
  readonly text: string;
  /** A '!' line: re-includes what earlier lines excluded. */
  readonly exception: boolean;
  readonly kind: IgnoreMatchKind;
}

export interface IgnoreProblem {
  readonly line: number;
  readonly pattern: string;
  /** Why BuildKit refuses the file ("failed to solve: … syntax error in pattern"). */
  readonly message: string;
}

/**
 * Per-pattern results for a directory, passed down to its entries
 * (patternmatcher.MatchInfo). Undefined means "no parent information".
 */
export type ParentMatchInfo = readonly boolean[] | undefined;

const UTF8_BOM = '\uFEFF';

/** ignorefile.ReadAll: the patterns of an ignore file, in order. */
export function readIgnoreLines(text: string): IgnoreLine[] {
  const out: IgnoreLine[] = [];
  const lines = text.split('\n');
  // bufio.ScanLines: a final newline does not start another line.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, index) => {
    let pattern = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (index === 0 && pattern.startsWith(UTF8_BOM)) pattern = pattern.slice(1);
    // Only a '#' in the first column starts a comment; "  # x" is a pattern.
    if (pattern.startsWith('#')) return;
    pattern = goTrimSpace(pattern);
    if (pattern === '') return;
    const invert = pattern.startsWith('!');
    if (invert) pattern = goTrimSpace(pattern.slice(1));
    if (pattern.length > 0) {
      pattern = goClean(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    if (invert) pattern = `!${pattern}`;
    out.push({ line: index + 1, pattern });
  });
  return out;
}

interface CompiledEntry extends IgnorePattern {
  readonly compiled: CompiledIgnorePattern;
}

/** A parsed ignore file that answers "is this context path excluded?". */
export class DockerignoreMatcher {
  readonly patterns: readonly IgnorePattern[];
  readonly problems: readonly IgnoreProblem[];
  /** Some pattern is a '!' exception. */
  readonly hasExceptions: boolean;
  private readonly entries: readonly CompiledEntry[];
  // fsutil only prunes an excluded directory while no exception has wildcards
  // once a trailing "/**" or "/*" is removed; we prune more precisely (see mayReincludeUnder).
  private readonly exceptionPrefixes: readonly string[];

  constructor(lines: readonly IgnoreLine[]) {
    const entries: CompiledEntry[] = [];
    const problems: IgnoreProblem[] = [];
    for (const { line, pattern: raw } of lines) {
      // patternmatcher.New trims and cleans once more, then splits off '!'.
      let p = goTrimSpace(raw);
      if (p === '') continue;
      p = goClean(p);
      let exception = false;
      if (p.startsWith('!')) {
        if (p.length === 1) {
          problems.push({ line, pattern: raw, message: 'illegal exclusion pattern: "!"' });
          continue;
        }
        exception = true;
        p = p.slice(1);
      }
      const syntax = goPatternError(p);
      if (syntax !== undefined) {
        problems.push({ line, pattern: raw, message: syntax });
        continue;
      }
      const compiled = compileIgnorePattern(p);
      if (compiled.error !== undefined) {
        problems.push({ line, pattern: raw, message: compiled.error });
        continue;
      }
      entries.push({ line, text: p, exception, kind: compiled.kind, compiled });
    }
    this.entries = entries;
    this.patterns = entries.map(({ line, text, exception, kind }) => ({ line, text, exception, kind }));
    this.problems = problems;
    this.hasExceptions = entries.some((e) => e.exception);
    this.exceptionPrefixes = entries.filter((e) => e.exception).map((e) => e.text);
  }

  static fromText(text: string): DockerignoreMatcher {
    return new DockerignoreMatcher(readIgnoreLines(text));
  }

  /** True when the context path (relative, '/'-separated) is left out of the build context. */
  isExcluded(path: string): boolean {
    const rel = normalizeContextPath(path);
    if (rel === '.' || this.entries.length === 0) return false;
    // Replays the sender's walk: each ancestor's results feed the next level.
    let info: ParentMatchInfo;
    let excluded = false;
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const step = this.matchesUsingParentResults(parts.slice(0, i).join('/'), info);
      info = step.info;
      excluded = step.excluded;
    }
    return excluded;
  }

  /** patternmatcher.MatchesExact: no parent-directory matching. */
  matchesExact(path: string): boolean {
    let matched = false;
    for (const e of this.entries) {
      if (e.exception !== matched) continue;
      if (this.matchOne(e, path)) matched = !e.exception;
    }
    return matched;
  }

  /** patternmatcher.MatchesOrParentMatches: a pattern may match the path or any of its parent directories. */
  matchesOrParentMatches(path: string): boolean {
    const file = path;
    const parentDirs = parentPrefixes(file);
    let matched = false;
    for (const e of this.entries) {
      if (e.exception !== matched) continue;
      let match = this.matchOne(e, file);
      if (!match) {
        for (const parent of parentDirs) {
          if (this.matchOne(e, parent)) {
            match = true;
            break;
          }
        }
      }
      if (match) matched = !e.exception;
    }
    return matched;
  }

  /**
   * patternmatcher.MatchesUsingParentResults, the call the context sender
   * makes for every entry it walks. `parent` is the info returned for the
   * entry's directory (undefined for top-level entries).
   */
  matchesUsingParentResults(path: string, parent: ParentMatchInfo): { excluded: boolean; info: boolean[] } {
    const info = new Array<boolean>(this.entries.length).fill(false);
    const parentDirs = parent === undefined ? parentPrefixes(path) : [];
    let matched = false;
    this.entries.forEach((e, i) => {
      let match = parent !== undefined && parent[i] === true;
      if (!match) {
        if (e.exception !== matched) return;
        match = this.matchOne(e, path);
        if (!match && parent === undefined) match = parentDirs.some((d) => this.matchOne(e, d));
      }
      info[i] = match;
      if (match) matched = !e.exception;
    });
    return { excluded: matched, info };
  }

  /**
   * Whether the walk must look inside an excluded directory because a '!'
   * exception could re-include something below it. Answers false only when
   * that is certain, so pruning never changes what is sent.
   */
  mayReincludeUnder(dir: string): boolean {
    if (!this.hasExceptions) return false;
    const dirParts = normalizeContextPath(dir).split('/');
    return this.exceptionPrefixes.some((p) => exceptionReachesBelow(p, dirParts));
  }

  /** fsutil's own rule (kept for reference and tests): prune unless an exception is a literal path below `dir`. */
  fsutilWouldDescend(dir: string): boolean {
    if (!this.hasExceptions) return false;
    const wildcard = this.entries.some((e) => e.exception && /[*[\]?^\\]/.test(withoutTrailingGlob(e.text)));
    if (wildcard) return true;
    const dirSlash = `${normalizeContextPath(dir)}/`;
    return this.entries.some((e) => e.exception && `${withoutTrailingGlob(e.text)}/`.startsWith(dirSlash));
  }

  private matchOne(e: CompiledEntry, path: string): boolean {
    return matchIgnorePattern(e.text, e.compiled, path);
  }
}

/** Parses ignore-file text into a matcher (problems are on `matcher.problems`). */
export function parseDockerignore(text: string): DockerignoreMatcher {
  return DockerignoreMatcher.fromText(text);
}

/** One-shot check; prefer a {@link DockerignoreMatcher} for many paths. */
export function isExcludedByDockerignore(text: string, path: string): boolean {
  return DockerignoreMatcher.fromText(text).isExcluded(path);
}

/** "./a//b/" → "a/b", "/a" → "a", "" → ".". */
export function normalizeContextPath(path: string): string {
  const cleaned = goClean(path);
  if (cleaned === '/') return '.';
  return cleaned.startsWith('/') ? cleaned.slice(1) : cleaned;
}

/** The parent directories patternmatcher tries: prefixes of filepath.Dir(file), none when it is ".". */
function parentPrefixes(file: string): string[] {
  const slash = file.lastIndexOf('/');
  const dir = goClean(slash < 0 ? '' : file.slice(0, slash + 1));
  if (dir === '.') return [];
  const parts = dir.split('/');
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) out.push(parts.slice(0, i).join('/'));
  return out;
}

function withoutTrailingGlob(p: string): string {
  let s = p.endsWith('/**') ? p.slice(0, -3) : p;
  s = s.endsWith('/*') ? s.slice(0, -2) : s;
  return s;
}

/**
 * Could exception pattern `p` match some path strictly below the directory
 * `dirParts`? Without '**', '[' or '\', every '*'/'?' stays inside one path
 * segment, so the pattern matches only paths with exactly its segment count,
 * segment by segment. Anything else is answered "maybe".
 */
function exceptionReachesBelow(p: string, dirParts: readonly string[]): boolean {
  if (p.includes('**') || p.includes('[') || p.includes('\\')) return true;
  const segs = p.split('/');
  if (segs.length <= dirParts.length) return false;
  for (let i = 0; i < dirParts.length; i++) {
    if (!segmentMatches(segs[i], dirParts[i])) return false;
  }
  return true;
}

function segmentMatches(seg: string, name: string): boolean {
  if (!/[*?]/.test(seg)) return seg === name;
  const re = new RegExp(`^${seg.replace(/[.+^$(){}|]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
  return re.test(name);
}

// ---- which ignore file applies -------------------------------------------

/**
 * Ignore files BuildKit would read for a Dockerfile, best first: the
 * Dockerfile-specific `<Dockerfile>.dockerignore` next to the Dockerfile,
 * then `.dockerignore` at the context root. Paths keep the separator style
 * of their inputs.
 */
export function ignoreFileCandidates(dockerfilePath: string, contextDir: string): string[] {
  return [`${dockerfilePath}.dockerignore`, joinPath(contextDir, '.dockerignore')];
}

/** The ignore file that applies, given which candidate files exist; undefined when none does. */
export function pickIgnoreFile(
  dockerfilePath: string,
  contextDir: string,
  existing: Iterable<string>,
): string | undefined {
  const have = new Set(Array.from(existing, (p) => p.replace(/\\/g, '/')));
  return ignoreFileCandidates(dockerfilePath, contextDir).find((c) => have.has(c.replace(/\\/g, '/')));
}

function joinPath(dir: string, name: string): string {
  if (dir === '') return name;
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}
