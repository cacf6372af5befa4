import { Fix } from '../engine/types';
import { instructionTextId } from '../model/parse';
import { DockerfileModel, Instruction } from '../model/types';
import { Range, shiftLines } from '../text/types';
import { shiftEdits } from '../text/edits';
import { detachReport } from '../engine/detach-report';
import { CheckOptions, checkInstruction } from './instruction-checks';
import { SyntaxIssue } from './flags';
import { textCache } from '../text/text-cache';

/*
 * checkInstruction reads only the instruction's own lines, the escape
 * character, the frontend options, for FROM its stage's base kind, and (for
 * removal fixes) whether a line follows the instruction. So its issues, taken
 * relative to the instruction's first line, are the same wherever equal text
 * sits: a keystroke then re-checks one instruction instead of the whole file.
 */

interface Entry {
  startLine: number;
  issues: SyntaxIssue[];
}

const LIMIT = 5_000;
const SEP = '\u0001';
const memo = textCache<Entry>();

/*
 * The parser shares an instruction's keyword range and arguments between the
 * copies it makes of an unmoved instruction in later versions, so those
 * objects name the same text on the same lines without hashing the text again.
 */
interface Recent {
  context: string;
  args: Instruction['args'];
  lineCount: number;
  entry: Entry;
}
const recent = new WeakMap<Range, Recent>();

/*
 * By the parser's text id, which a moved instruction keeps: equal ids mean
 * equal text, so a shifted copy is found without slicing and hashing its
 * text. Ids are never reused, so the table only grows; it is cleared at LIMIT.
 */
interface ById {
  context: string;
  entry: Entry;
}
const byId = new Map<number, ById>();

/** Everything but the text that the issues depend on. */
function contextOf(model: DockerfileModel, instr: Instruction, opts: CheckOptions): string {
  const base = instr.keyword.toUpperCase() === 'FROM' ? (model.stages.find((s) => s.from === instr)?.baseKind ?? '-') : '';
  const last = instr.endLine + 1 >= model.lines.lineCount ? 'L' : 'n';
  return `${model.escape}${opts.customFrontend ? 'c' : '-'}${opts.labs ? 'l' : '-'}${last}${base}`;
}

/** Whether a range lies where moving it with the instruction keeps it right: its lines, or the start of the next line. */
function movable(r: Range, instr: Instruction): boolean {
  return r.start.line >= instr.startLine && r.end.line <= instr.endLine + 1 && (r.end.line <= instr.endLine || r.end.character === 0);
}

function cacheable(issues: readonly SyntaxIssue[], instr: Instruction): boolean {
  for (const i of issues) {
    if (!movable(i.range, instr)) return false;
    for (const f of i.fixes ?? []) for (const e of f.edits) if (!movable(e.range, instr)) return false;
  }
  return true;
}

function shiftIssue(i: SyntaxIssue, d: number): SyntaxIssue {
  const out: SyntaxIssue = { range: shiftLines(i.range, d), message: i.message };
  if (i.fixes) out.fixes = i.fixes.map((f): Fix => ({ ...f, edits: shiftEdits(f.edits, d) }));
  return out;
}

/** checkInstruction, reusing the issues of an instruction with the same text and context seen before. */
export function checkInstructionMemo(model: DockerfileModel, instr: Instruction, opts: CheckOptions): SyntaxIssue[] {
  const { lines } = model;
  const context = contextOf(model, instr, opts);
  const near = recent.get(instr.keywordRange);
  if (near && near.args === instr.args && near.entry.startLine === instr.startLine && near.lineCount === lines.lineCount && near.context === context) return near.entry.issues;
  const id = instructionTextId(model, instr);
  const known = id !== undefined ? byId.get(id) : undefined;
  if (known && known.context === context) {
    const d = instr.startLine - known.entry.startLine;
    if (d === 0) return known.entry.issues;
    // Kept where it is now: the next versions usually leave it there.
    known.entry = { startLine: instr.startLine, issues: known.entry.issues.map((i) => shiftIssue(i, d)) };
    return known.entry.issues;
  }
  const key = context + SEP + model.text.slice(lines.lineStart(instr.startLine), lines.lineEnd(instr.endLine));
  const hit = memo.get(key);
  let entry: Entry | undefined;
  if (hit) {
    const d = instr.startLine - hit.startLine;
    entry = d === 0 ? hit : { startLine: instr.startLine, issues: hit.issues.map((i) => shiftIssue(i, d)) };
  } else {
    const issues = checkInstruction(model, instr, opts);
    if (!cacheable(issues, instr)) return issues;
    // Kept across versions: copies, not views of this version's text (text/detach).
    entry = { startLine: instr.startLine, issues: issues.map(detachReport) };
    memo.set(key, entry);
  }
  recent.set(instr.keywordRange, { context, args: instr.args, lineCount: lines.lineCount, entry });
  if (id !== undefined) {
    if (byId.size >= LIMIT) byId.clear();
    byId.set(id, { context, entry });
  }
  return entry.issues;
}
