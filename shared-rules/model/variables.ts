import { EscapeChar } from './types';

export interface VariableRef {
  name: string;
  /** Offsets within the scanned text, `$` to the end of the reference. */
  start: number;
  end: number;
  /** `${X:-d}` / `${X-d}` / `${X:+a}` / `${X+a}` / `${X:?e}` operator, if any. */
  operator: string | undefined;
  word: string | undefined;
  unclosed: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Whether `$name` can refer to it. ARG and ENV accept other names (`ARG A,B=1`
 * declares `A,B`), which no reference can reach: never suggest one.
 */
export function isVariableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/**
 * Finds `$NAME` and `${NAME…}` references the way BuildKit's word lexer does:
 * escaped `$` and single-quoted text are literal.
 */
export function findVariableRefs(text: string, escape: EscapeChar = '\\'): VariableRef[] {
  const refs: VariableRef[] = [];
  let inSingle = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escape && !inSingle) {
      i++;
      continue;
    }
    if (c === "'") {
      inSingle = !inSingle;
      continue;
    }
    if (c !== '$' || inSingle) continue;
    if (text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      const body = close === -1 ? text.slice(i + 2) : text.slice(i + 2, close);
      const m = NAME.exec(body);
      if (!m) continue;
      const rest = body.slice(m[0].length);
      const op = /^(:-|-|:\+|\+|:\?|\?|##|#|%%|%|\/\/|\/)/.exec(rest);
      refs.push({
        name: m[0],
        start: i,
        end: close === -1 ? text.length : close + 1,
        operator: op?.[0],
        word: op ? rest.slice(op[0].length) : undefined,
        unclosed: close === -1,
      });
      if (close === -1) break;
      i = close;
    } else {
      const m = NAME.exec(text.slice(i + 1));
      if (!m) continue;
      refs.push({ name: m[0], start: i, end: i + 1 + m[0].length, operator: undefined, word: undefined, unclosed: false });
      i += m[0].length;
    }
  }
  return refs;
}

export interface Expansion {
  value: string;
  /** Names referenced that had no value (and no default was used). */
  unresolved: string[];
}

/** Expands references with `lookup`; undefined means "not defined". */
export function expandVariables(text: string, lookup: (name: string) => string | undefined, escape: EscapeChar = '\\'): Expansion {
  const refs = findVariableRefs(text, escape);
  if (refs.length === 0) return { value: text, unresolved: [] };
  const unresolved: string[] = [];
  let out = '';
  let cursor = 0;
  for (const r of refs) {
    out += text.slice(cursor, r.start);
    cursor = r.end;
    const v = lookup(r.name);
    const set = v !== undefined;
    const nonEmpty = set && v !== '';
    switch (r.operator) {
      case ':-':
        out += nonEmpty ? v : expandVariables(r.word ?? '', lookup, escape).value;
        break;
      case '-':
        out += set ? v : expandVariables(r.word ?? '', lookup, escape).value;
        break;
      case ':+':
        out += nonEmpty ? expandVariables(r.word ?? '', lookup, escape).value : '';
        break;
      case '+':
        out += set ? expandVariables(r.word ?? '', lookup, escape).value : '';
        break;
      default:
        if (!set) unresolved.push(r.name);
        out += v ?? '';
    }
  }
  return { value: out + text.slice(cursor), unresolved };
}
