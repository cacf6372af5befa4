import { perInstruction } from './memo';
import { logicalLineOf } from './parse';
import { DockerfileModel, EscapeChar, Instruction } from './types';
import { Range } from '../text/types';

/** One `name=value` (or legacy `name value`, or bare ARG `name`) of an ENV, ARG or LABEL. */
export interface KeyValue {
  name: string;
  nameRange: Range;
  /** The value as written, quotes kept; undefined for a bare ARG name. */
  raw: string | undefined;
  /** The value after quote and escape removal, variables unexpanded. */
  value: string | undefined;
  valueRange: Range | undefined;
  /** The whole pair. */
  range: Range;
  /** Document offsets of the whole pair. */
  start: number;
  end: number;
  /** `ENV name value` form: the value is the rest of the line. */
  legacy: boolean;
}

interface RawWord { text: string; start: number; end: number }

/** BuildKit's parseWords: whitespace-separated words, quotes and escapes kept inside a word. */
function splitWords(text: string, escape: EscapeChar): RawWord[] {
  const words: RawWord[] = [];
  let start = -1;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (start === -1) {
      if (/\s/.test(c)) continue;
      start = i;
    }
    if (c === escape && quote !== "'") {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    if (/\s/.test(c)) {
      words.push({ text: text.slice(start, i), start, end: i });
      start = -1;
    }
  }
  if (start !== -1) words.push({ text: text.slice(start), start, end: text.length });
  return words;
}

/** Quote and escape removal as the builder's shell lexer does it (no expansion). */
export function unquoteWord(raw: string, escape: EscapeChar = '\\'): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else out += c;
      continue;
    }
    if (c === escape && i + 1 < raw.length) {
      const next = raw[i + 1];
      if (quote === '"' && !['"', escape, '$'].includes(next)) out += c;
      out += next;
      i++;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      else out += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    out += c;
  }
  return out;
}

const KEYWORDS = new Set(['ENV', 'ARG', 'LABEL']);

// Several rules and analyses ask for the pairs of the same instruction.
const pairsOf = perInstruction(computePairs);

/**
 * The pairs of an ENV, ARG or LABEL instruction as BuildKit splits them
 * (quoted values may contain spaces; continuation lines are joined), each
 * with its exact range in the document. Empty for other instructions.
 */
export function keyValuePairs(model: DockerfileModel, instr: Instruction): readonly KeyValue[] {
  if (!KEYWORDS.has(instr.keyword) || instr.args.length === 0) return [];
  return pairsOf(model, instr);
}

function computePairs(model: DockerfileModel, instr: Instruction): KeyValue[] {
  const line = logicalLineOf(model, instr);
  const from = line.fromDocument(model.lines.offsetAt(instr.args[0].range.start));
  if (from < 0) return [];
  const text = line.text.slice(from).replace(/\s+$/, '');
  const words = splitWords(text, model.escape);
  if (words.length === 0) return [];
  const doc = (at: number, isEnd = false) => line.toDocument(from + at, isEnd);
  const rangeOf = (a: number, b: number) => model.lines.rangeOf(doc(a), doc(b, true));
  if (instr.keyword !== 'ARG' && !words[0].text.includes('=')) {
    const first = words[0];
    const rest = words.slice(1);
    const valueStart = rest[0]?.start ?? first.end;
    const raw = text.slice(valueStart);
    return [{
      name: first.text,
      nameRange: rangeOf(first.start, first.end),
      raw,
      value: rest.map((w) => unquoteWord(w.text, model.escape)).join(' '),
      valueRange: rest.length ? rangeOf(valueStart, text.length) : undefined,
      range: rangeOf(first.start, text.length),
      start: doc(first.start),
      end: doc(text.length, true),
      legacy: true,
    }];
  }
  return words.map((w): KeyValue => {
    const eq = w.text.indexOf('=');
    const nameEnd = eq === -1 ? w.end : w.start + eq;
    const raw = eq === -1 ? undefined : w.text.slice(eq + 1);
    return {
      name: unquoteWord(w.text.slice(0, nameEnd - w.start), model.escape),
      nameRange: rangeOf(w.start, nameEnd),
      raw,
      value: raw === undefined ? undefined : unquoteWord(raw, model.escape),
      valueRange: raw === undefined ? undefined : rangeOf(nameEnd + 1, w.end),
      range: rangeOf(w.start, w.end),
      start: doc(w.start),
      end: doc(w.end, true),
      legacy: false,
    };
  });
}
