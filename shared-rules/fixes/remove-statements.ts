import { DockerfileModel, Instruction } from '../model/types';
import { topLevelCommands } from '../shell/commands';
import { ShellScript, SimpleCommand } from '../shell/model';
import { TextEdit } from '../text/types';
import { removeInstructionEdit } from './remove-text';

/**
 * A command with the `|`/`||` chain that follows it (`rm -f x || true`): the
 * unit that can be cut from one RUN and joined to another with `&&`.
 */
export interface Statement {
  commands: SimpleCommand[];
  /** Document offsets. */
  start: number;
  end: number;
}

/** The statements of a script, split at `&&`, `;` and newlines. */
export function statements(script: ShellScript): Statement[] {
  const out: Statement[] = [];
  for (const c of topLevelCommands(script)) {
    const last = out[out.length - 1];
    if (last && (c.separator === '|' || c.separator === '|&' || c.separator === '||')) {
      last.commands.push(c);
      last.end = Math.max(last.end, c.end);
    } else out.push({ commands: [c], start: c.start, end: c.end });
  }
  return out;
}

export function statementOf(script: ShellScript, cmd: SimpleCommand): Statement | undefined {
  return statements(script).find((s) => s.commands.some((c) => c.index === cmd.index || (c.start <= cmd.start && cmd.end <= c.end)));
}

/** Only separators, blanks and line continuations: nothing is lost by cutting it. */
function isGlue(model: DockerfileModel, text: string): boolean {
  const esc = model.escape === '`' ? '`' : '\\\\';
  const flat = text.replace(new RegExp(`${esc}[ \\t]*\\r?\\n`, 'g'), ' ');
  return /^\s*(&&|;)?\s*$/.test(flat);
}

/** The statement's text on one logical line, or undefined when it cannot be moved verbatim. */
export function statementText(model: DockerfileModel, st: Statement): string | undefined {
  if (st.commands[0].conditional) return undefined;
  const esc = model.escape === '`' ? '`' : '\\\\';
  const text = model.text.slice(st.start, st.end).replace(new RegExp(`[ \\t]*${esc}[ \\t]*\\r?\\n[ \\t]*`, 'g'), ' ');
  return /[\r\n]/.test(text) ? undefined : text;
}

/**
 * Edits that cut statements out of a RUN while keeping the rest valid; the
 * whole instruction goes when nothing else remains. Undefined when a
 * statement sits inside a compound command or next to text that is not glue.
 */
export function removeStatementsEdits(model: DockerfileModel, instr: Instruction, script: ShellScript, remove: readonly Statement[]): TextEdit[] | undefined {
  const all = statements(script);
  const cut = new Set(remove.map((r) => all.findIndex((s) => s.start === r.start)));
  if (cut.has(-1) || remove.some((r) => r.commands[0].conditional)) return undefined;
  if (cut.size === all.length) {
    // Only the command line can be dropped with its instruction; a heredoc script stays as an empty body.
    return script.commands.length > 0 && instr.heredocs.length === 0 ? [removeInstructionEdit(model, instr)] : undefined;
  }
  const edits: TextEdit[] = [];
  // Cut each maximal run of removed statements with the glue before it (or after it at the start).
  for (let i = 0; i < all.length; i++) {
    if (!cut.has(i)) continue;
    let j = i;
    while (cut.has(j + 1)) j++;
    for (let k = i; k < j; k++) if (!isGlue(model, model.text.slice(all[k].end, all[k + 1].start))) return undefined;
    let from: number;
    let to: number;
    if (i > 0) {
      from = all[i - 1].end;
      to = all[j].end;
    } else {
      from = all[i].start;
      to = all[j + 1].start;
    }
    if (!isGlue(model, model.text.slice(i > 0 ? all[i - 1].end : all[j].end, i > 0 ? all[i].start : all[j + 1].start))) return undefined;
    // The glue after the run must be glue too when cutting from the previous statement's end.
    if (i > 0 && j + 1 < all.length && !isGlue(model, model.text.slice(all[j].end, all[j + 1].start))) return undefined;
    edits.push({ range: model.lines.rangeOf(from, to), newText: '' });
    i = j;
  }
  return edits;
}
