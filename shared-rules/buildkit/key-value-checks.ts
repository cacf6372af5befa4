import { logicalLineOf } from '../model/parse';
import { DockerfileModel, Instruction } from '../model/types';
import { SyntaxIssue } from './flags';
import { parseWords, Word } from './words';

function wordsOf(model: DockerfileModel, instr: Instruction, skip: number): { words: Word[]; rangeOf: (w: Word) => SyntaxIssue['range'] } | undefined {
  const first = instr.args[0];
  if (!first) return undefined;
  const line = logicalLineOf(model, instr);
  const at = line.fromDocument(model.lines.offsetAt(first.range.start));
  if (at < 0) return undefined;
  const words = parseWords(line, at, model.escape).slice(skip);
  return { words, rangeOf: (w) => model.lines.rangeOf(line.toDocument(w.start), line.toDocument(w.end, true)) };
}

function quoteIssue(w: Word, range: SyntaxIssue['range']): SyntaxIssue | undefined {
  if (!w.unterminatedQuote) return undefined;
  const kind = w.unterminatedQuote === '"' ? 'double' : 'single';
  return { range, message: `Unterminated ${kind} quote in \`${w.raw}\`: close it with ${w.unterminatedQuote}.` };
}

/** ENV and LABEL: BuildKit's parseNameVal. `KEY value` (legacy) or `KEY=value …`, never a lone name. */
export function checkKeyValueWords(model: DockerfileModel, instr: Instruction, keyword: string, skip: number): SyntaxIssue[] {
  const got = wordsOf(model, instr, skip);
  if (!got || got.words.length === 0) return [];
  const { words, rangeOf } = got;
  const issues: SyntaxIssue[] = [];
  if (!words[0].raw.includes('=')) {
    if (words.length < 2) return [{ range: rangeOf(words[0]), message: `${keyword} needs a value: write \`${keyword} ${words[0].raw}=<value>\`.` }];
    const q = quoteIssue(words[words.length - 1], rangeOf(words[words.length - 1]));
    return q ? [q] : [];
  }
  for (const w of words) {
    const r = rangeOf(w);
    if (!w.raw.includes('=')) {
      issues.push({ range: r, message: `Missing \`=\` in \`${w.raw}\`: ${keyword} takes \`name=value\` pairs (quote values that contain spaces).` });
      continue;
    }
    if (w.raw.startsWith('=')) issues.push({ range: r, message: `${keyword} names cannot be blank: write \`name=value\`.` });
    const q = quoteIssue(w, r);
    if (q) issues.push(q);
  }
  return issues;
}

/** ARG: names alone or `name=value`; a blank name fails. */
export function checkArgWords(model: DockerfileModel, instr: Instruction, skip: number): SyntaxIssue[] {
  const got = wordsOf(model, instr, skip);
  if (!got) return [];
  const issues: SyntaxIssue[] = [];
  for (const w of got.words) {
    const r = got.rangeOf(w);
    if (w.raw.startsWith('=')) issues.push({ range: r, message: 'ARG names cannot be blank: write `ARG name` or `ARG name=value`.' });
    const q = quoteIssue(w, r);
    if (q) issues.push(q);
  }
  return issues;
}
