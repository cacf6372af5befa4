import { instructionAt } from '../model/instruction-at';
import { danglingContinuationLine } from '../model/logical-lines';
import { DockerfileModel, Instruction } from '../model/types';
import { RunScripts } from '../shell/run-scripts';
import { comparePositions, Position, TextEdit } from '../text/types';
import { Fix } from './types';

/**
 * The fixes that edit only text that parses. In shell text with a syntax error
 * (an unclosed quote, a `${` left open), or after an unclosed heredoc or a
 * continuation left open at the end of the file (both take in the lines that
 * follow), an edit lands somewhere else than its rule meant: ` && yum clean
 * all` appended inside the open quote, a new USER line inside the heredoc
 * body or the last ENV. The finding stays; such a fix is not offered, as
 * linters offer no fix for code they cannot parse. Returns `fixes` itself
 * when all are kept.
 */
export function fixesThatParse(model: DockerfileModel, scripts: (instr: Instruction) => RunScripts, fixes: Fix[]): Fix[] {
  const parses = (e: TextEdit) => {
    const inserts = e.newText !== '';
    const { start, end } = e.range;
    // An insertion's two ends are one place: look once.
    return !inUnparsedText(model, scripts, start, inserts) && (comparePositions(start, end) === 0 || !inUnparsedText(model, scripts, end, inserts));
  };
  const kept = fixes.filter((fix) => fix.edits.every(parses));
  return kept.length === fixes.length ? fixes : kept;
}

function inUnparsedText(model: DockerfileModel, scripts: (instr: Instruction) => RunScripts, p: Position, inserts: boolean): boolean {
  const instr = instructionAt(model, p);
  if (!instr) return false;
  for (const h of instr.heredocs) if (!h.endRange && p.line > h.markerRange.end.line) return true;
  // Deleting the blank and comment lines it took in is fine (empty-continuation-line's fix).
  const dangling = inserts ? danglingContinuationLine(model.lines, model.escape, instr.startLine, instr.endLine) : undefined;
  if (dangling !== undefined && p.line > dangling) return true;
  if (instr.keyword !== 'RUN') return false;
  const offset = model.lines.offsetAt(p);
  for (const s of scripts(instr).all) {
    if (!s.hasErrors) continue;
    // Appending at the end of a script is editing it too.
    if (offset >= s.source.toDocument(0) && offset <= s.source.toDocument(s.source.text.length, true)) return true;
  }
  return false;
}
