// Two ways to delete one simple command from a RUN. removeCommandEdit treats
// `;` like `&&` and may take the whole RUN with it; removeChainedCommandEdit
// keeps the RUN and the `&&` chain intact, and can also drop a heredoc line.

import { DockerfileModel, Instruction } from '../model/types';
import { topLevelCommands } from '../shell/commands';
import { ShellScript, SimpleCommand, Word } from '../shell/model';
import { TextEdit } from '../text/types';
import { removeInstructionEdit } from './remove-text';

/** Only blanks, one `&&` and line continuations between two commands. */
const AND_GAP = /^[ \t]*(?:\\\r?\n[ \t]*)*&&[ \t]*(?:\\\r?\n[ \t]*)*$/;

/**
 * Deletes one simple command from a RUN together with the `&&`/`;` that
 * joins it to its neighbour, or the whole RUN when it is the only command.
 * Undefined when that cannot be done without changing the meaning of the
 * rest (a pipe, `||`, a conditional body, a substitution).
 */
export function removeCommandEdit(model: DockerfileModel, instr: Instruction, script: ShellScript, cmd: SimpleCommand): TextEdit | undefined {
  if (cmd.inSubstitution || cmd.conditional) return undefined;
  const top = topLevelCommands(script);
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

/**
 * Deletes one command of a RUN without changing what the others do: the
 * command must be joined to its neighbours only by `&&` (or stand on its own
 * line of a heredoc script), outside conditionals, pipes and substitutions.
 * Never removes the RUN itself. Undefined when that cannot be done by deleting text.
 */
export function removeChainedCommandEdit(model: DockerfileModel, script: ShellScript, cmd: SimpleCommand): TextEdit | undefined {
  if (cmd.conditional || cmd.inSubstitution || cmd.redirects.length > 0) return undefined;
  const list = topLevelCommands(script);
  const at = list.indexOf(cmd);
  if (at === -1) return undefined;
  const prev = list[at - 1];
  const next = list[at + 1];
  // The end of the command in the document must be where its text ends (no trailing redirect).
  const text = model.text;
  const gap = (a: number, b: number): string => text.slice(a, b);
  if (next && (next.separator === '|' || next.separator === '|&' || next.separator === '||' || next.conditional)) return undefined;
  if (cmd.separator === '&&' && prev && !prev.conditional && AND_GAP.test(gap(prev.end, cmd.start))) {
    return { range: model.lines.rangeOf(prev.end, cmd.end), newText: '' };
  }
  if (cmd.separator === undefined && next?.separator === '&&' && AND_GAP.test(gap(cmd.end, next.start))) {
    if (prev && !onOwnLines(model, cmd)) return undefined;
    return { range: model.lines.rangeOf(cmd.start, next.start), newText: '' };
  }
  if (cmd.separator === undefined && (next === undefined || next.separator === undefined) && onOwnLines(model, cmd) && (prev !== undefined || next !== undefined)) {
    // A heredoc script line (or a line of a multi-line script): drop the whole line.
    const startLine = model.lines.positionAt(cmd.start).line;
    const endLine = model.lines.positionAt(cmd.end).line;
    return { range: model.lines.rangeOf(model.lines.lineStart(startLine), model.lines.lineStart(endLine + 1)), newText: '' };
  }
  return undefined;
}

function onOwnLines(model: DockerfileModel, cmd: SimpleCommand): boolean {
  const s = model.lines.positionAt(cmd.start);
  const e = model.lines.positionAt(cmd.end);
  const before = model.lines.lineText(s.line).slice(0, s.character);
  const after = model.lines.lineText(e.line).slice(e.character);
  return before.trim() === '' && after.trim() === '' && e.line + 1 < model.lines.lineCount;
}

/** Deletes one argument word with the blanks before it. */
export function removeWordEdit(model: DockerfileModel, cmd: SimpleCommand, word: Word): TextEdit | undefined {
  const words = [cmd.nameWord, ...cmd.args];
  const i = words.indexOf(word);
  if (i <= 0) return undefined;
  const from = words[i - 1].end;
  if (!/^[ \t]*(?:\\\r?\n[ \t]*)*$/.test(model.text.slice(from, word.start))) return undefined;
  return { range: model.lines.rangeOf(from, word.end), newText: '' };
}
