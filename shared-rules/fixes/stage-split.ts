// Pieces shared by the "convert to a multi-stage build" fixes (Node, Python,
// Maven): the fix replaces exactly the text of one stage with a build stage
// and a runtime stage, copying the original instructions verbatim where it can
// so comments, continuations and spacing survive.

import { Fix } from '../engine/types';
import { isBuildPackage, packageName } from '../analysis/build-tools';
import { DockerfileModel, Instruction, Stage } from '../model/types';
import { invocation } from '../shell/commands';
import { aptCalls } from '../shell/package-managers';
import { RunScripts } from '../shell/run-scripts';

export type Scripts = (instr: Instruction) => RunScripts;

/** Instructions that only describe how to run the image: repeated in the runtime stage. */
const METADATA = new Set(['ARG', 'ENV', 'LABEL', 'EXPOSE', 'STOPSIGNAL', 'USER', 'CMD', 'ENTRYPOINT']);

/** A name for the new build stage that no stage has yet. */
export function buildStageName(model: DockerfileModel): string {
  for (const n of ['build', 'builder', 'build-deps']) if (!model.stages.some((s) => s.name === n)) return n;
  return `build-${model.stages.length}`;
}

/** Offset after the image reference of the FROM line (before any `AS name`), when the line has that shape. */
function imageEnd(model: DockerfileModel, stage: Stage): number | undefined {
  const args = stage.from.args;
  if (!(args.length === 1 || (args.length === 3 && args[1].value.toLowerCase() === 'as'))) return undefined;
  return model.lines.offsetAt(args[0].range.end);
}

/** `FROM <image> AS <name>` for the build stage (an existing `AS` name moves to the runtime stage). */
export function buildFromLine(model: DockerfileModel, stage: Stage, name: string): string | undefined {
  const end = imageEnd(model, stage);
  if (end === undefined) return undefined;
  const text = model.text.slice(stage.from.start, end);
  return text.includes('\n') ? undefined : `${text} AS ${name}`;
}

/**
 * `FROM [--platform=…] <repository as written>:<tag> [AS <the stage's name>]`
 * for the runtime stage: it keeps the name, so `--target` and `COPY --from`
 * elsewhere still get the runnable image. Undefined when the reference has
 * variables or a digest (a pinned digest of the full image says nothing about
 * the slim one).
 */
export function runtimeFromLine(model: DockerfileModel, stage: Stage, repository: string | undefined, tag: string): string | undefined {
  const image = stage.image;
  const end = imageEnd(model, stage);
  if (!image || end === undefined || image.hasVariables || image.digest !== undefined || image.tag === undefined) return undefined;
  if (!image.raw.endsWith(`:${image.tag}`)) return undefined;
  const name = repository ?? image.raw.slice(0, image.raw.length - image.tag.length - 1);
  const flags = stage.from.flags.map((f) => model.text.slice(model.lines.offsetAt(f.range.start), model.lines.offsetAt(f.range.end)) + ' ').join('');
  const as = model.text.slice(end, stage.from.end);
  return as.includes('\n') ? undefined : `FROM ${flags}${name}:${tag}${as}`;
}

export function textOf(model: DockerfileModel, i: Instruction): string {
  return model.text.slice(i.start, i.end);
}

/** HEALTHCHECK NONE is the only health check sure to work on a smaller image (no curl there). */
export function isHealthcheckNone(model: DockerfileModel, i: Instruction): boolean {
  return i.keyword === 'HEALTHCHECK' && /^\s*HEALTHCHECK\s+NONE\s*$/i.test(textOf(model, i));
}

/** The metadata instructions among `instrs`, verbatim, for the runtime stage. */
export function carriedMetadata(model: DockerfileModel, instrs: readonly Instruction[]): string[] {
  return instrs.filter((i) => METADATA.has(i.keyword)).map((i) => textOf(model, i));
}

/** COPY/ADD of build-context files only (no `--from`, no URL or git source, no heredoc). */
export function copiesFromContext(i: Instruction): boolean {
  if (i.keyword !== 'COPY' && i.keyword !== 'ADD') return false;
  if (i.flags.some((f) => f.name === 'from') || i.heredocs.length > 0 || i.args.length < 2) return false;
  return i.args.slice(0, -1).every((a) => !/^(https?|git):|^git@/i.test(a.value));
}

/** What starts the container: the last ENTRYPOINT, else the last CMD, as words. */
export function startCommand(instrs: readonly Instruction[]): { instr: Instruction; words: string[] } | undefined {
  const entry = instrs.filter((i) => i.keyword === 'ENTRYPOINT').pop() ?? instrs.filter((i) => i.keyword === 'CMD').pop();
  if (!entry || entry.jsonInvalid) return undefined;
  const words = entry.jsonForm ? entry.args.map((a) => a.value) : entry.args.map((a) => a.value).join(' ').trim().split(/\s+/);
  return words[0] ? { instr: entry, words } : undefined;
}

/**
 * A RUN that only installs build packages with apt (and cleans up after): it
 * belongs in the build stage alone. `extra`: other packages a build needs and
 * the running image does not (python3 for node-gyp).
 */
export function isBuildOnlyAptRun(scripts: RunScripts, extra: ReadonlySet<string> = new Set()): boolean {
  if (!scripts.main || scripts.heredocs.length > 0 || scripts.main.hasErrors) return false;
  const calls = aptCalls(scripts.main);
  const installs = calls.filter((c) => c.action === 'install');
  if (installs.length === 0 || !calls.every((c) => ['update', 'install', 'clean'].includes(c.action))) return false;
  const packagesOk = installs.every((c) => c.packages.every((w) => w.static && (w.value.startsWith('-') || isBuildPackage(w.value) || extra.has(packageName(w.value)))));
  const otherCommandsOk = scripts.main.commands.every((c) => {
    const inv = invocation(c);
    if (inv.program === 'apt-get' || inv.program === 'apt') return true;
    return inv.program === 'rm' && inv.args.every((a) => a.value.startsWith('-') || a.value.startsWith('/var/lib/apt/lists'));
  });
  return packagesOk && otherCommandsOk;
}

/** One edit replacing the whole stage (FROM to its last instruction) with `newText`. */
export function replaceStage(model: DockerfileModel, stage: Stage, newText: string, title: string): Fix {
  const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
  return {
    title,
    safe: false,
    edits: [{ range: { start: model.lines.positionAt(stage.from.start), end: model.lines.positionAt(last.end) }, newText }],
  };
}
