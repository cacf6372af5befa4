import { Fix } from '../engine/types';
import { lookupBaseImage } from '../data/base-images';
import { DockerfileModel, Instruction, Stage } from '../model/types';
import { invocation, parseOptions } from '../shell/commands';
import { SimpleCommand } from '../shell/model';
import { aptCalls } from '../shell/package-managers';
import { buildFromLine, buildStageName, copiesFromContext, isBuildOnlyAptRun, isHealthcheckNone, replaceStage, runtimeFromLine, Scripts } from './stage-split';

/** `3.12`, `3.12.4`, `3`, optionally with a Debian codename: tags whose `-slim` twin is the same Python on the same Debian. */
const PYTHON_TAG = /^\d+(\.\d+){0,2}((a|b|rc)\d+)?(-(bookworm|bullseye|buster|trixie))?$/;
/** pip options that change nothing but output and caching. */
const QUIET_OPTIONS = /^(--no-cache-dir|-q|--quiet|-U|--upgrade|--disable-pip-version-check|--root-user-action(=.*)?)$/;
const ALLOWED = new Set(['WORKDIR', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'EXPOSE', 'STOPSIGNAL', 'USER', 'CMD', 'ENTRYPOINT', 'RUN', 'VOLUME', 'HEALTHCHECK']);
/** Programs a later RUN may not need on the slim image (compilers, package installs). */
const BUILDS = /^(gcc|g\+\+|cc|c\+\+|clang|make|cmake|apt-get|apt|dpkg|pip\d*(\.\d+)?|uv|poetry|pipenv)$/;
const WHEELS = '/wheels';

interface PipInstall {
  run: Instruction;
  cmd: SimpleCommand;
  /** `pip`, `pip3`, `python -m pip` as written. */
  pip: string;
  requirements: string;
}

/** A RUN that is exactly `pip install [quiet options] -r <file>`. */
function pipInstall(model: DockerfileModel, run: Instruction, scripts: Scripts): PipInstall | undefined {
  const rs = scripts(run);
  const cmd = rs.main?.commands[0];
  if (!rs.main || rs.main.commands.length !== 1 || rs.heredocs.length > 0 || !cmd || cmd.assignments.length > 0 || cmd.redirects.length > 0) return undefined;
  const inv = invocation(cmd);
  let args = inv.args;
  if (/^python\d*(\.\d+)?$/.test(inv.program)) {
    if (args[0]?.value !== '-m' || args[1]?.value !== 'pip') return undefined;
    args = args.slice(2);
  } else if (!/^pip\d*(\.\d+)?$/.test(inv.program)) return undefined;
  if (inv.programWord !== cmd.nameWord) return undefined;
  const { options, positionals } = parseOptions(args, new Set(['-r', '--requirement']));
  const reqs = options.filter((o) => o.name === '-r' || o.name === '--requirement');
  if (positionals.length !== 1 || positionals[0].value !== 'install' || reqs.length !== 1) return undefined;
  if (!options.every((o) => o === reqs[0] || QUIET_OPTIONS.test(o.word.value))) return undefined;
  const requirements = reqs[0].value ?? '';
  if (!/^[\w./-]+$/.test(requirements)) return undefined;
  return { run, cmd, pip: model.text.slice(cmd.start, positionals[0].start).trim(), requirements };
}

/** A RUN after the install that the slim image can run: no compilers, no package installs. */
function runsOnSlim(run: Instruction, scripts: Scripts): boolean {
  const rs = scripts(run);
  if (!rs.main || rs.main.hasErrors) return false;
  return rs.all.every((s) => aptCalls(s).length === 0 && s.commands.every((c) => {
    const inv = invocation(c);
    return !BUILDS.test(inv.program) && !(inv.args[0]?.value === '-m' && inv.args[1]?.value === 'pip') && !inv.args.some((a) => a.value === 'setup.py');
  }));
}

/**
 * Splits a single `FROM python:<v>` stage that installs compilers and `-dev`
 * packages with apt, then `pip install -r`, into a build stage that builds
 * wheels and a `python:<v>-slim` stage that installs them from a bind mount
 * without an index. Everything else in the stage stays as written in the
 * runtime stage; the apt RUNs go to the build stage only.
 */
export function pythonMultiStageFix(model: DockerfileModel, stage: Stage, scripts: Scripts): Fix | undefined {
  const image = stage.image;
  const info = image ? lookupBaseImage({ registry: image.registry, repository: image.repository, tag: image.tag }) : undefined;
  if (!image || info?.key !== 'python' || info.variant !== 'full' || !PYTHON_TAG.test(image.tag ?? '')) return undefined;
  const slim = info.alternatives.find((a) => a.repository === 'python' && lookupBaseImage({ repository: 'python', tag: a.tag })?.variant === 'slim');
  if (!slim || !slim.tag.startsWith((image.tag ?? '').split('-')[0] + '-')) return undefined;

  const pips = stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => pipInstall(model, i, scripts)).filter((p) => p !== undefined);
  if (pips.length !== 1) return undefined;
  const pip = pips[0];
  const at = stage.instructions.indexOf(pip.run);
  const aptRuns = new Set<Instruction>();
  for (const [k, i] of stage.instructions.entries()) {
    if (!ALLOWED.has(i.keyword) || (i.keyword === 'HEALTHCHECK' && !isHealthcheckNone(model, i))) return undefined;
    if ((i.keyword === 'COPY' || i.keyword === 'ADD') && !copiesFromContext(i)) return undefined;
    if (k < at && (i.keyword === 'USER' || i.keyword === 'VOLUME')) return undefined;
    if (i.keyword !== 'RUN' || i === pip.run) continue;
    if (k < at && isBuildOnlyAptRun(scripts(i))) aptRuns.add(i);
    else if (k < at || !runsOnSlim(i, scripts)) return undefined;
  }
  if (aptRuns.size === 0) return undefined;

  const name = buildStageName(model);
  const buildFrom = buildFromLine(model, stage, name);
  const runtimeFrom = runtimeFromLine(model, stage, undefined, slim.tag);
  if (!buildFrom || !runtimeFrom) return undefined;

  const wheel = `${pip.pip} wheel --wheel-dir ${WHEELS} -r ${pip.requirements}`;
  const build = `${buildFrom}${model.text.slice(stage.from.end, pip.cmd.start)}${wheel}${model.text.slice(pip.cmd.end, pip.run.end)}`;

  // The runtime stage: the same instructions without the apt RUNs, installing from the wheels.
  const keywordEnd = model.lines.offsetAt(pip.run.keywordRange.end);
  const install = `${pip.pip} install --no-cache-dir --no-index --find-links=${WHEELS} -r ${pip.requirements}`;
  let runtime = runtimeFrom;
  let cursor = stage.from.end;
  for (const i of stage.instructions) {
    if (aptRuns.has(i)) {
      cursor = i.end;
      continue;
    }
    if (i === pip.run) {
      runtime += model.text.slice(cursor, keywordEnd) + ` --mount=type=bind,from=${name},source=${WHEELS},target=${WHEELS}` + model.text.slice(keywordEnd, pip.cmd.start) + install + model.text.slice(pip.cmd.end, i.end);
    } else runtime += model.text.slice(cursor, i.end);
    cursor = i.end;
  }
  return replaceStage(model, stage, `${build}\n\n${runtime}`, `Convert to a multi-stage build (wheels built on python:${image.tag}, installed on python:${slim.tag}; runtime libraries of the -dev packages are not carried over)`);
}
