import { Rule } from '../../engine/types';
import { flagSignature, mergeable, mergeRunsEdit } from '../../fixes/merge-runs';
import { aptCalls } from '../../shell/package-managers';

const INSTALLS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'reinstall', 'source']);

const rule: Rule = {
  meta: {
    id: 'apt-update-alone',
    scope: 'stage',
    category: 'size',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { trivy: ['DS-0017'], checkov: ['CKV_DOCKER_5'] },
    docs: {
      summary: '`apt-get update` in a RUN with no install, so a later cached layer installs from a stale index.',
      why:
        'The build cache keys a RUN on its command text. A RUN that only runs `apt-get update` stays cached for months, while the RUN that installs changes and re-runs against that stale index: installs then fail with 404s or silently get old, vulnerable versions. The update also leaves ~18 MB of lists in its own layer that no later RUN can remove.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      fix: 'Merges the update into the next RUN when that RUN immediately follows, installs with apt and has the same flags. Safe: the same commands run in the same order.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      if (stage.windows) continue;
      stage.instructions.forEach((instr, i) => {
        const scripts = ctx.scripts(instr).all;
        const calls = scripts.flatMap((s) => aptCalls(s));
        const update = calls.find((c) => c.action === 'update');
        if (!update || calls.some((c) => INSTALLS.has(c.action))) return;
        const next = stage.instructions[i + 1];
        const nextInstalls = next !== undefined && ctx.scripts(next).all.some((s) => aptCalls(s).some((c) => c.action === 'install'));
        const canMerge = nextInstalls && mergeable(model, instr) && mergeable(model, next) && flagSignature(instr.flags) === flagSignature(next.flags);
        ctx.report({
          range: update.subcommand?.range ?? update.inv.programWord.range,
          instruction: instr,
          message: 'Run `apt-get update` in the same RUN as `apt-get install`, so the index is never stale.',
          fixes: canMerge ? [{ title: 'Merge apt-get update into the next RUN', safe: true, edits: [mergeRunsEdit(model, [instr, next])] }] : [],
        });
      });
    }
  },
};

export default rule;
