import { splitReference } from './image-ref';
import { DockerfileModel, ImageRef, Instruction, Stage } from './types';
import { expandVariables } from './variables';

/** Windows base images: Microsoft's own and community ones like `stefanscherer/node-windows`. */
const WINDOWS_IMAGE = /windows|nanoserver|servercore|ltsc20\d\d/i;
/** Community Windows images name themselves so: `stefanscherer/node-windows`, `foo/windows-tools`. */
const WINDOWS_NAME_PART = /(^|[/_-])windows([_-]|[/:@]|$)/i;
/** `WORKDIR C:\app`: only a Windows stage has drive letters. */
const DRIVE_PATH = /^[a-zA-Z]:[\\/]/;

/** Groups instructions into stages and resolves each stage's base. */
export function buildStages(model: DockerfileModel): void {
  const { lines } = model;
  let current: Stage | undefined;
  const globalDefaults = new Map<string, string | undefined>();
  // The first stage of each name: a FROM builds on the earliest stage so named,
  // and a search through the stages for each FROM was quadratic.
  const stageNamed = new Map<string, number>();
  for (const instr of model.instructions) {
    if (instr.keyword !== 'FROM') {
      if (current) {
        instr.stageIndex = current.index;
        current.instructions.push(instr);
        if (instr.keyword === 'SHELL' && instr.jsonForm && /powershell|pwsh|cmd(\.exe)?$/i.test(instr.args[0]?.value ?? '')) current.windows = true;
        if (instr.keyword === 'WORKDIR' && DRIVE_PATH.test(instr.args[0]?.raw ?? '')) current.windows = true;
      } else {
        if (instr.keyword === 'ARG') {
          model.globalArgs.push(instr);
          for (const a of instr.args) {
            const eq = a.value.indexOf('=');
            const name = eq === -1 ? a.value : a.value.slice(0, eq);
            globalDefaults.set(name, eq === -1 ? undefined : a.value.slice(eq + 1));
          }
        }
      }
      continue;
    }
    const index = model.stages.length;
    instr.stageIndex = index;
    const imageArg = instr.args[0];
    let name: string | undefined;
    let nameRange;
    if (instr.args.length >= 3 && instr.args[1].value.toLowerCase() === 'as') {
      name = instr.args[2].value.toLowerCase();
      nameRange = instr.args[2].range;
    }
    let image: ImageRef | undefined;
    let baseKind: Stage['baseKind'] = 'image';
    let baseStage: number | undefined;
    if (imageArg) {
      const raw = imageArg.value;
      const hasVariables = raw.includes('$');
      const exp = hasVariables ? expandVariables(raw, (n) => globalDefaults.get(n), model.escape) : { value: raw, unresolved: [] };
      const resolved = exp.value;
      const parts = splitReference(resolved);
      const start = lines.offsetAt(imageArg.range.start);
      const rangeAt = (from: number, to: number) => lines.rangeOf(start + from, start + to);
      image = {
        raw,
        resolved,
        hasVariables,
        unresolved: exp.unresolved.length > 0,
        registry: parts.registry,
        repository: parts.repository,
        tag: parts.tag,
        digest: parts.digest,
        range: imageArg.range,
        nameRange: hasVariables ? undefined : rangeAt(0, parts.nameEnd),
        tagRange: hasVariables || parts.tagStart === undefined ? undefined : rangeAt(parts.tagStart, parts.tagStart + (parts.tag ?? '').length),
        digestRange: hasVariables || parts.digestStart === undefined ? undefined : rangeAt(parts.digestStart, parts.digestStart + (parts.digest ?? '').length),
      };
      const lower = resolved.toLowerCase();
      const earlier = stageNamed.get(lower);
      if (earlier !== undefined) {
        baseKind = 'stage';
        baseStage = earlier;
      } else if (lower === 'scratch') baseKind = 'scratch';
      else if (hasVariables) baseKind = 'variable';
    }
    const platform = instr.flags.find((f) => f.name === 'platform');
    const windows = baseStage !== undefined ? model.stages[baseStage].windows : image !== undefined && (WINDOWS_IMAGE.test(image.resolved) || WINDOWS_NAME_PART.test(image.resolved) || /windows/i.test(platform?.value ?? ''));
    current = { index, name, nameRange, from: instr, image, platform, baseKind, baseStage, instructions: [], windows };
    model.stages.push(current);
    if (name !== undefined && !stageNamed.has(name)) stageNamed.set(name, index);
  }
  if (model.escape === '`') for (const s of model.stages) s.windows = true;
}

/** The stage that becomes the image (the last one; `--target` is not known statically). */
export function finalStage(model: DockerfileModel): Stage | undefined {
  return model.stages[model.stages.length - 1];
}

export function stageOf(model: DockerfileModel, instr: Instruction): Stage | undefined {
  return instr.stageIndex >= 0 ? model.stages[instr.stageIndex] : undefined;
}

/**
 * The stages `stage` builds on, root first, ending with `stage` itself.
 * (A stage can only build FROM an earlier one; the length bound is a guard.)
 */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const chain = [stage];
  for (let s = stage; s.baseStage !== undefined && chain.length <= model.stages.length; ) {
    s = model.stages[s.baseStage];
    chain.unshift(s);
  }
  return chain;
}

/** The stage at the root of a `FROM <stage>` chain: the one with a real base (image, scratch or variable). */
export function rootStage(model: DockerfileModel, stage: Stage): Stage {
  return stageChain(model, stage)[0];
}

/**
 * What the build runs before `instr`: all instructions of the stages its stage
 * builds on, then the earlier ones of its own stage, in that order.
 */
export function instructionsBefore(model: DockerfileModel, instr: Instruction): Instruction[] {
  const stage = stageOf(model, instr);
  if (!stage) return [];
  return stageChain(model, stage).flatMap((s) => (s === stage ? s.instructions.filter((i) => i.index < instr.index) : s.instructions));
}

/** Stages whose layers end up in the image: the final stage and the stages it builds FROM. */
export function imageStages(model: DockerfileModel): Set<number> {
  const final = finalStage(model);
  return new Set(final ? stageChain(model, final).map((s) => s.index) : []);
}
