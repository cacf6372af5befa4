import { Rule } from '../../engine/types';
import { shellScripts } from '../../engine/walk';
import { aptCalls, aptSimulates } from '../../shell/package-managers';

const UPGRADES = new Set(['upgrade', 'dist-upgrade', 'full-upgrade']);

const rule: Rule = {
  meta: {
    id: 'apt-upgrade',
    scope: 'stage',
    category: 'size',
    severity: 'info',
    fixable: 'none',
    equivalents: { trivy: ['DS-0024'] },
    docs: {
      summary: '`apt-get upgrade`/`dist-upgrade` in a stage that ends up in the image.',
      why:
        'Upgrading inside the Dockerfile writes a second copy of every upgraded package into a new layer on top of the base image\'s copy: tens of MB on an older base. The result also depends on the day the layer was built, so two builds of the same Dockerfile differ. Pull a newer base image instead (`docker build --pull`, or a newer tag): the distribution already publishes rebuilt images with the updates.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get upgrade -y && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      fix: 'None: whether a newer base image is available, and whether you need an update that is not in it yet, is your call. Build stages that do not end up in the image are not flagged.',
    },
  },
  check(ctx) {
    for (const { instr, script } of shellScripts(ctx, { shippedOnly: true })) {
      for (const call of aptCalls(script)) {
        if (!call.subcommand || !UPGRADES.has(call.action) || aptSimulates(call)) continue;
        ctx.report({
          range: call.subcommand.range,
          instruction: instr,
          message: `Avoid \`${call.tool} ${call.action}\` in the image: rebuild on a newer base image instead.`,
        });
      }
    }
  },
};

export default rule;
