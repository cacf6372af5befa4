import { DockerfileModel, Instruction } from '../model/types';
import { ShellScript, SimpleCommand } from '../shell/model';
import { TextEdit } from '../text/types';

function isBlank(s: string): boolean {
  return /^[ \t]*$/.test(s);
}

/** The line ends in the escape character, so the instruction continues on the next line. */
function continuationTail(s: string, escape: string): boolean {
  const t = s.replace(/[ \t]+$/, '');
  return t.endsWith(escape) && !t.endsWith(escape + escape);
}

/**
 * Deletes the document span [start, end) — one or more words — together with
 * the whitespace that separated it, so the text left behind reads as if it had
 * never been there: no double spaces, no continuation line left empty, and no
 * dangling `\` when the span ended the instruction.
 */
export function removeSpanEdit(model: DockerfileModel, start: number, end: number): TextEdit {
  const { lines, text, escape } = model;
  const sp = lines.positionAt(start);
  const ep = lines.positionAt(end);
  const lineStart = lines.lineStart(sp.line);
  const lineEnd = lines.lineEnd(ep.line);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  const edit = (a: number, b: number): TextEdit => ({ range: lines.rangeOf(a, b), newText: '' });
  if (isBlank(before) && (isBlank(after) || (continuationTail(after, escape) && isBlank(after.replace(/[ \t]+$/, '').slice(0, -1))))) {
    if (continuationTail(after, escape)) {
      // The span filled a continuation line: drop the line.
      const next = ep.line + 1 < lines.lineCount ? lines.lineStart(ep.line + 1) : lineEnd;
      return edit(lineStart, next);
    }
    if (sp.line > 0) {
      // The span was the last line of an instruction: end the instruction on the previous line.
      const prev = lines.lineText(sp.line - 1);
      if (continuationTail(prev, escape)) {
        const keep = prev.replace(/[ \t]+$/, '').slice(0, -1).replace(/[ \t]+$/, '');
        return edit(lines.lineStart(sp.line - 1) + keep.length, lineEnd);
      }
    }
    return edit(start, end);
  }
  const trailing = /^[ \t]+/.exec(after)?.[0] ?? '';
  const restAfter = after.slice(trailing.length);
  if (trailing && restAfter !== '' && !(continuationTail(restAfter, escape) && isBlank(restAfter.replace(/[ \t]+$/, '').slice(0, -1)))) return edit(start, end + trailing.length);
  const leading = /[ \t]+$/.exec(before)?.[0] ?? '';
  if (leading && !isBlank(before)) return edit(start - leading.length, end);
  if (trailing) return edit(start, end + trailing.length);
  return edit(start, end);
}

/** Deletes the whole instruction, its continuation lines and heredoc bodies included. */
export function removeInstructionEdit(model: DockerfileModel, instr: Instruction): TextEdit {
  const { lines } = model;
  const start = lines.lineStart(instr.startLine);
  const end = instr.endLine + 1 < lines.lineCount ? lines.lineStart(instr.endLine + 1) : lines.lineEnd(instr.endLine);
  return { range: lines.rangeOf(start, end), newText: '' };
}

/**
 * Deletes one simple command from a RUN together with the `&&`/`;` that
 * joins it to its neighbour, or the whole RUN when it is the only command.
 * Undefined when that cannot be done without changing the meaning of the
 * rest (a pipe, `||`, a conditional body, a substitution).
 */
export function removeCommandEdit(model: DockerfileModel, instr: Instruction, script: ShellScript, cmd: SimpleCommand): TextEdit | undefined {
  if (cmd.inSubstitution || cmd.conditional) return undefined;
  const top = script.commands.filter((c) => !c.inSubstitution);
  const k = top.indexOf(cmd);
  if (k === -1) return undefined;
  const next = top[k + 1];
  const prev = top[k - 1];
  const joins = (s: SimpleCommand['separator']) => s === undefined || s === '&&' || s === ';';
  if (!joins(cmd.separator) || (next && !joins(next.separator))) return undefined;
  const plain = (a: number, b: number): TextEdit => ({ range: model.lines.rangeOf(a, b), newText: '' });
  if (!next && !prev) {
    if (instr.heredocs.length > 0 || model.text.slice(cmd.end, instr.end).replace(/[\\`\s;]/g, '') !== '') return undefined;
    return removeInstructionEdit(model, instr);
  }
  // Only the words and the joining operator go: the next command takes the removed one's place.
  if (next) return plain(cmd.start, next.start);
  return plain(prev.end, cmd.end);
}
