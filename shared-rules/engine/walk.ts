import { imageStages } from '../model/stages';
import { DockerfileModel, Instruction, Stage } from '../model/types';
import { ShellScript } from '../shell/model';
import { RuleContext } from './types';

export interface StageScript {
  stage: Stage;
  instr: Instruction;
  script: ShellScript;
}

export interface ShellScriptsOptions {
  /** Only the stages whose layers end up in the image (see imageStages): what size rules care about. */
  shippedOnly?: boolean;
}

// Per model (or view) and option: some twenty rules walk the same scripts, and
// a generator allocated an iterator result and a record per script per rule.
const walks = new WeakMap<DockerfileModel, { all?: StageScript[]; shipped?: StageScript[] }>();

/**
 * Every shell script of every RUN (heredoc scripts included) in the Linux
 * stages, in document order: the walk most shell rules start with.
 */
export function shellScripts(ctx: RuleContext, options: ShellScriptsOptions = {}): readonly StageScript[] {
  const { model } = ctx;
  let memo = walks.get(model);
  if (!memo) walks.set(model, (memo = {}));
  return options.shippedOnly ? (memo.shipped ??= collect(ctx, true)) : (memo.all ??= collect(ctx, false));
}

function collect(ctx: RuleContext, shippedOnly: boolean): StageScript[] {
  const { model } = ctx;
  const shipped = shippedOnly ? imageStages(model) : undefined;
  const out: StageScript[] = [];
  for (const stage of model.stages) {
    if (stage.windows || (shipped && !shipped.has(stage.index))) continue;
    for (const instr of stage.instructions) {
      for (const script of ctx.scripts(instr).all) out.push({ stage, instr, script });
    }
  }
  return out;
}
