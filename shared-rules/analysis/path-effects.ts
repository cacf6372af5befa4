// Which layer created which path, for the stages whose layers stack up to a
// stage: COPY/ADD destinations and what each RUN writes (see run-effects.ts),
// minus what the same RUN deleted again. Later deletions are matched against
// the layers that still hold the bytes. Pure; memoized per model and stage.

import { normalizeCopySource } from '../context/copy-sources';
import { stageChain } from '../model/stages';
import { DockerfileModel, Instruction, Stage } from '../model/types';
import { expandVariables } from '../model/variables';
import { runScripts } from '../shell/run-scripts';
import { perModelTable } from './model-memo';
import { baseName, globBase, hasGlob, isUnder, patternCovers, resolvePath } from './paths';
import { PathEvent, scriptEffects, Tool } from './run-effects';
import { homeOf, stateBefore } from './stage-state';

export interface CopySourceInfo {
  /** `--from` value (a stage or an image); undefined for the build context. */
  from: string | undefined;
  /** The source as written. */
  source: string;
  /** The destination receives the source's contents (`.`, `dir/`, a directory-looking name). */
  contents: boolean;
}

export interface Creation {
  instr: Instruction;
  path: string;
  /** Content may exist below `path` (a tree), not just the path itself. */
  tree: boolean;
  /** Empty directories, empty files and links: no bytes worth moving. */
  negligible: boolean;
  tool: Tool | undefined;
  /** Set for COPY/ADD. */
  copy: CopySourceInfo | undefined;
  /** Set for RUN. */
  event: PathEvent | undefined;
}

export interface LayerEffects {
  instr: Instruction;
  /** What the layer still holds at its end. */
  creations: Creation[];
  /** RUN: every event of its scripts, in order. */
  events: PathEvent[];
  /** RUN: working directory after its command line; undefined when a `cd` went somewhere unknown. */
  endCwd: string | undefined;
}

export interface LaterDeletion {
  /** The RUN that deletes. */
  instr: Instruction;
  deletion: PathEvent;
  /** The earlier layer's creation it hides. */
  creation: Creation;
  /** `weak`: the path is only assumed to have come with a directory COPY. */
  strength: 'strong' | 'weak';
}

export interface StageEffects {
  layers: LayerEffects[];
  laterDeletions: LaterDeletion[];
}

/** System directories a `COPY dir/ /usr/local/bin/` merges into: what is deleted there came from the base image. */
const SYSTEM_DIRS = /^\/(|bin|sbin|lib|lib64|etc|usr|usr\/(local|share|lib|bin|sbin)(\/[^/]+)?|var|var\/lib|opt|srv|home|root|tmp|run)$/;

function looksLikeDirectory(source: string): boolean {
  if (source === '.' || source === './' || source.endsWith('/')) return true;
  const base = baseName(source);
  return base !== '' && !base.includes('.') && !hasGlob(base);
}

/** What a COPY/ADD puts where, one entry per source. */
export function copyCreations(model: DockerfileModel, instr: Instruction): Creation[] {
  if (instr.args.length < 2 && instr.heredocs.length === 0) return [];
  const state = stateBefore(model, instr);
  const expand = (t: string): string => expandVariables(t, (n) => state.vars.get(n), model.escape).value;
  const from = instr.flags.find((f) => f.name === 'from')?.value;
  const values = instr.args.map((a) => a.value);
  const destRaw = expand(values[values.length - 1] ?? '');
  const dest = resolvePath(state.workdir, destRaw, homeOf(state));
  const sources = values.slice(0, -1);
  const dirDest = destRaw.endsWith('/') || destRaw === '.' || sources.length > 1;
  const out: Creation[] = [];
  for (const s of sources) {
    const copy = (contents: boolean): CopySourceInfo => ({ from, source: s, contents });
    const base: Omit<Creation, 'path' | 'tree' | 'copy'> = { instr, negligible: false, tool: undefined, event: undefined };
    if (s.startsWith('<<')) {
      out.push({ ...base, path: dest, tree: false, copy: copy(false) });
      continue;
    }
    if (/^[a-z]+:\/\//i.test(s) || /^git@/.test(s)) {
      const url = s.replace(/[?#].*$/, '');
      out.push({ ...base, path: dirDest ? `${dest === '/' ? '' : dest}/${baseName(url)}` : dest, tree: false, copy: copy(false) });
      continue;
    }
    const archive = instr.keyword === 'ADD' && /\.(tar(\.(gz|bz2|xz|zst))?|tgz|tbz2?|txz)$/i.test(s);
    if (archive || looksLikeDirectory(s)) out.push({ ...base, path: dest, tree: true, copy: copy(true) });
    else out.push({ ...base, path: dirDest ? `${dest === '/' ? '' : dest}/${baseName(expand(s))}` : dest, tree: false, copy: copy(false) });
  }
  return out;
}

const NEGLIGIBLE = new Set(['mkdir', 'touch', 'ln']);

/** Targets of every `RUN --mount` (cache, tmpfs, bind…): what is written there never enters the layer. */
export function mountTargets(instr: Instruction): string[] {
  const out: string[] = [];
  for (const f of instr.flags) {
    if (f.name !== 'mount' || !f.value) continue;
    for (const kv of f.value.split(',')) {
      const m = /^\s*(target|dst|destination)=(.+)$/.exec(kv);
      if (m) out.push(m[2].trim().replace(/\/+$/, '') || '/');
    }
  }
  return out;
}

function runLayer(model: DockerfileModel, instr: Instruction): LayerEffects {
  const state = stateBefore(model, instr);
  const env = { cwd: state.workdir, home: homeOf(state), vars: state.vars };
  const scripts = runScripts(model, instr);
  const events: PathEvent[] = [];
  let endCwd: string | undefined = state.workdir;
  const mounts = mountTargets(instr).map((t) => resolvePath(state.workdir, t, env.home));
  for (const script of scripts.all) {
    const fx = scriptEffects(script, env);
    // Writes and deletions under a mount happen in the mount, not in the layer.
    events.push(...fx.events.filter((e) => !mounts.some((m) => isUnder(globBase(e.path), m))));
    if (script === scripts.main) endCwd = fx.endCwd;
  }
  let creations: Creation[] = [];
  for (const e of events) {
    if (e.kind === 'create') {
      const program = e.command.name.replace(/^.*\//, '');
      creations.push({ instr, path: e.path, tree: e.tree, negligible: NEGLIGIBLE.has(program) && e.tool === undefined, tool: e.tool, copy: undefined, event: e });
    } else creations = creations.filter((c) => !deletionMatch(e.path, c));
  }
  return { instr, creations, events, endCwd };
}

/** Whether deleting `pattern` hides the bytes of `c`, and how sure that is. */
export function deletionMatch(pattern: string, c: Creation): 'strong' | 'weak' | undefined {
  if (pattern.startsWith('pkg:') || c.path.startsWith('pkg:')) return pattern === c.path ? 'strong' : undefined;
  if (patternCovers(pattern, c.path)) return 'strong';
  if (!c.tree || !isUnder(globBase(pattern), c.path)) return undefined;
  if (!c.copy) return 'strong';
  return c.copy.contents && !SYSTEM_DIRS.test(c.path) ? 'weak' : undefined;
}

const memo = perModelTable<StageEffects>();

/** Layers of `stage` and the stages it builds FROM, with deletions that hide an earlier layer's bytes. */
export function stageEffects(model: DockerfileModel, stage: Stage): StageEffects {
  const perModel = memo(model);
  const hit = perModel.get(stage.index);
  if (hit) return hit;
  const layers: LayerEffects[] = [];
  const laterDeletions: LaterDeletion[] = [];
  // Earlier layers' creations not yet hidden by a deletion, newest last.
  let alive: Creation[] = [];
  for (const instr of stageChain(model, stage).flatMap((s) => s.instructions)) {
    if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
      const creations = copyCreations(model, instr);
      layers.push({ instr, creations, events: [], endCwd: undefined });
      alive.push(...creations);
      continue;
    }
    if (instr.keyword !== 'RUN') continue;
    const layer = runLayer(model, instr);
    layers.push(layer);
    const own: Creation[] = [];
    for (const e of layer.events) {
      if (e.kind === 'create') {
        own.push({ instr, path: e.path, tree: e.tree, negligible: false, tool: e.tool, copy: undefined, event: e });
        continue;
      }
      // Cleaning up what this same RUN made is the right thing: it also hides older copies quietly.
      const hygiene = own.some((c) => deletionMatch(e.path, c) === 'strong');
      const hidden: { creation: Creation; strength: 'strong' | 'weak' }[] = [];
      for (const c of alive) {
        const m = deletionMatch(e.path, c);
        if (m) hidden.push({ creation: c, strength: m });
      }
      if (hidden.length === 0) continue;
      alive = alive.filter((c) => !hidden.some((h) => h.creation === c));
      if (hygiene) continue;
      // The newest layer that still held the path is the one to clean up in.
      const strong = hidden.filter((h) => h.strength === 'strong' && !h.creation.negligible);
      const pick = strong.length > 0 ? strong[strong.length - 1] : hidden.filter((h) => !h.creation.negligible).pop();
      if (pick) laterDeletions.push({ instr, deletion: e, creation: pick.creation, strength: pick.strength });
    }
    alive.push(...layer.creations);
  }
  const result = { layers, laterDeletions };
  perModel.set(stage.index, result);
  return result;
}

/** The context path a deletion under a directory COPY's destination corresponds to. */
export function contextPathOf(deleted: string, c: Creation): string | undefined {
  if (!c.copy || c.copy.from !== undefined || !c.copy.contents) return undefined;
  if (!isUnder(globBase(deleted), c.path) || deleted === c.path) return undefined;
  const rel = deleted.slice(c.path === '/' ? 1 : c.path.length + 1);
  const src = normalizeCopySource(c.copy.source);
  return src === '.' ? rel : `${src}/${rel}`;
}
