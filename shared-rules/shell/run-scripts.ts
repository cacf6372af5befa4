import { instructionTextId, logicalLineOf } from '../model/parse';
import { MappedTextBuilder } from '../model/source-map';
import { DockerfileModel, Heredoc, Instruction } from '../model/types';
import { buildShellScript, ShellScript } from './model';
import { scriptsWithin, shiftRunScripts } from './run-scripts-shift';
import { textCache } from '../text/text-cache';
import { perInstruction } from '../model/memo';

const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(sh|bash|ash|dash|zsh|ksh)$/;

export interface RunScripts {
  /** The command line of the RUN (after its flags). */
  main: ShellScript | undefined;
  /** Heredoc bodies that the shell runs as scripts (`RUN <<EOF`, `RUN <<EOF bash`). */
  heredocs: { heredoc: Heredoc; script: ShellScript }[];
  /** Every script, command line first. */
  all: ShellScript[];
}

const EMPTY: RunScripts = { main: undefined, heredocs: [], all: [] };

interface Seen {
  instr: Instruction;
  lineStart: number;
  scripts: RunScripts;
}

// Per instruction text (with the escape character), across versions: where it was last seen.
const byText = textCache<Seen>();

/**
 * The shell scripts a RUN executes, or none when the stage is Windows
 * (PowerShell/cmd are not POSIX shell) or the RUN is in exec (JSON) form.
 */
export function runScripts(model: DockerfileModel, instr: Instruction): RunScripts {
  if (instr.keyword !== 'RUN' || instr.jsonForm || instr.args.length === 0) return EMPTY;
  const stage = instr.stageIndex >= 0 ? model.stages[instr.stageIndex] : undefined;
  if (stage?.windows) return EMPTY;
  return scriptsOf(model, instr);
}

// Per instruction object (the views of one version share its instructions and lines),
// then per instruction text across versions.
const scriptsOf = perInstruction((model: DockerfileModel, instr: Instruction): RunScripts => {
  const { lines } = model;
  let result: RunScripts;
  // Only the parser's models read an instruction's logical line from its own lines alone.
  if (instructionTextId(model, instr) !== undefined) {
    const lineStart = lines.lineStart(instr.startLine);
    const lineEnd = lines.lineEnd(instr.endLine);
    const key = model.escape + model.text.slice(lineStart, lineEnd);
    const seen = byText.get(key);
    if (seen) {
      const dOff = lineStart - seen.lineStart;
      const d = instr.startLine - seen.instr.startLine;
      result = dOff === 0 && d === 0 && seen.instr.heredocs === instr.heredocs ? seen.scripts : shiftRunScripts(seen.scripts, seen.instr, instr, dOff, d);
      byText.set(key, { instr, lineStart, scripts: result });
    } else {
      result = buildRunScripts(model, instr);
      if (scriptsWithin(result, instr, lineStart, lineEnd)) {
        byText.set(key, { instr, lineStart, scripts: result });
      }
    }
  } else {
    result = buildRunScripts(model, instr);
  }
  return result;
});

function buildRunScripts(model: DockerfileModel, instr: Instruction): RunScripts {
  const line = logicalLineOf(model, instr);
  const from = line.fromDocument(model.lines.offsetAt(instr.args[0].range.start));
  const mainSource = line.slice(Math.max(0, from));
  const main = buildShellScript(mainSource, model.lines);
  const heredocs: RunScripts['heredocs'] = [];
  if (instr.heredocs.length > 0) {
    const rest = mainSource.text.replace(/\d*<<-?\s*(["']?)[^\s"'<>|&;()]+\1/g, ' ').trim().split(/\s+/).filter(Boolean);
    const isScript = rest.length === 0 || SHELLS.test(rest[0]);
    if (isScript) {
      for (const h of instr.heredocs) {
        if (!h.bodyRange) continue;
        const b = new MappedTextBuilder();
        b.append(h.body, model.lines.offsetAt(h.bodyRange.start));
        heredocs.push({ heredoc: h, script: buildShellScript(b.build(), model.lines) });
      }
    }
  }
  return { main, heredocs, all: [main, ...heredocs.map((h) => h.script)] };
}

const shellFormMemo = new WeakMap<DockerfileModel, Map<number, ShellScript | undefined>>();

/**
 * The shell-form command line of any instruction (CMD, ENTRYPOINT,
 * HEALTHCHECK CMD…) as the shell will see it; undefined for exec form or Windows.
 */
export function shellFormScript(model: DockerfileModel, instr: Instruction, fromArg = 0): ShellScript | undefined {
  if (instr.jsonForm || instr.args.length <= fromArg) return undefined;
  const stage = instr.stageIndex >= 0 ? model.stages[instr.stageIndex] : undefined;
  if (stage?.windows) return undefined;
  let perModel = shellFormMemo.get(model);
  if (!perModel) {
    perModel = new Map();
    shellFormMemo.set(model, perModel);
  }
  const key = instr.index * 8 + fromArg;
  if (perModel.has(key)) return perModel.get(key);
  const line = logicalLineOf(model, instr);
  const from = line.fromDocument(model.lines.offsetAt(instr.args[fromArg].range.start));
  const script = buildShellScript(line.slice(Math.max(0, from)), model.lines);
  perModel.set(key, script);
  return script;
}
