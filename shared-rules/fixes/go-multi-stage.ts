import { Fix } from '../engine/types';
import { joinPath } from '../analysis/paths';
import { environmentAt, workdirAt } from '../analysis/stage-env';
import { DockerfileModel, Instruction, Stage } from '../model/types';
import { invocation, parseOptions } from '../shell/commands';
import { RunScripts } from '../shell/run-scripts';
import { TextEdit } from '../text/types';

export const GO_RUNTIME_IMAGE = 'gcr.io/distroless/static-debian13';

/** Instructions that only describe how to run the image, so they work on distroless. */
const METADATA = new Set(['ENV', 'LABEL', 'EXPOSE', 'STOPSIGNAL', 'CMD', 'ENTRYPOINT']);
/** What may follow the build in the new runtime stage (no RUN: distroless has no shell). */
const AFTER_BUILD = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'ENV', 'LABEL', 'USER', 'WORKDIR', 'VOLUME', 'STOPSIGNAL', 'ARG', 'COPY', 'HEALTHCHECK']);
const DISTROLESS_USER = /^(root|nonroot|nobody|0|65532|65534)(:.*)?$/;

interface GoBuild {
  run: Instruction;
  /** The `go` word, for inserting `CGO_ENABLED=0 `. */
  goStart: { line: number; character: number };
  binary: string;
  cgoDisabled: boolean;
}

function findGoBuild(model: DockerfileModel, stage: Stage, scripts: (i: Instruction) => RunScripts): GoBuild | undefined {
  let found: GoBuild | undefined;
  for (const run of stage.instructions) {
    const rs = scripts(run);
    for (const script of rs.all) {
      for (const cmd of script.commands) {
        const inv = invocation(cmd);
        if (inv.program !== 'go' || inv.args[0]?.value !== 'build') continue;
        if (found || script !== rs.main || cmd.name !== 'go' || cmd.conditional || cmd.inSubstitution) return undefined;
        if (script.commands.some((c) => c.name === 'cd' && c.start < cmd.start)) return undefined;
        const { options } = parseOptions(inv.args.slice(1), new Set(['-o', '-ldflags', '-tags', '-gcflags', '-mod', '-C', '-p', '-pkgdir', '-buildmode', '-compiler', '-asmflags', '-installsuffix', '-overlay', '-pgo', '-modfile']));
        if (options.some((o) => o.name === '-C')) return undefined;
        const out = options.find((o) => o.name === '-o' || o.name === '--o');
        const wd = workdirAt(model, run);
        if (!out?.value || out.value.endsWith('/') || out.value.includes('$') || wd === undefined) return undefined;
        const env = new Map([...environmentAt(model, run), ...cmd.assignments.map((a) => [a.name, a.value] as [string, string])]);
        found = { run, goStart: cmd.nameWord.range.start, binary: joinPath(wd, out.value), cgoDisabled: env.get('CGO_ENABLED') === '0' };
      }
    }
  }
  return found;
}

function stageName(model: DockerfileModel): string {
  for (const n of ['build', 'builder', 'go-build']) if (!model.stages.some((s) => s.name === n)) return n;
  return 'build-go';
}

/**
 * Splits a single `FROM golang … RUN go build -o /x …` stage into a build
 * stage and a distroless runtime stage that gets only the binary. Undefined
 * when the stage does anything the runtime image could not (RUN after the
 * build, shell-form CMD, variables in carried ENV …).
 */
export function goMultiStageFix(model: DockerfileModel, stage: Stage, scripts: (i: Instruction) => RunScripts): Fix | undefined {
  const build = findGoBuild(model, stage, scripts);
  if (!build) return undefined;
  const at = stage.instructions.indexOf(build.run);
  const before = stage.instructions.slice(0, at);
  const after = stage.instructions.slice(at + 1);
  for (const i of after) {
    if (!AFTER_BUILD.has(i.keyword)) return undefined;
    if ((i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && !i.jsonForm) return undefined;
    if (i.keyword === 'HEALTHCHECK' && !/^\s*HEALTHCHECK\s+(NONE|.*CMD\s*\[)/is.test(model.text.slice(i.start, i.end))) return undefined;
    if (i.keyword === 'USER' && !DISTROLESS_USER.test(i.args[0]?.value ?? '')) return undefined;
  }
  const carried: string[] = [];
  for (const i of before) {
    if (i.keyword === 'USER' && !DISTROLESS_USER.test(i.args[0]?.value ?? '')) return undefined;
    if (!METADATA.has(i.keyword) && i.keyword !== 'USER') continue;
    const text = model.text.slice(i.start, i.end);
    if (text.includes('$') || text.includes('\n') || ((i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && !i.jsonForm)) return undefined;
    carried.push(text);
  }
  // The image must run the binary the build produced.
  const runs = [...before, ...after].filter((i) => i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD');
  const entry = runs.filter((i) => i.keyword === 'ENTRYPOINT').pop() ?? runs.filter((i) => i.keyword === 'CMD').pop();
  const program = entry?.args[0]?.value;
  const entryDir = entry ? workdirAt(model, entry) : undefined;
  if (!entry || !program || entryDir === undefined || joinPath(entryDir, program) !== build.binary) return undefined;

  const name = stage.name ?? stageName(model);
  const edits: TextEdit[] = [];
  if (!stage.name) {
    const last = stage.from.args[stage.from.args.length - 1];
    if (!last || stage.from.args.length !== 1) return undefined;
    edits.push({ range: { start: last.range.end, end: last.range.end }, newText: ` AS ${name}` });
  }
  if (!build.cgoDisabled) edits.push({ range: { start: build.goStart, end: build.goStart }, newText: 'CGO_ENABLED=0 ' });
  const wd = workdirAt(model, build.run);
  const lines = [`FROM ${GO_RUNTIME_IMAGE}`, ...(wd && wd !== '/' ? [`WORKDIR ${wd}`] : []), ...carried, `COPY --from=${name} ${build.binary} ${build.binary}`];
  const end = model.lines.positionAt(build.run.end);
  edits.push({ range: { start: end, end }, newText: `\n\n${lines.join('\n')}` });
  return { title: `Convert to a multi-stage build (runtime: ${GO_RUNTIME_IMAGE})`, safe: false, edits };
}
