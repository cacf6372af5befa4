import { Fix } from '../engine/types';
import { baseName, hasGlob, isUnder, joinPath, parentOf } from '../analysis/paths';
import { workdirAt } from '../analysis/stage-env';
import { lookupBaseImage } from '../data/base-images';
import { DockerfileModel, Stage } from '../model/types';
import { invocation, parseOptions } from '../shell/commands';
import {
  buildFromLine, buildStageName, carriedMetadata, copiesFromContext, isHealthcheckNone, replaceStage, runtimeFromLine, Scripts, startCommand,
} from './stage-split';

/** `3.9-eclipse-temurin-21`, `3.8.5-openjdk-17-slim`, `3.6-jdk-11`, `3.9.9-eclipse-temurin-21-jammy`: Maven on a known OpenJDK major. */
const MAVEN_TAG = /^\d+(\.\d+){0,2}-(?:eclipse-temurin|openjdk|jdk)-(\d+)(?:-(slim|focal|jammy|noble))?$/;
const MAVEN = /^(mvn|mvnw)$/;
const BEFORE_BUILD = new Set(['WORKDIR', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'EXPOSE', 'STOPSIGNAL', 'CMD', 'ENTRYPOINT', 'RUN']);
const AFTER_BUILD = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'ENV', 'LABEL', 'USER', 'WORKDIR', 'VOLUME', 'STOPSIGNAL', 'ARG', 'COPY', 'ADD', 'HEALTHCHECK']);
/** Users that exist in every image. */
const ANY_IMAGE_USER = /^(root|0|nobody|\d+)(:(root|0|nogroup|\d+))?$/;

/** `eclipse-temurin:<major>-jre[-<ubuntu codename>]` for a maven tag, when the tag names its JDK. */
export function jreTagFor(mavenTag: string): string | undefined {
  const m = MAVEN_TAG.exec(mavenTag);
  if (!m) return undefined;
  const codename = m[3] && m[3] !== 'slim' ? `-${m[3]}` : '';
  const tag = `${m[2]}-jre${codename}`;
  return lookupBaseImage({ repository: 'eclipse-temurin', tag })?.variant === 'jre' ? tag : undefined;
}

/**
 * Splits a single `FROM maven:<v>-<jdk>` stage that runs `mvn package` and
 * starts with `java -jar <jar>` into the Maven build stage and an
 * `eclipse-temurin:<major>-jre` stage that gets only the jar (or the
 * `target/*.jar` glob the command names).
 */
export function mavenMultiStageFix(model: DockerfileModel, stage: Stage, scripts: Scripts): Fix | undefined {
  const image = stage.image;
  const info = image ? lookupBaseImage({ registry: image.registry, repository: image.repository, tag: image.tag }) : undefined;
  if (!image || info?.key !== 'maven' || info.variant !== 'maven') return undefined;
  const jre = jreTagFor(image.tag ?? '');
  if (!jre) return undefined;

  let lastRun = -1;
  let packages = false;
  for (const [k, i] of stage.instructions.entries()) {
    if (i.keyword !== 'RUN') continue;
    const rs = scripts(i);
    if (!rs.main || rs.heredocs.length > 0 || rs.main.hasErrors || rs.main.commands.length === 0) return undefined;
    for (const cmd of rs.main.commands) {
      const inv = invocation(cmd);
      if (!MAVEN.test(inv.program) || cmd.inSubstitution) return undefined;
      const { options, positionals } = parseOptions(inv.args, new Set(['-f', '--file', '-s', '--settings', '-P', '-D', '-pl', '--projects']));
      if (options.some((o) => o.name === '-f' || o.name === '--file' || o.name.startsWith('--file='))) return undefined;
      packages = packages || positionals.some((p) => /^(package|install|verify)$/.test(p.value));
    }
    lastRun = k;
  }
  if (!packages || lastRun < 0) return undefined;
  const run = stage.instructions[lastRun];
  const project = workdirAt(model, run);
  if (project === undefined) return undefined;
  const before = stage.instructions.slice(0, lastRun + 1);
  const after = stage.instructions.slice(lastRun + 1);
  for (const i of before) {
    if (!BEFORE_BUILD.has(i.keyword)) return undefined;
    if ((i.keyword === 'COPY' || i.keyword === 'ADD') && !copiesFromContext(i)) return undefined;
  }
  for (const i of after) {
    if (!AFTER_BUILD.has(i.keyword) || (i.keyword === 'HEALTHCHECK' && !isHealthcheckNone(model, i))) return undefined;
    if ((i.keyword === 'COPY' || i.keyword === 'ADD') && !copiesFromContext(i)) return undefined;
    if (i.keyword === 'USER' && !ANY_IMAGE_USER.test(i.args[0]?.value ?? '')) return undefined;
  }

  // The jar `java -jar` runs must be Maven's output: a known path or one `target/*.jar` glob (shell form, so it expands).
  const start = startCommand(stage.instructions);
  const jarAt = start?.words.indexOf('-jar') ?? -1;
  const jar = start && jarAt > 0 ? start.words[jarAt + 1] : undefined;
  const startDir = start ? workdirAt(model, start.instr) : undefined;
  if (!start || start.words[0].replace(/^.*\//, '') !== 'java' || !jar || jar.includes('$') || startDir === undefined) return undefined;
  const jarPath = joinPath(startDir, jar);
  const glob = hasGlob(jarPath);
  if (glob && (start.instr.jsonForm || baseName(jarPath) !== '*.jar' || hasGlob(parentOf(jarPath)))) return undefined;
  if (!jarPath.endsWith('.jar') || baseName(parentOf(jarPath)) !== 'target' || !isUnder(jarPath, project)) return undefined;

  const name = buildStageName(model);
  const buildFrom = buildFromLine(model, stage, name);
  const runtimeFrom = runtimeFromLine(model, stage, 'eclipse-temurin', jre);
  if (!buildFrom || !runtimeFrom) return undefined;
  const copy = `COPY --from=${name} ${jarPath} ${glob ? `${parentOf(jarPath)}/` : jarPath}`;
  const runtime = [runtimeFrom, ...(project !== '/' ? [`WORKDIR ${project}`] : []), ...carriedMetadata(model, before), copy].join('\n');
  const text = `${buildFrom}${model.text.slice(stage.from.end, run.end)}\n\n${runtime}${model.text.slice(run.end, (after[after.length - 1] ?? run).end)}`;
  return replaceStage(model, stage, text, `Convert to a multi-stage build (runtime: eclipse-temurin:${jre}, only the jar is copied)`);
}
