// What holds before each instruction of a stage, the stages it builds FROM
// included: working directory, user and the ARG/ENV values the builder
// would substitute. Pure and memoized per model.

import { stageOf } from '../model/stages';
import { DockerfileModel, Instruction, Stage } from '../model/types';
import { expandVariables } from '../model/variables';
import { perModelTable } from './model-memo';
import { cleanPath, resolvePath } from './paths';

export interface InstrState {
  /** Absolute WORKDIR; '/' when no WORKDIR was set (base images may set one: unknown). */
  workdir: string;
  /** USER as written; undefined = the base image's user (usually root). */
  user: string | undefined;
  /** ARG/ENV values in scope; undefined value = declared without one. */
  vars: ReadonlyMap<string, string | undefined>;
}

/** Home directory for path resolution: `/root` for root, else a symbolic `~`. */
export function homeOf(state: InstrState): string {
  const home = state.vars.get('HOME');
  if (home) return home;
  const u = state.user?.split(':')[0];
  return u === undefined || u === 'root' || u === '0' ? '/root' : '~';
}

const memo = perModelTable<InstrState>();

function keyValues(instr: Instruction): [string, string | undefined][] {
  const args = instr.args.map((a) => a.value);
  if (instr.keyword === 'ENV' && args.length >= 2 && !args[0].includes('=')) return [[args[0], args.slice(1).join(' ')]];
  return args.map((a) => {
    const eq = a.indexOf('=');
    return eq === -1 ? [a, undefined] : [a.slice(0, eq), a.slice(eq + 1)];
  });
}

function computeStage(model: DockerfileModel, stage: Stage, out: Map<number, InstrState>): void {
  const globals = new Map<string, string | undefined>();
  for (const g of model.globalArgs) for (const [k, v] of keyValues(g)) globals.set(k, v);
  let workdir = '/';
  let user: string | undefined;
  let vars = new Map<string, string | undefined>();
  if (stage.baseStage !== undefined) {
    const base = model.stages[stage.baseStage];
    const last = base.instructions[base.instructions.length - 1];
    const before = last ? stateBefore(model, last) : undefined;
    if (before && last) {
      const after = apply(model, last, before, globals);
      workdir = after.workdir;
      user = after.user;
      vars = new Map(after.vars);
    }
  }
  let state: InstrState = { workdir, user, vars };
  for (const instr of stage.instructions) {
    out.set(instr.index, state);
    state = apply(model, instr, state, globals);
  }
}

function apply(model: DockerfileModel, instr: Instruction, state: InstrState, globals: ReadonlyMap<string, string | undefined>): InstrState {
  const expand = (text: string): string => expandVariables(text, (n) => state.vars.get(n), model.escape).value;
  switch (instr.keyword) {
    case 'WORKDIR': {
      const raw = instr.args.map((a) => a.value).join(' ');
      if (!raw) return state;
      return { ...state, workdir: resolvePath(state.workdir, cleanPath(expand(raw))) };
    }
    case 'USER':
      return { ...state, user: instr.args[0] ? expand(instr.args[0].value) : state.user };
    case 'ENV':
    case 'ARG': {
      const vars = new Map(state.vars);
      for (const [k, v] of keyValues(instr)) {
        if (instr.keyword === 'ARG') {
          // An ARG without default inherits the global ARG's default of the same name.
          if (vars.has(k) && v === undefined) continue;
          vars.set(k, v !== undefined ? expand(v) : globals.get(k));
        } else vars.set(k, v === undefined ? '' : expand(v));
      }
      return { ...state, vars };
    }
    default:
      return state;
  }
}

/** The state just before `instr` runs (working directory, user, variables). */
export function stateBefore(model: DockerfileModel, instr: Instruction): InstrState {
  const perModel = memo(model);
  const hit = perModel.get(instr.index);
  if (hit) return hit;
  const stage = stageOf(model, instr);
  if (stage) computeStage(model, stage, perModel);
  return perModel.get(instr.index) ?? { workdir: '/', user: undefined, vars: new Map() };
}
