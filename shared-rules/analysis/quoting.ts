import { EscapeChar } from '../model/types';

/**
 * Rewrites a Dockerfile word-list (as written after `ENV name`) as one
 * double-quoted word with the same value under BuildKit's lexer: unquoted
 * escapes are resolved, single-quoted text has `"`, `$` and the escape
 * character escaped, double-quoted text is kept. Whitespace between words
 * stays as written, as in the legacy `ENV name value` form.
 */
export function asDoubleQuoted(raw: string, escape: EscapeChar = '\\'): string {
  let out = '';
  let quote: '"' | "'" | undefined;
  const special = new Set(['"', '$', escape]);
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else out += special.has(c) ? escape + c : c;
      continue;
    }
    if (quote === '"') {
      if (c === escape && i + 1 < raw.length) {
        out += c + raw[i + 1];
        i++;
      } else if (c === '"') quote = undefined;
      else out += c;
      continue;
    }
    if (c === escape && i + 1 < raw.length) {
      const next = raw[i + 1];
      out += special.has(next) ? escape + next : next;
      i++;
    } else if (c === '"' || c === "'") quote = c;
    else out += c;
  }
  return `"${out}"`;
}

/** True when `raw` is one word for BuildKit: no whitespace outside quotes or escapes. */
export function isSingleWord(raw: string, escape: EscapeChar = '\\'): boolean {
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === escape && quote !== "'") {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (/\s/.test(c)) return false;
  }
  return true;
}
