import { imageStages } from '../model/stages';
import { Instruction, Stage } from '../model/types';
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

/**
 * Every shell script of every RUN (heredoc scripts included) in the Linux
 * stages, in document order: the walk most shell rules start with.
 */
export function* shellScripts(ctx: RuleContext, options: ShellScriptsOptions = {}): Generator<StageScript> {
  const { model } = ctx;
  const shipped = options.shippedOnly ? imageStages(model) : undefined;
  for (const stage of model.stages) {
    if (stage.windows || (shipped && !shipped.has(stage.index))) continue;
    for (const instr of stage.instructions) {
      for (const script of ctx.scripts(instr).all) yield { stage, instr, script };
    }
  }
}
