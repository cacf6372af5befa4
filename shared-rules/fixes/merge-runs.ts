import { DockerfileModel, Flag, Instruction } from '../model/types';
import { runScripts } from '../shell/run-scripts';
import { TextEdit } from '../text/types';

/** Flags compared as a set: `--mount` targets and options must match exactly. */
export function flagSignature(flags: readonly Flag[]): string {
  return flags.map((f) => `${f.name}=${f.value ?? ''}`).sort().join('\u0000');
}

/**
 * Whether a RUN's command line can be joined with `&&` without changing what
 * runs: shell form, no heredoc, no trailing comment, no `exit`.
 */
export function mergeable(model: DockerfileModel, instr: Instruction): boolean {
  if (instr.keyword !== 'RUN' || instr.jsonForm || instr.heredocs.length > 0 || instr.args.length === 0) return false;
  const { main } = runScripts(model, instr);
  if (!main || main.hasErrors || main.hasComment || main.commands.length === 0) return false;
  if (main.commands.some((c) => c.name === 'exit' || c.name === 'exec')) return false;
  // A trailing `&` would background the next command instead of chaining it.
  return !/(^|[^&])&\s*$/.test(main.source.text.trimEnd());
}

function indentOf(model: DockerfileModel, instr: Instruction): string {
  for (let l = instr.startLine + 1; l <= instr.endLine; l++) {
    const m = /^([ \t]+)\S/.exec(model.lines.lineText(l));
    if (m && !/^[ \t]*#/.test(model.lines.lineText(l))) return m[1];
  }
  return '    ';
}

/** The RUN's command text as written, continuation lines and their own indentation kept. */
function commandText(model: DockerfileModel, instr: Instruction): string {
  const start = model.lines.offsetAt(instr.args[0].range.start);
  return model.text.slice(start, instr.end).replace(/[ \t]+$/, '');
}

/**
 * One RUN from several: the first RUN's keyword and flags, each command
 * joined with ` && \` on its own line; comment lines that stood between the
 * RUNs move above the merged instruction so nothing is lost.
 */
export function mergeRunsEdit(model: DockerfileModel, group: readonly Instruction[]): TextEdit {
  const first = group[0];
  const last = group[group.length - 1];
  const esc = model.escape;
  const indent = indentOf(model, first);
  const head = model.text.slice(first.start, model.lines.offsetAt(first.args[0].range.start));
  const comments: string[] = [];
  for (let i = 1; i < group.length; i++) {
    for (let l = group[i - 1].endLine + 1; l < group[i].startLine; l++) {
      const t = model.lines.lineText(l);
      if (/^[ \t]*#/.test(t)) comments.push(t.trim());
    }
  }
  const body = group.map((g) => commandText(model, g)).join(` && ${esc}\n${indent}`);
  const lineStart = model.lines.lineStart(first.startLine);
  const leading = model.text.slice(lineStart, first.start);
  const prefix = comments.length ? comments.map((c) => c + '\n' + leading).join('') : '';
  return { range: model.lines.rangeOf(first.start, last.end), newText: prefix + head + body };
}
