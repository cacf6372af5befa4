import { Fix, Rule } from '../../engine/types';
import { DependencyStep, dependencyStep } from '../../analysis/dependency-steps';
import { isUnder, resolvePath } from '../../analysis/paths';
import { homeOf, stateBefore } from '../../analysis/stage-state';
import { normalizeCopySource } from '../../context/copy-sources';
import { removeStatementsEdits, Statement, statements, statementText } from '../../fixes/remove-statements';
import { DockerfileModel, Instruction, Stage } from '../../model/types';
import { invocation } from '../../shell/commands';
import { runScripts } from '../../shell/run-scripts';
import { TextEdit } from '../../text/types';

/** Instructions the manifest COPY may be separated from the install by: they read no context file. */
const NEUTRAL = new Set(['ENV', 'ARG', 'LABEL', 'EXPOSE', 'USER', 'STOPSIGNAL', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT', 'SHELL', 'WORKDIR']);

interface Found {
  run: Instruction;
  statement: Statement;
  /** Statements before the install (only `cd`/`set` allowed for a fix). */
  index: number;
  step: DependencyStep;
}

function ecosystem(step: DependencyStep): string {
  const first = step.label.split(' ')[0];
  return ['npm', 'yarn', 'pnpm'].includes(first) ? 'node' : ['pip', 'uv', 'poetry', 'pipenv'].includes(first) ? 'python' : first;
}

/** The first dependency step after `copy` in its stage whose working directory gets the copied context. */
function findStep(model: DockerfileModel, stage: Stage, copy: Instruction, dest: string, entries: readonly string[] | undefined): Found | undefined {
  for (const instr of stage.instructions) {
    if (instr.index <= copy.index || instr.keyword !== 'RUN') continue;
    const main = runScripts(model, instr).main;
    if (!main) continue;
    const state = stateBefore(model, instr);
    let cwd: string | undefined = state.workdir;
    const sts = statements(main);
    for (let i = 0; i < sts.length; i++) {
      const inv = invocation(sts[i].commands[0]);
      if (inv.program === 'cd') {
        const to = inv.args[0];
        cwd = to?.static && cwd ? resolvePath(cwd, to.value, homeOf(state)) : undefined;
        continue;
      }
      if (sts[i].commands[0].conditional || cwd === undefined || !isUnder(cwd, dest)) continue;
      const step = dependencyStep(inv, entries);
      if (step) return { run: instr, statement: sts[i], index: i, step: cwd === dest ? step : { ...step, manifests: undefined } };
    }
  }
  return undefined;
}

function lineText(model: DockerfileModel, instr: Instruction): string {
  return model.text.slice(model.lines.lineStart(instr.startLine), instr.end);
}

/** Copy the manifests where the context was copied, install, then copy the rest. */
function splitFix(model: DockerfileModel, stage: Stage, copy: Instruction, found: Found): Fix | undefined {
  const manifests = found.step.manifests;
  if (!manifests || copy.jsonForm || copy.args.length !== 2 || !copy.argsRange) return undefined;
  const between = stage.instructions.filter((i) => i.index > copy.index && i.index < found.run.index);
  const destRaw = copy.args[1].value;
  if (between.some((i) => !NEUTRAL.has(i.keyword) || (i.keyword === 'WORKDIR' && !destRaw.startsWith('/')))) return undefined;
  const main = runScripts(model, found.run).main;
  if (!main) return undefined;
  const sts = statements(main);
  const before = sts.slice(0, found.index);
  if (before.some((s) => !/^(cd|set)$/.test(invocation(s.commands[0]).program))) return undefined;
  const destDir = destRaw.endsWith('/') ? destRaw : `${destRaw}/`;
  const edits: TextEdit[] = [{ range: copy.argsRange, newText: `${manifests.join(' ')} ${destDir}` }];
  const copyLine = lineText(model, copy);
  if (found.index === sts.length - 1) {
    const end = model.lines.positionAt(found.run.end);
    edits.push({ range: { start: end, end }, newText: `\n${copyLine}` });
  } else {
    // The install is the first step of a longer RUN: it becomes a RUN of its own above the full COPY.
    if (before.length > 0) return undefined;
    const text = statementText(model, found.statement);
    const remove = removeStatementsEdits(model, found.run, main, [found.statement]);
    if (!text || !remove) return undefined;
    const head = model.text.slice(model.lines.lineStart(found.run.startLine), model.lines.offsetAt(found.run.args[0].range.start));
    const at = { line: found.run.startLine, character: 0 };
    edits.push({ range: { start: at, end: at }, newText: `${head}${text}\n${copyLine}\n` }, ...remove);
  }
  return { title: `Copy ${manifests.join(', ')} first, install, then copy the rest`, safe: true, edits };
}

const rule: Rule = {
  meta: {
    id: 'copy-before-dependency-install',
    scope: 'stage',
    mentionsLines: true,
    category: 'cache',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { note: 'None has it (seed: order instructions for the build cache).' },
    docs: {
      summary: 'The whole build context is copied before the dependency install (`npm ci`, `pip install -r`, `go mod download`, `bundle install` …).',
      why:
        'The build cache of an instruction is reused only if everything before it is unchanged. After `COPY . .`, any edit to any source file invalidates the layer, so the dependency install below it runs again from scratch — minutes of downloads on every code change. Copying only the manifests (package.json and lockfile, requirements.txt, go.mod/go.sum, Gemfile*) first keeps the install cached until the dependencies themselves change.',
      bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
      good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
      fix:
        'Turns the `COPY . <dir>` into a copy of the manifests, keeps the install where it is and adds the full `COPY` right after it; when the install is the first command of a longer RUN, it becomes its own RUN and the rest stays after the full COPY. The manifests are those in the build context when the editor knows it (lockfiles and `.npmrc` only if present), else the standard pair for the tool (`package*.json` for `npm install`). Safe: the same files end up in the same place and the install sees the same manifests. Not offered when other instructions that may read the context sit in between, when the install builds the project (`mvn package`, `cargo build`, `poetry install` without `--no-root`, `composer install` with scripts) or needs workspace files (pnpm workspaces, Yarn 2 `.yarn/`), or when the requirement files are not at the top of the context. An install whose lifecycle scripts read source files will fail loudly after the split: add those files to the first COPY.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const entries = ctx.host.contextEntries;
    for (const stage of model.stages) {
      if (stage.windows) continue;
      const doneBefore = new Set<string>();
      for (const instr of stage.instructions) {
        if (instr.keyword === 'RUN') {
          const main = runScripts(model, instr).main;
          for (const st of main ? statements(main) : []) {
            const step = dependencyStep(invocation(st.commands[0]), entries);
            if (step) doneBefore.add(ecosystem(step));
          }
          continue;
        }
        if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.flags.some((f) => f.name === 'from') || instr.args.length < 2) continue;
        const whole = instr.args.slice(0, -1).find((a) => normalizeCopySource(a.value) === '.' && !a.value.includes('*') && !a.value.startsWith('<<'));
        if (!whole) continue;
        const state = stateBefore(model, instr);
        const dest = resolvePath(state.workdir, instr.args[instr.args.length - 1].value, homeOf(state));
        const found = findStep(model, stage, instr, dest, entries);
        // Dependencies already installed from the manifests before this COPY: the later step is the build.
        if (!found || doneBefore.has(ecosystem(found.step))) continue;
        const fix = splitFix(model, stage, instr, found);
        const what = found.step.manifests ? found.step.manifests.join(', ') : 'the dependency manifests';
        ctx.report({
          range: whole.range,
          instruction: instr,
          message: `\`${found.step.label}\` on line ${found.run.startLine + 1} re-runs on every source change: copy ${what} first, install, then copy the rest.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};

export default rule;
