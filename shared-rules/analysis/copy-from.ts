import { isOfficialImage } from '../data/official-images';
import { DockerfileModel, Flag, Instruction, Stage } from '../model/types';
import { Range } from '../text/types';
import { weakMemo } from '../model/memo';

export type CopyFromTarget =
  | { kind: 'stage'; stage: Stage }
  | { kind: 'self'; stage: Stage }
  | { kind: 'later'; stage: Stage }
  | { kind: 'bad-index'; index: number }
  | { kind: 'image' }
  | { kind: 'unknown' }
  | { kind: 'dynamic' };

/** The `--from` flag of a COPY (ADD has none); ONBUILD triggers are left out, they run in another build. */
export function copyFromFlag(instr: Instruction): Flag | undefined {
  if (instr.keyword !== 'COPY') return undefined;
  return instr.flags.find((f) => f.name === 'from' && f.value !== undefined && f.valueRange !== undefined);
}

/**
 * What `COPY --from=<value>` in `stage` refers to, the way BuildKit resolves
 * it: a stage index, a stage name (case-insensitive, which must come before
 * the current stage), or else an image reference. A bare word can only be a
 * Docker Hub official image (`nginx` = `docker.io/library/nginx`), so a bare
 * word that is neither a stage nor an official image is "unknown".
 */
export function resolveCopyFrom(model: DockerfileModel, stage: Stage, value: string): CopyFromTarget {
  if (value.includes('$')) return { kind: 'dynamic' };
  if (/^\d+$/.test(value)) {
    const index = Number(value);
    const target = model.stages[index];
    if (!target) return { kind: 'bad-index', index };
    if (index === stage.index) return { kind: 'self', stage: target };
    return index < stage.index ? { kind: 'stage', stage: target } : { kind: 'later', stage: target };
  }
  const lower = value.toLowerCase();
  const named = stagesNamed(model).get(lower) ?? NONE;
  const earlier = named.filter((s) => s.index < stage.index);
  if (earlier.length > 0) return { kind: 'stage', stage: earlier[earlier.length - 1] };
  if (named.some((s) => s.index === stage.index)) return { kind: 'self', stage };
  if (named.length > 0) return { kind: 'later', stage: named[0] };
  if (/[/:.@]/.test(value) || isOfficialImage(lower)) return { kind: 'image' };
  return { kind: 'unknown' };
}

export interface CopyFromUse {
  stage: Stage;
  instr: Instruction;
  /** The `--from` value as written, and where. */
  value: string;
  valueRange: Range;
  target: CopyFromTarget;
}

const NONE: readonly Stage[] = [];

// Per model, so a file with hundreds of stages and COPY --from does not
// compare every use with every stage (~3 ms per keystroke at 20,000 lines).
const stagesNamed = weakMemo((model: DockerfileModel): Map<string, Stage[]> => {
  const byName = new Map<string, Stage[]>();
  for (const s of model.stages) if (s.name !== undefined) (byName.get(s.name) ?? byName.set(s.name, []).get(s.name) as Stage[]).push(s);
  return byName;
});

/** Every non-empty `COPY --from=<value>` in the stages, with what the value refers to; computed once per model. */
export const copyFromUses: (model: DockerfileModel) => readonly CopyFromUse[] = weakMemo((model: DockerfileModel): CopyFromUse[] => {
  const uses: CopyFromUse[] = [];
  for (const stage of model.stages) {
    for (const instr of stage.instructions) {
      const flag = copyFromFlag(instr);
      if (!flag?.value || !flag.valueRange) continue;
      uses.push({ stage, instr, value: flag.value, valueRange: flag.valueRange, target: resolveCopyFrom(model, stage, flag.value) });
    }
  }
  return uses;
});
