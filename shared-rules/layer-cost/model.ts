import { weakMemo } from '../model/memo';
import { lookupBaseImage } from '../data/base-images';
import { INSTRUCTIONS } from '../docs/instructions';
import { DockerfileModel, Instruction, Stage } from '../model/types';
import { finalStage, imageStages, rootStage } from '../model/stages';
import { runScripts } from '../shell/run-scripts';
import { invocation } from '../shell/commands';
import { summarizeAptInstall } from './apt/estimate';
import { AptTable } from './apt/table';
import { aptRunSummary } from './apt-run';
import { AptCostDetail, BaseCostDetail, ContextSize, InstructionCost, LayerCosts, StageCost, UnknownCostDetail } from './types';

export interface CostHost {
  aptTable?: AptTable;
  /** Measured size of COPY/ADD sources; undefined = not measured (yet). */
  contextSize?: (sources: readonly string[]) => ContextSize | undefined;
}

const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const TOP = 8;
const DEBIAN_FAMILIES = new Set(['debian', 'ubuntu']);

function baseInfo(stage: Stage) {
  const img = stage.image;
  if (!img || stage.baseKind !== 'image' && stage.baseKind !== 'variable') return undefined;
  if (img.unresolved) return undefined;
  return lookupBaseImage({ registry: img.registry, repository: img.repository, tag: img.tag });
}

const RUN_CACHE = 'Re-runs when its command text or flags change, or when an earlier instruction changes. What it downloads is not part of the cache key.';

// A stage's ARGs, found once: scanning the stage for every RUN was quadratic
// (a 2,000-line stage took ~0.5 s per version for its inlay hints).
const argsOf = weakMemo((stage: Stage) => stage.instructions.filter((i) => i.keyword === 'ARG'));

function cacheText(model: DockerfileModel, instr: Instruction): string {
  const base = INSTRUCTIONS[instr.keyword]?.cache ?? 'Re-runs when it or an earlier instruction changes.';
  if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
    const from = instr.flags.find((f) => f.name === 'from');
    if (from) return `Re-runs when the copied files of \`${from.value ?? ''}\` change, or an earlier instruction changes.`;
    const sources = instr.args.slice(0, -1).map((a) => `\`${a.value}\``).join(', ');
    return sources ? `Re-runs when the content of ${sources} changes (after .dockerignore), or an earlier instruction changes; everything below it is rebuilt too.` : base;
  }
  if (instr.keyword === 'RUN') {
    const args: string[] = [];
    const stage = model.stages[instr.stageIndex];
    for (const i of stage ? argsOf(stage) : []) if (i.index < instr.index) for (const a of i.args) args.push(a.value.split('=')[0]);
    // Most RUNs follow no ARG: one shared text, without reading their scripts.
    if (args.length === 0) return RUN_CACHE;
    const vars = new Set<string>();
    for (const s of runScripts(model, instr).all) for (const m of s.source.text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) vars.add(m[1]);
    const used = args.filter((a) => vars.has(a));
    return used.length ? `Re-runs when its command text or flags change, when the build args ${used.map((a) => `\`${a}\``).join(', ')} change, or when an earlier instruction changes. What it downloads is not part of the cache key.` : RUN_CACHE;
  }
  return base;
}

function unknownRun(model: DockerfileModel, instr: Instruction): UnknownCostDetail {
  const items: string[] = [];
  let what = '';
  for (const s of runScripts(model, instr).all) {
    for (const c of s.commands) {
      const inv = invocation(c);
      const words = inv.args.map((a) => a.value);
      if (/^pip[0-9.]*$/.test(inv.program) || (inv.program.startsWith('python') && words[0] === '-m' && words[1] === 'pip')) {
        what ||= 'pip';
        items.push(...words.filter((w) => !w.startsWith('-') && !['install', '-m', 'pip'].includes(w)));
      } else if (['npm', 'yarn', 'pnpm'].includes(inv.program) && /^(i|install|ci|add)$/.test(words[0] ?? '')) {
        what ||= inv.program;
        items.push(...words.slice(1).filter((w) => !w.startsWith('-')));
        if (words.length <= 1 || words[0] === 'ci') items.push('(dependencies from package.json)');
      } else if (inv.program === 'apk' && words.includes('add')) {
        what ||= 'apk';
        items.push(...words.slice(words.indexOf('add') + 1).filter((w) => !w.startsWith('-')));
      } else if (['yum', 'dnf', 'microdnf', 'zypper'].includes(inv.program) && words.includes('install')) {
        what ||= inv.program;
        items.push(...words.slice(words.indexOf('install') + 1).filter((w) => !w.startsWith('-')));
      } else if (inv.program === 'curl' || inv.program === 'wget') {
        what ||= 'downloads';
        items.push(...words.filter((w) => /^(https?|ftp):\/\//.test(w)));
      }
    }
  }
  const reason = what ? `No size data for ${what === 'downloads' ? 'downloads' : `${what} packages`}: Layerwise only estimates apt installs on Debian/Ubuntu bases and files from the build context.` : 'No size data: Layerwise estimates apt installs on Debian/Ubuntu bases and files from the build context.';
  return { kind: 'unknown', reason, items: [...new Set(items)].slice(0, 20) };
}

function aptCost(model: DockerfileModel, stage: Stage, instr: Instruction, host: CostHost, family: string | undefined, autoClean: boolean, cache: string): InstructionCost | undefined {
  if (!host.aptTable) return undefined;
  if (family !== undefined && !DEBIAN_FAMILIES.has(family)) return undefined;
  const summary = aptRunSummary(model, stage, instr);
  if (!summary) return undefined;
  const table = host.aptTable;
  const est = summary.packages.length ? summarizeAptInstall(table, { packages: summary.packages, recommends: summary.recommends }, TOP) : undefined;
  const lean = est && summary.recommends ? summarizeAptInstall(table, { packages: summary.packages, recommends: false }, 0) : undefined;
  const listsBytes = summary.updates && !summary.listsGone ? table.meta.aptLists?.bytes ?? 0 : 0;
  const debCacheBytes = est && !summary.debsGone && !autoClean ? est.debBytes : 0;
  const packageBytes = est?.bytes ?? 0;
  const basis = est?.basis ?? `Debian package index, ${table.meta.release}`;
  const detail: AptCostDetail = {
    kind: 'apt',
    requested: summary.packages,
    top: est?.top ?? [],
    packageCount: est?.packageCount ?? 0,
    unknown: est?.unknown ?? [],
    recommends: summary.recommends,
    packageBytes,
    withoutRecommendsBytes: lean ? lean.bytes + listsBytes + (!summary.debsGone && !autoClean ? lean.debBytes : 0) : undefined,
    listsBytes,
    debCacheBytes,
    basis: family === 'ubuntu' ? `${basis} (Ubuntu base: Debian package sizes)` : basis,
  };
  return { instruction: instr, createsLayer: true, bytes: packageBytes + listsBytes + debCacheBytes, basis: 'apt', detail, cache };
}

/** Remote sources ADD fetches at build time: not in the build context. */
const REMOTE_SOURCE = /^(https?|git):\/\/|^git@|\.git(#|$)/;

/**
 * Where the bytes of a COPY/ADD come from. One classification for the cost
 * model and for hosts, which measure exactly the `context` source lists.
 */
export type CopySources =
  | { kind: 'heredoc' }
  | { kind: 'stage'; from: string; sources: string[] }
  | { kind: 'remote'; remote: string[] }
  | { kind: 'variables'; sources: string[] }
  | { kind: 'context'; sources: string[] };

export function copySources(instr: Instruction): CopySources {
  if (instr.heredocs.length > 0) return { kind: 'heredoc' };
  const sources = instr.args.slice(0, -1).map((a) => a.value);
  const from = instr.flags.find((f) => f.name === 'from');
  if (from) return { kind: 'stage', from: from.value ?? '', sources };
  const remote = sources.filter((s) => REMOTE_SOURCE.test(s));
  if (remote.length) return { kind: 'remote', remote };
  if (sources.some((s) => s.includes('$'))) return { kind: 'variables', sources };
  return { kind: 'context', sources };
}

/** A layer with no number, and why. */
function unknownCost(instr: Instruction, cache: string, detail: UnknownCostDetail): InstructionCost {
  return { instruction: instr, createsLayer: true, bytes: null, basis: null, detail, cache };
}

function copyCost(instr: Instruction, host: CostHost, cache: string): InstructionCost {
  const unknown = (reason: string, items: string[]): InstructionCost => unknownCost(instr, cache, { kind: 'unknown', reason, items });
  const src = copySources(instr);
  switch (src.kind) {
    case 'heredoc': {
      const bytes = instr.heredocs.reduce((s, h) => s + new TextEncoder().encode(h.body + '\n').length, 0);
      return { instruction: instr, createsLayer: true, bytes, basis: 'context', detail: { kind: 'context', sources: instr.heredocs.map((h) => `<<${h.name}`), files: instr.heredocs.length, truncated: false, top: [], dockerignore: false }, cache };
    }
    case 'stage':
      return unknown(`Copied from \`${src.from}\`: its size is not estimated.`, src.sources);
    case 'remote':
      return unknown('Remote sources are downloaded at build time: their size is not known offline.', src.remote);
    case 'variables':
      return unknown('Sources with variables cannot be measured statically.', src.sources);
    case 'context': {
      const size = src.sources.length ? host.contextSize?.(src.sources) : undefined;
      if (!size) return unknown(host.contextSize ? 'Measuring the build context…' : 'The build context is not available (unsaved file or no folder on disk).', src.sources);
      return { instruction: instr, createsLayer: true, bytes: size.bytes, basis: 'context', detail: { kind: 'context', sources: src.sources, files: size.files, truncated: size.truncated, top: size.top, dockerignore: size.dockerignore }, cache };
    }
  }
}

function instructionCost(model: DockerfileModel, stage: Stage, instr: Instruction, host: CostHost, family: string | undefined, autoClean: boolean): InstructionCost {
  const cache = cacheText(model, instr);
  if (!LAYER_KEYWORDS.has(instr.keyword)) return { instruction: instr, createsLayer: false, bytes: 0, basis: null, detail: undefined, cache };
  if (instr.keyword === 'RUN') {
    if (stage.windows) return unknownCost(instr, cache, { kind: 'unknown', reason: 'Windows stage: no size data.', items: [] });
    let apt: InstructionCost | undefined;
    try {
      apt = aptCost(model, stage, instr, host, family, autoClean, cache);
    } catch (e) {
      // The package table is read from disk on demand. A read that fails (the
      // file changed under a running server) leaves this RUN without a number;
      // it must not fail every rule and hover that asks for costs.
      const why = e instanceof Error ? e.message : String(e);
      return unknownCost(instr, cache, { kind: 'unknown', reason: `No size data: the Debian package table could not be read (${why}).`, items: [] });
    }
    return apt ?? unknownCost(instr, cache, unknownRun(model, instr));
  }
  return copyCost(instr, host, cache);
}

/** The base family that decides whether apt sizes apply to a stage: that of the root of its FROM-stage chain. */
function stageFamily(model: DockerfileModel, stage: Stage): { family: string | undefined; autoClean: boolean } {
  const root = rootStage(model, stage);
  const info = baseInfo(root);
  // Official Debian/Ubuntu images delete downloaded .debs after every install (docker-clean).
  return { family: root.baseKind === 'scratch' ? 'scratch' : info?.family, autoClean: info !== undefined && info.official && DEBIAN_FAMILIES.has(info.family) };
}

/**
 * Whether the layer costs of `model` would read the apt package table: some
 * RUN runs apt in a stage with a Debian/Ubuntu (or unknown) base. Hosts load
 * the table (tens of MB) only when an open document needs it.
 */
export function needsAptTable(model: DockerfileModel): boolean {
  for (const stage of model.stages) {
    if (stage.windows) continue;
    const runs = stage.instructions.filter((i) => i.keyword === 'RUN');
    if (runs.length === 0) continue;
    const { family } = stageFamily(model, stage);
    if (family !== undefined && !DEBIAN_FAMILIES.has(family)) continue;
    if (runs.some((instr) => aptRunSummary(model, stage, instr))) return true;
  }
  return false;
}

const memo = new WeakMap<DockerfileModel, WeakMap<CostHost, LayerCosts>>();

/**
 * What each instruction adds to the image, with the basis of every number.
 * Earlier stages of a multi-stage build cost build time, not image size:
 * only the final stage and the stages it builds FROM count toward the image.
 *
 * Computed on demand: an instruction's cost depends only on the model, its
 * stage and the host, so `forInstruction` computes just that instruction
 * (what rules ask for on every keystroke), and a stage's total only that
 * stage and the stages it builds FROM (a FROM's hover or inlay hint), from the
 * same per-instruction results.
 */
export function computeLayerCosts(model: DockerfileModel, host: CostHost): LayerCosts {
  let perModel = memo.get(model);
  const hit = perModel?.get(host);
  if (hit) return hit;
  const families = new Map<Stage, { family: string | undefined; autoClean: boolean }>();
  const familyOf = (stage: Stage) => {
    let f = families.get(stage);
    if (!f) families.set(stage, (f = stageFamily(model, stage)));
    return f;
  };
  let located: Map<number, { stage: Stage; instr: Instruction }> | undefined;
  const byIndex = new Map<number, InstructionCost>();
  const costOf = (stage: Stage, instr: Instruction): InstructionCost => {
    let c = byIndex.get(instr.index);
    if (!c) {
      const { family, autoClean } = familyOf(stage);
      c = instructionCost(model, stage, instr, host, family, autoClean);
      byIndex.set(instr.index, c);
    }
    return c;
  };
  let shippedStages: Set<number> | undefined;
  const shipped = () => (shippedStages ??= imageStages(model));
  let final: Stage | undefined | null = null;
  const finalOf = () => (final === null ? (final = finalStage(model)) : final);
  const totals = new Map<number, StageCost>();
  const stageTotal = (index: number): StageCost | undefined => {
    if (!model.stages[index]) return undefined;
    // The stage and the stages it builds FROM, computed from the oldest not yet known:
    // a total needs its base's total, and nothing else.
    const chain: Stage[] = [];
    for (let s: Stage | undefined = model.stages[index]; s && !totals.has(s.index); s = s.baseStage !== undefined && s.baseStage < s.index ? model.stages[s.baseStage] : undefined) chain.push(s);
    for (let k = chain.length - 1; k >= 0; k--) totals.set(chain[k].index, stageCost(model, chain[k], totals, costOf, shipped(), finalOf()));
    return totals.get(index);
  };
  const lastStage = () => stageTotal(model.stages.length - 1);
  const result: LayerCosts = {
    get stages() {
      return model.stages.map((s) => stageTotal(s.index) as StageCost);
    },
    stage: stageTotal,
    get imageBytes() {
      return lastStage()?.totalBytes ?? 0;
    },
    get imageComplete() {
      return lastStage()?.complete ?? false;
    },
    forInstruction: (index) => {
      const known = byIndex.get(index);
      if (known) return known;
      if (!located) {
        located = new Map();
        for (const stage of model.stages) for (const instr of stage.instructions) if (!located.has(instr.index)) located.set(instr.index, { stage, instr });
      }
      const at = located.get(index);
      return at ? costOf(at.stage, at.instr) : undefined;
    },
    stageShipped: (stageIndex) => (model.stages[stageIndex] ? shipped().has(stageIndex) : undefined),
  };
  if (!perModel) {
    perModel = new WeakMap();
    memo.set(model, perModel);
  }
  perModel.set(host, result);
  return result;
}

/** One stage's total; the total of the stage it builds FROM, if any, is in `known`. */
function stageCost(model: DockerfileModel, stage: Stage, known: ReadonlyMap<number, StageCost>, costOf: (stage: Stage, instr: Instruction) => InstructionCost, shipped: ReadonlySet<number>, final: Stage | undefined): StageCost {
  let baseBytes: number | null = null;
  let baseDetail: BaseCostDetail | undefined;
  let baseComplete = true;
  if (stage.baseKind === 'scratch') baseBytes = 0;
  else if (stage.baseStage !== undefined) {
    // A FROM naming a later stage has no total to build on (BuildKit reads it as an image).
    const prev = stage.baseStage < stage.index ? known.get(stage.baseStage) : undefined;
    baseBytes = prev?.totalBytes ?? null;
    baseComplete = prev?.complete ?? false;
  } else {
    const size = baseInfo(stage)?.size;
    baseDetail = { kind: 'base-image', image: stage.image?.resolved ?? '', compressedBytes: size?.compressedBytes, uncompressedBytes: size?.uncompressedBytes, measuredOn: size?.measuredOn, approximate: size?.approximate, source: size?.source };
    baseBytes = size?.uncompressedBytes ?? null;
    baseComplete = baseBytes !== null;
  }
  const costs = stage.instructions.map((i) => costOf(stage, i));
  const layerBytes = costs.reduce((s, c) => s + (c.bytes ?? 0), 0);
  const complete = baseComplete && costs.every((c) => !c.createsLayer || c.bytes !== null);
  return {
    stageIndex: stage.index,
    name: stage.name,
    base: stage.image?.raw ?? '',
    baseBytes,
    baseDetail,
    final: stage === final,
    shipped: shipped.has(stage.index),
    instructions: costs,
    totalBytes: (baseBytes ?? 0) + layerBytes,
    complete,
  };
}
