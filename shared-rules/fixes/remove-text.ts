import { DockerfileModel, Instruction } from '../model/types';
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
