import { Fix } from '../engine/types';
import { isUnder, joinPath } from '../analysis/paths';
import { environmentAt, workdirAt } from '../analysis/stage-env';
import { lookupBaseImage } from '../data/base-images';
import { DockerfileModel, Instruction, Stage } from '../model/types';
import { invocation, parseOptions } from '../shell/commands';
import {
  buildFromLine, buildStageName, carriedMetadata, copiesFromContext, isBuildOnlyAptRun, isHealthcheckNone, replaceStage, runtimeFromLine, Scripts, startCommand,
} from './stage-split';

/** `20`, `20.11.1`, `lts`, `current`, optionally with a Debian codename: tags whose slim twin is the same Node on the same Debian. */
const NODE_TAG = /^(\d+(\.\d+){0,2}|lts|current)(-(bookworm|bullseye|buster|trixie))?$/;
/** npm subcommands that only work inside the project directory. */
const NPM_LOCAL = new Set(['ci', 'install', 'i', 'run', 'run-script', 'prune', 'cache', 'rebuild', 'config']);
const INSTALL = new Set(['ci', 'install', 'i']);
/** What node-gyp needs besides build packages. */
const GYP_EXTRA = new Set(['python3', 'python', 'python-is-python3', 'pkg-config']);
const AFTER_BUILD = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'ENV', 'LABEL', 'USER', 'WORKDIR', 'VOLUME', 'STOPSIGNAL', 'ARG', 'COPY', 'ADD', 'HEALTHCHECK']);
const BEFORE_BUILD = new Set(['WORKDIR', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'EXPOSE', 'STOPSIGNAL', 'USER', 'CMD', 'ENTRYPOINT', 'RUN']);
const OMITS_DEV = /^(--omit=dev|--production|--only=prod(uction)?)$/;

interface NpmCommand {
  kind: 'install' | 'script' | 'prune' | 'other';
  /** Leaves devDependencies out (`--omit=dev`, `--production`, NODE_ENV=production). */
  omitsDev: boolean;
  /** Offset after the subcommand word (`ci`, `install`): where `--omit=dev` goes. */
  subEnd: number;
}

/** The npm commands of a RUN made only of npm commands that write inside the working directory. */
function npmCommands(model: DockerfileModel, run: Instruction, scripts: Scripts): NpmCommand[] | undefined {
  const rs = scripts(run);
  if (!rs.main || rs.heredocs.length > 0 || rs.main.hasErrors || rs.main.commands.length === 0) return undefined;
  const productionEnv = environmentAt(model, run).get('NODE_ENV') === 'production';
  const out: NpmCommand[] = [];
  for (const cmd of rs.main.commands) {
    const inv = invocation(cmd);
    if (inv.program !== 'npm' || cmd.inSubstitution) return undefined;
    const { options, positionals } = parseOptions(inv.args);
    const sub = positionals[0];
    if (!sub || !NPM_LOCAL.has(sub.value) || options.some((o) => /^(-g|--global|--prefix|-C|--location)$/.test(o.name))) return undefined;
    const omitsDev = productionEnv || cmd.assignments.some((a) => a.name === 'NODE_ENV' && a.value === 'production') || options.some((o) => OMITS_DEV.test(o.word.value));
    const kind = INSTALL.has(sub.value) ? 'install' : sub.value === 'run' || sub.value === 'run-script' ? 'script' : sub.value === 'prune' ? 'prune' : 'other';
    out.push({ kind, omitsDev, subEnd: sub.end });
  }
  return out;
}

function startsNode(words: readonly string[]): boolean {
  const program = words[0].replace(/^.*\//, '');
  if (program === 'node') return true;
  return program === 'npm' && (words[1] === 'start' || (words[1] === 'run' && words[2] === 'start'));
}

/**
 * Splits a single `FROM node:<v>` stage that installs with npm and starts with
 * `node …`/`npm start` into a build stage on the same image and a runtime
 * stage on the slim image of the same Node and Debian release, which gets the
 * whole project directory (sources, build output, production node_modules).
 */
export function nodeMultiStageFix(model: DockerfileModel, stage: Stage, scripts: Scripts): Fix | undefined {
  const image = stage.image;
  const info = image ? lookupBaseImage({ registry: image.registry, repository: image.repository, tag: image.tag }) : undefined;
  if (!image || info?.key !== 'node' || info.variant !== 'full' || !NODE_TAG.test(image.tag ?? '')) return undefined;
  const slim = info.alternatives.find((a) => a.repository === 'node' && lookupBaseImage({ repository: 'node', tag: a.tag })?.variant === 'slim');
  if (!slim || !slim.tag.startsWith((image.tag ?? '').split('-')[0] + '-')) return undefined;

  const runs: Instruction[] = [];
  const commands: NpmCommand[] = [];
  for (const i of stage.instructions) {
    if (i.keyword !== 'RUN') continue;
    const npm = npmCommands(model, i, scripts);
    if (npm) {
      runs.push(i);
      commands.push(...npm);
    } else if (!isBuildOnlyAptRun(scripts(i), GYP_EXTRA)) return undefined;
  }
  const installs = commands.filter((c) => c.kind === 'install');
  const last = runs[runs.length - 1];
  if (installs.length === 0 || !last) return undefined;
  const at = stage.instructions.indexOf(last);
  const before = stage.instructions.slice(0, at + 1);
  const after = stage.instructions.slice(at + 1);
  const dir = workdirAt(model, last);
  if (dir === undefined || dir === '/' || runs.some((r) => workdirAt(model, r) !== dir)) return undefined;

  let user: string | undefined;
  for (const i of before) {
    if (!BEFORE_BUILD.has(i.keyword)) return undefined;
    if ((i.keyword === 'COPY' || i.keyword === 'ADD') && !copiesFromContext(i)) return undefined;
    if (i.keyword === 'COPY' || i.keyword === 'ADD') {
      const wd = workdirAt(model, i);
      const dest = i.args[i.args.length - 1].value;
      if (wd === undefined || dest.includes('$') || !isUnder(joinPath(wd, dest), dir)) return undefined;
    }
    if (i.keyword === 'USER') user = i.args[0]?.value;
  }
  if (user !== undefined && (user.includes('$') || user.includes(' '))) return undefined;
  for (const i of after) {
    if (!AFTER_BUILD.has(i.keyword) || (i.keyword === 'HEALTHCHECK' && !isHealthcheckNone(model, i))) return undefined;
    if ((i.keyword === 'COPY' || i.keyword === 'ADD') && !copiesFromContext(i)) return undefined;
  }
  const start = startCommand(stage.instructions);
  if (!start || !startsNode(start.words)) return undefined;

  const name = buildStageName(model);
  const buildFrom = buildFromLine(model, stage, name);
  const runtimeFrom = runtimeFromLine(model, stage, undefined, slim.tag);
  if (!buildFrom || !runtimeFrom) return undefined;

  // Production dependencies only: `--omit=dev` on the install when nothing runs after it, else a prune.
  const omit = /^([0-9]|1[0-4])(\D|$)/.test(image.tag ?? '') ? '--production' : '--omit=dev';
  let devLeft = false;
  for (const c of commands) {
    if (c.kind === 'install' || c.kind === 'prune') devLeft = c.kind === 'install' ? !c.omitsDev || devLeft : devLeft && !c.omitsDev;
  }
  const lastInstall = installs[installs.length - 1];
  const scriptAfter = commands.slice(commands.indexOf(lastInstall)).some((c) => c.kind === 'script');
  let body = model.text.slice(stage.from.end, last.end);
  let tail = '';
  if (devLeft && installs.length === 1 && !scriptAfter) {
    const k = lastInstall.subEnd - stage.from.end;
    body = `${body.slice(0, k)} ${omit}${body.slice(k)}`;
  } else if (devLeft) tail = `\nRUN npm prune ${omit}`;

  const chown = user !== undefined ? `--chown=${user} ` : '';
  const runtime = [runtimeFrom, `WORKDIR ${dir}`, ...carriedMetadata(model, before), `COPY --from=${name} ${chown}${dir} ${dir}`].join('\n');
  const text = `${buildFrom}${body}${tail}\n\n${runtime}${model.text.slice(last.end, (after[after.length - 1] ?? last).end)}`;
  return replaceStage(model, stage, text, `Convert to a multi-stage build (npm install on ${info.key}:${image.tag}, run on node:${slim.tag} with production dependencies)`);
}
