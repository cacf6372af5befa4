import { lastBefore } from '../model/before';
import { instructionsBefore, stageOf } from '../model/stages';
import { DockerfileModel, Instruction } from '../model/types';
import { joinPath } from './paths';

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
 * Whether a RUN or ENV before `instr`, in its stage or the stages it builds
 * on, has text matching `setting` (a non-global pattern): a package manager
 * configured through a config file or the environment, such as apt's
 * `APT::Get::Assume-Yes "true"`.
 */
export function configuredBefore(model: DockerfileModel, instr: Instruction, setting: RegExp): boolean {
  let pred = settingPredicates.get(setting);
  if (!pred) {
    pred = (m, i) => (i.keyword === 'RUN' || i.keyword === 'ENV') && setting.test(m.text.slice(i.start, i.end));
    settingPredicates.set(setting, pred);
  }
  return lastBefore(model, instr, pred) !== undefined;
}

// One predicate per setting pattern, so lastBefore's per-model lists are shared by every RUN.
const settingPredicates = new WeakMap<RegExp, (model: DockerfileModel, instr: Instruction) => boolean>();

/**
 * Variables that ENV (and ARG with a default) set before `instr` in its stage
 * and the stages it builds on: what a RUN sees in its environment. Values are
 * as written (no expansion).
 */
export function environmentAt(model: DockerfileModel, instr: Instruction): Map<string, string> {
  const env = new Map<string, string>();
  for (const i of instructionsBefore(model, instr)) {
    for (const a of assignmentsOf(i)) env.set(a.name, a.value);
  }
  return env;
}

/**
 * The working directory in effect at `instr` (WORKDIR in its stage and the
 * stages it builds on; `/` when none); undefined when a WORKDIR uses a variable.
 */
export function workdirAt(model: DockerfileModel, instr: Instruction): string | undefined {
  if (!stageOf(model, instr)) return undefined;
  let dir: string | undefined = '/';
  for (const i of instructionsBefore(model, instr)) {
    if (i.keyword !== 'WORKDIR' || !i.args[0]) continue;
    const v = i.args[0].value;
    dir = v.includes('$') || dir === undefined ? undefined : joinPath(dir, v);
  }
  return dir;
}
