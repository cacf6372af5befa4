// Ports of the few Go standard-library path helpers that BuildKit's context
// handling is built on (path/filepath.Clean, filepath.Match, strings.TrimSpace),
// for a '/'-separated platform. Ported rather than approximated because the
// edge cases (trailing slashes, `..`, escapes, bad classes) decide what a build
// actually sends.

/** Thrown by {@link goPathMatch} where Go's filepath.Match returns ErrBadPattern. */
export class GoBadPatternError extends Error {
  constructor(readonly pattern: string) {
    super(`syntax error in pattern: ${pattern}`);
    this.name = 'GoBadPatternError';
  }
}

/** filepath.Clean on '/'-separated paths: "" → ".", no trailing '/', `.`/`..` resolved lexically. */
export function goClean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const joined = (rooted ? '/' : '') + out.join('/');
  return joined === '' ? '.' : joined;
}

// unicode.IsSpace: Latin-1 spaces plus the White_Space property. JS's trim()
// differs (it also strips U+FEFF and not U+0085), so it is not used.
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const GO_TRIM = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');

/** strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  return s.replace(GO_TRIM, '');
}

/** filepath.Match on a '/'-separated platform (so `\` escapes). Throws {@link GoBadPatternError}. */
export function goPathMatch(pattern: string, name: string): boolean {
  let pat = Array.from(pattern);
  let str = Array.from(name);
  patternLoop: while (pat.length > 0) {
    const { star, chunk, rest } = scanChunk(pat);
    pat = rest;
    if (star && chunk.length === 0) {
      // A trailing * matches the rest of the name unless it has a '/'.
      return !str.includes('/');
    }
    const here = matchChunk(chunk, str, pattern);
    if (here !== undefined && (here.length === 0 || pat.length > 0)) {
      str = here;
      continue;
    }
    if (star) {
      for (let i = 0; i < str.length && str[i] !== '/'; i++) {
        const t = matchChunk(chunk, str.slice(i + 1), pattern);
        if (t !== undefined) {
          if (pat.length === 0 && t.length > 0) continue;
          str = t;
          continue patternLoop;
        }
      }
    }
    // Go checks the rest of the pattern for syntax errors before answering false.
    while (pat.length > 0) {
      const next = scanChunk(pat);
      pat = next.rest;
      matchChunk(next.chunk, [], pattern);
    }
    return false;
  }
  return str.length === 0;
}

/** The ErrBadPattern message for `pattern`, or undefined when filepath.Match accepts it. */
export function goPatternError(pattern: string): string | undefined {
  try {
    goPathMatch(pattern, '.');
    return undefined;
  } catch (e) {
    return e instanceof GoBadPatternError ? e.message : String(e);
  }
}

function scanChunk(pattern: string[]): { star: boolean; chunk: string[]; rest: string[] } {
  let start = 0;
  let star = false;
  while (start < pattern.length && pattern[start] === '*') {
    start++;
    star = true;
  }
  let inRange = false;
  let i = start;
  scan: for (; i < pattern.length; i++) {
    switch (pattern[i]) {
      case '\\':
        if (i + 1 < pattern.length) i++;
        break;
      case '[':
        inRange = true;
        break;
      case ']':
        inRange = false;
        break;
      case '*':
        if (!inRange) break scan;
        break;
    }
  }
  return { star, chunk: pattern.slice(start, i), rest: pattern.slice(i) };
}

/** The rest of `s` after `chunk` matched its start, or undefined. Throws on bad syntax. */
function matchChunk(chunkIn: string[], sIn: string[], whole: string): string[] | undefined {
  let chunk = chunkIn;
  let s = sIn;
  // After a mismatch Go keeps parsing the chunk only to report syntax errors.
  let failed = false;
  while (chunk.length > 0) {
    if (!failed && s.length === 0) failed = true;
    const c = chunk[0];
    if (c === '[') {
      let r = '';
      if (!failed) {
        r = s[0];
        s = s.slice(1);
      }
      chunk = chunk.slice(1);
      let negated = false;
      if (chunk.length > 0 && chunk[0] === '^') {
        negated = true;
        chunk = chunk.slice(1);
      }
      let match = false;
      let nrange = 0;
      for (;;) {
        if (chunk.length > 0 && chunk[0] === ']' && nrange > 0) {
          chunk = chunk.slice(1);
          break;
        }
        const lo = getEsc(chunk, whole);
        chunk = lo.rest;
        let hi = lo.ch;
        if (chunk[0] === '-') {
          const h = getEsc(chunk.slice(1), whole);
          chunk = h.rest;
          hi = h.ch;
        }
        if (!failed) {
          const rc = r.codePointAt(0) ?? 0;
          if ((lo.ch.codePointAt(0) ?? 0) <= rc && rc <= (hi.codePointAt(0) ?? 0)) match = true;
        }
        nrange++;
      }
      if (match === negated) failed = true;
    } else if (c === '?') {
      if (!failed) {
        if (s[0] === '/') failed = true;
        s = s.slice(1);
      }
      chunk = chunk.slice(1);
    } else {
      let lit = c;
      if (c === '\\') {
        chunk = chunk.slice(1);
        if (chunk.length === 0) throw new GoBadPatternError(whole);
        lit = chunk[0];
      }
      if (!failed) {
        if (lit !== s[0]) failed = true;
        s = s.slice(1);
      }
      chunk = chunk.slice(1);
    }
  }
  return failed ? undefined : s;
}

function getEsc(chunkIn: string[], whole: string): { ch: string; rest: string[] } {
  let chunk = chunkIn;
  if (chunk.length === 0 || chunk[0] === '-' || chunk[0] === ']') throw new GoBadPatternError(whole);
  if (chunk[0] === '\\') {
    chunk = chunk.slice(1);
    if (chunk.length === 0) throw new GoBadPatternError(whole);
  }
  const ch = chunk[0];
  const rest = chunk.slice(1);
  if (rest.length === 0) throw new GoBadPatternError(whole);
  return { ch, rest };
}
