// One .dockerignore pattern, compiled the way moby/patternmatcher compiles it
// (Pattern.compile / Pattern.match), for the '/'-separated platform BuildKit
// runs on. The Go code builds a Go regexp string; this builds the same string
// and turns the few places where Go's regexp syntax differs from JavaScript's
// into their JavaScript equivalents.

export type IgnoreMatchKind = 'exact' | 'prefix' | 'suffix' | 'regexp';

export interface CompiledIgnorePattern {
  readonly kind: IgnoreMatchKind;
  /** Present for kind 'regexp'. */
  readonly regexp?: RegExp;
  /** Set when Go's regexp compiler would reject the pattern: BuildKit then fails the build. */
  readonly error?: string;
}

// Characters patternmatcher escapes because they are regexp syntax but not glob
// syntax. Its list is `.+()|{}$`, but the bitmap it keeps them in ([8]byte,
// bit b/8) drops every byte >= 64, so '{', '|' and '}' reach the regexp raw:
// in a pattern that also has a wildcard, "a*|b" is an alternation.
const ESCAPED = new Set(['.', '+', '(', ')', '$']);

// Go's `.` does not match '\n' but, unlike JavaScript's, does match '\r', U+2028 and U+2029.
const GO_DOT = '[^\\n]';
// Go's [^/] consumes one code point; in a non-unicode JS regexp it would consume half a surrogate pair.
const ONE_NON_SLASH = '(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^/])';

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

export function compileIgnorePattern(cleaned: string): CompiledIgnorePattern {
  const { goRegexp, kind } = goRegexpFor(cleaned);
  if (kind !== 'regexp') return { kind };
  const js = goRegexpToJs(goRegexp);
  if (js.error !== undefined) return { kind, error: `invalid pattern ${JSON.stringify(cleaned)}: ${js.error}` };
  // Go's RE2 is linear; a backtracking engine is not, so collapse repeated
  // "any directories" groups, which match the same paths as one.
  const source = js.source.replace(/(?:\(\[\^\\n\]\*\\\/\)\?){2,}/g, '([^\\n]*\\/)?');
  try {
    return { kind, regexp: new RegExp(source) };
  } catch (e) {
    return { kind, error: `invalid pattern ${JSON.stringify(cleaned)}: ${(e as Error).message}` };
  }
}

/** The Go regexp source and match kind Pattern.compile derives from a cleaned pattern. */
export function goRegexpFor(cleaned: string): { goRegexp: string; kind: IgnoreMatchKind } {
  const chars = Array.from(cleaned);
  let re = '^';
  let kind: IgnoreMatchKind = 'exact';
  let pos = 0;
  for (let i = 0; pos < chars.length; i++) {
    const ch = chars[pos++];
    if (ch === '*') {
      if (chars[pos] === '*') {
        pos++;
        // "**/" is treated as "**".
        if (chars[pos] === '/') pos++;
        if (pos >= chars.length) {
          // A trailing "**" accepts everything, as in .gitignore.
          if (kind === 'exact') kind = 'prefix';
          else {
            re += '.*';
            kind = 'regexp';
          }
        } else {
          // Any number of directories, including none.
          re += '(.*/)?';
          kind = 'regexp';
        }
        if (i === 0) kind = 'suffix';
      } else {
        re += '[^/]*';
        kind = 'regexp';
      }
    } else if (ch === '?') {
      re += '[^/]';
      kind = 'regexp';
    } else if (ESCAPED.has(ch)) {
      re += `\\${ch}`;
    } else if (ch === '\\') {
      if (pos < chars.length) {
        re += `\\${chars[pos++]}`;
        kind = 'regexp';
      } else {
        re += '\\';
      }
    } else if (ch === '[' || ch === ']') {
      re += ch;
      kind = 'regexp';
    } else {
      re += ch;
    }
  }
  return { goRegexp: kind === 'regexp' ? `${re}$` : '', kind };
}

/**
 * Rewrites the Go regexp syntax patternmatcher can produce into a JavaScript
 * (non-unicode) RegExp source with the same meaning. Tracks bracket classes
 * the way Go's parser does, since `*` and `?` inside a user's `[...]` insert
 * `[^/]` into it.
 */
export function goRegexpToJs(go: string): { source: string; error?: string } {
  const chars = Array.from(go);
  let out = '';
  let inClass = false;
  for (let pos = 0; pos < chars.length; ) {
    const ch = chars[pos];
    if (ch === '\\') {
      if (pos + 1 >= chars.length) return { source: out, error: 'trailing backslash at end of expression' };
      const esc = translateGoEscape(chars, pos + 1, inClass);
      if (esc.error !== undefined) return { source: out, error: esc.error };
      out += esc.js;
      pos = esc.next;
      continue;
    }
    if (inClass) {
      if (ch === ']') {
        inClass = false;
        out += ']';
        pos++;
        continue;
      }
      if (ch === '[' && chars[pos + 1] === ':') {
        const posix = readPosixClass(chars, pos + 1);
        if (posix !== undefined) {
          if (posix.error !== undefined) return { source: out, error: posix.error };
          out += posix.js;
          pos = posix.next;
          continue;
        }
      }
      // '[' is literal inside a Go class; JavaScript agrees outside unicode mode.
      out += ch;
      pos++;
      continue;
    }
    if (ch === '[') {
      if (chars[pos + 1] === '^' && chars[pos + 2] === '/' && chars[pos + 3] === ']' && chars[pos + 4] !== '*') {
        out += ONE_NON_SLASH;
        pos += 4;
        continue;
      }
      inClass = true;
      out += '[';
      pos++;
      if (chars[pos] === '^') {
        out += '^';
        pos++;
      }
      // A ']' first in a Go class is literal; JavaScript needs it escaped.
      if (chars[pos] === ']') {
        out += '\\]';
        pos++;
      }
      continue;
    }
    if (ch === '.') {
      out += GO_DOT;
      pos++;
      continue;
    }
    out += ch === '/' ? '\\/' : ch;
    pos++;
  }
  if (inClass) return { source: out, error: 'missing closing ]' };
  return { source: out };
}

/** Pattern.match for a compiled pattern. `cleaned` is the pattern text the match kinds compare against. */
export function matchIgnorePattern(cleaned: string, compiled: CompiledIgnorePattern, path: string): boolean {
  switch (compiled.kind) {
    case 'exact':
      return path === cleaned;
    case 'prefix':
      return path.startsWith(cleaned.slice(0, -2));
    case 'suffix': {
      const suffix = cleaned.slice(2);
      if (path.endsWith(suffix)) return true;
      // "**/foo" matches "foo".
      return suffix.startsWith('/') && path === suffix.slice(1);
    }
    case 'regexp':
      return compiled.regexp !== undefined && compiled.regexp.test(path);
  }
}

/**
 * patternmatcher turns `\c` into the Go regexp escape `\c`, so a letter after
 * a backslash takes Go's regexp meaning (`\d` is a digit, `\z` end of text).
 * ASCII punctuation stays literal in both languages.
 */
function translateGoEscape(chars: string[], pos: number, inClass: boolean): { js: string; next: number; error?: string } {
  const c = chars[pos];
  const next = pos + 1;
  const bad = { js: '', next, error: `invalid escape sequence: \`\\${c}\`` };
  const code = c.codePointAt(0) ?? 0;
  if (code < 0x80 && !/[0-9A-Za-z]/.test(c)) return { js: `\\${c}`, next };
  switch (c) {
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
    case 't': case 'n': case 'r': case 'f': case 'v':
      return { js: `\\${c}`, next };
    case 'b': case 'B':
      return inClass ? bad : { js: `\\${c}`, next };
    case 'a':
      return { js: '\\x07', next };
    case 'A':
      return inClass ? bad : { js: '(?:^)', next };
    case 'z':
      return inClass ? bad : { js: '(?:$)', next };
    case 'Q': {
      if (inClass) return bad;
      // \Q...\E quotes literal text up to \E or the end.
      let end = next;
      while (end < chars.length && !(chars[end] === '\\' && chars[end + 1] === 'E')) end++;
      const literal = chars.slice(next, end).map((ch) => literalFor(ch)).join('');
      return { js: `(?:${literal})`, next: end < chars.length ? end + 2 : end };
    }
    case 'x': {
      let cp = -1;
      let after = next;
      if (chars[next] === '{') {
        const close = chars.indexOf('}', next);
        const hex = close < 0 ? '' : chars.slice(next + 1, close).join('');
        if (/^[0-9A-Fa-f]{1,8}$/.test(hex)) {
          cp = parseInt(hex, 16);
          after = close + 1;
        }
      } else {
        const hex = chars.slice(next, next + 2).join('');
        if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
          cp = parseInt(hex, 16);
          after = next + 2;
        }
      }
      if (cp < 0 || cp > 0x10ffff) return bad;
      return codePointEscape(cp, after, inClass);
    }
    default:
      if (/[0-7]/.test(c)) {
        // Go: a single non-zero digit is a (rejected) backreference; otherwise up to three octal digits.
        let end = next;
        while (end < chars.length && end < pos + 3 && /[0-7]/.test(chars[end])) end++;
        if (c !== '0' && end === next) return bad;
        return codePointEscape(parseInt(chars.slice(pos, end).join(''), 8), end, inClass);
      }
      // \p{...} / \pL Unicode classes are valid Go but have no non-unicode JavaScript equivalent.
      return c === 'p' || c === 'P' ? { js: '', next, error: `unsupported Unicode class escape \`\\${c}\`` } : bad;
  }
}

function literalFor(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

function readPosixClass(chars: string[], pos: number): { js: string; next: number; error?: string } | undefined {
  // chars[pos] is ':' right after a '['; a POSIX class reads "[:name:]".
  let end = pos + 1;
  while (end < chars.length && /[a-z^]/.test(chars[end])) end++;
  if (chars[end] !== ':' || chars[end + 1] !== ']') return undefined;
  const name = chars.slice(pos + 1, end).join('');
  const next = end + 2;
  const negated = name.startsWith('^');
  const body = POSIX_CLASSES[negated ? name.slice(1) : name];
  if (body === undefined) return { js: '', next, error: `invalid character class range: \`[:${name}:]\`` };
  if (negated) return { js: '', next, error: `unsupported negated POSIX class \`[:${name}:]\`` };
  return { js: body, next };
}

function codePointEscape(cp: number, next: number, inClass: boolean): { js: string; next: number; error?: string } {
  if (cp <= 0xffff) return { js: `\\u${cp.toString(16).padStart(4, '0')}`, next };
  if (inClass) return { js: '', next, error: 'unsupported astral code point escape inside a character class' };
  const s = String.fromCodePoint(cp);
  return { js: `(?:\\u${s.charCodeAt(0).toString(16)}\\u${s.charCodeAt(1).toString(16)})`, next };
}
