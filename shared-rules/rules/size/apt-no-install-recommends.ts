import { Rule } from '../../engine/types';
import { aptCalls, aptNoRecommends, aptSimulates } from '../../shell/package-managers';
import { DockerfileModel, Stage } from '../../model/types';

/** A stage (or a stage it builds on) that configured apt never to install recommends. */
function recommendsDisabled(model: DockerfileModel, stage: Stage, ctxText: (s: Stage) => string): boolean {
  for (let s: Stage | undefined = stage; s; s = s.baseStage !== undefined ? model.stages[s.baseStage] : undefined) {
    if (/Install-Recommends\s*"?\s*(false|0|no)/i.test(ctxText(s))) return true;
  }
  return false;
}

const rule: Rule = {
  meta: {
    id: 'apt-no-install-recommends',
    category: 'size',
    severity: 'warning',
    fixable: 'unsafe',
    equivalents: { hadolint: ['DL3015'], trivy: ['DS-0029'] },
    docs: {
      summary: '`apt-get install` without `--no-install-recommends`.',
      why:
        'By default apt also installs every "Recommends" of the packages you asked for, and of their dependencies. On a Debian base that commonly doubles the layer: `apt-get install curl` pulls in about 20 extra packages. Recommended packages are rarely needed in a container, and every one of them is more bytes to pull and more CVEs to patch.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      fix: 'Inserts `--no-install-recommends` right after `install`, whatever the flag order. Marked unsafe: a later command may rely on a recommended package (e.g. `ca-certificates` for HTTPS), which the linter cannot know.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const stageText = (s: Stage) => s.instructions.filter((i) => i.keyword === 'RUN').map((i) => model.text.slice(i.start, i.end)).join('\n');
    for (const stage of model.stages) {
      if (stage.windows) continue;
      if (recommendsDisabled(model, stage, stageText)) continue;
      for (const instr of stage.instructions) {
        for (const script of ctx.scripts(instr).all) {
          for (const call of aptCalls(script)) {
            if (call.action !== 'install' || !call.subcommand || aptNoRecommends(call) || aptSimulates(call)) continue;
            ctx.report({
              range: call.subcommand.range,
              instruction: instr,
              message: 'Add `--no-install-recommends` so apt installs only what you asked for.',
              fixes: [{ title: 'Add --no-install-recommends', safe: false, edits: [{ range: { start: call.subcommand.range.end, end: call.subcommand.range.end }, newText: ' --no-install-recommends' }] }],
            });
          }
        }
      }
    }
  },
};

export default rule;
