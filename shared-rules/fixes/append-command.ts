import { DockerfileModel, Instruction } from '../model/types';
import { topLevelCommands } from '../shell/commands';
import { ShellScript } from '../shell/model';
import { TextEdit } from '../text/types';

/**
 * Appends a command to the end of a RUN script: ` && cmd` after the last
 * command of the command line, or a new line at the end of a heredoc body.
 */
export function appendCommandEdit(model: DockerfileModel, instr: Instruction, script: ShellScript, command: string): TextEdit | undefined {
  const heredoc = instr.heredocs.find((h) => h.bodyRange && model.lines.offsetAt(h.bodyRange.start) <= script.commands[0]?.start && script.commands[0]?.start <= model.lines.offsetAt(h.bodyRange.end));
  if (heredoc?.bodyRange) {
    return { range: { start: heredoc.bodyRange.end, end: heredoc.bodyRange.end }, newText: `\n${command}` };
  }
  if (script.hasComment || script.commands.length === 0) return undefined;
  const top = topLevelCommands(script);
  const endOffset = Math.max(...top.map((c) => c.end), ...script.commands.map((c) => c.end));
  const trimmed = script.source.text.trimEnd();
  if (/(^|[^&])&$/.test(trimmed) || /(;|&&|\|\|?)$/.test(trimmed)) return undefined;
  const docEnd = script.source.toDocument(trimmed.length, true);
  const at = Math.max(docEnd, endOffset);
  const p = model.lines.positionAt(at);
  return { range: { start: p, end: p }, newText: ` && ${command}` };
}
