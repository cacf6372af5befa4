import { DockerfileModel, Instruction, Stage } from '../model/types';

/** The stages an instruction's stage builds on, root first, ending with the stage itself. */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.baseStage !== undefined ? model.stages[s.baseStage] : undefined) chain.unshift(s);
  return chain;
}

/** `ENV A=1 B=2`, legacy `ENV A 1`, `ARG A=1` as name/value pairs (ARG without a default has no value). */
export function assignmentsOf(instr: Instruction): { name: string; value: string }[] {
  if (instr.keyword !== 'ENV' && instr.keyword !== 'ARG') return [];
  const args = instr.args;
  if (instr.keyword === 'ENV' && args.length >= 2 && !args[0].value.includes('=')) {
    return [{ name: args[0].value, value: args.slice(1).map((a) => a.value).join(' ') }];
  }
  const out: { name: string; value: string }[] = [];
  for (const a of args) {
    const eq = a.value.indexOf('=');
    if (eq > 0) out.push({ name: a.value.slice(0, eq), value: a.value.slice(eq + 1) });
  }
  return out;
}

/**
 * Variables that ENV (and ARG with a default) set before `instr` in its stage
 * and the stages it builds on: what a RUN sees in its environment. Values are
 * as written (no expansion).
 */
export function environmentAt(model: DockerfileModel, instr: Instruction): Map<string, string> {
  const env = new Map<string, string>();
  const stage = instr.stageIndex >= 0 ? model.stages[instr.stageIndex] : undefined;
  if (!stage) return env;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (s === stage && i.index >= instr.index) break;
      for (const a of assignmentsOf(i)) env.set(a.name, a.value);
    }
  }
  return env;
}

/** Joins a path onto a directory and resolves `.` and `..`. */
export function resolvePath(dir: string, path: string): string {
  const full = path.startsWith('/') ? path : `${dir.replace(/\/+$/, '')}/${path}`;
  const parts: string[] = [];
  for (const p of full.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return '/' + parts.join('/');
}

/**
 * The working directory in effect at `instr` (WORKDIR in its stage and the
 * stages it builds on; `/` when none); undefined when a WORKDIR uses a variable.
 */
export function workdirAt(model: DockerfileModel, instr: Instruction): string | undefined {
  const stage = instr.stageIndex >= 0 ? model.stages[instr.stageIndex] : undefined;
  if (!stage) return undefined;
  let dir: string | undefined = '/';
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (s === stage && i.index >= instr.index) break;
      if (i.keyword !== 'WORKDIR' || !i.args[0]) continue;
      const v = i.args[0].value;
      dir = v.includes('$') || dir === undefined ? undefined : resolvePath(dir, v);
    }
  }
  return dir;
}
