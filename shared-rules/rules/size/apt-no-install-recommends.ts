import { Rule } from '../../engine/types';
import { aptCalls, aptNoRecommends, aptSimulates } from '../../shell/package-managers';
import { stageDisablesRecommends } from '../../shell/apt-config';
import { approx } from '../../layer-cost/format';

const rule: Rule = {
  meta: {
    id: 'apt-no-install-recommends',
    scope: 'stage',
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
    for (const stage of model.stages) {
      if (stage.windows) continue;
      if (stageDisablesRecommends(model, stage)) continue;
      for (const instr of stage.instructions) {
        for (const script of ctx.scripts(instr).all) {
          for (const call of aptCalls(script)) {
            if (call.action !== 'install' || !call.subcommand || aptNoRecommends(call) || aptSimulates(call)) continue;
            const cost = ctx.cost().forInstruction(instr.index);
            const d = cost?.detail;
            const saving = d?.kind === 'apt' && d.withoutRecommendsBytes !== undefined && cost?.bytes ? cost.bytes - d.withoutRecommendsBytes : 0;
            const title = saving > 0 ? `Add --no-install-recommends (saves ${approx(saving)})` : 'Add --no-install-recommends';
            ctx.report({
              range: call.subcommand.range,
              instruction: instr,
              message: 'Add `--no-install-recommends` so apt installs only what you asked for.',
              fixes: [{ title, safe: false, edits: [{ range: { start: call.subcommand.range.end, end: call.subcommand.range.end }, newText: ' --no-install-recommends' }] }],
            });
          }
        }
      }
    }
  },
};

export default rule;
