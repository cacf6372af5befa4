import { configuredBefore } from '../../analysis/stage-env';
import { Rule } from '../../engine/types';
import { shellScripts } from '../../engine/walk';
import { fedByYes } from '../../shell/answers';
import { aptAssumesYes, aptCalls, aptSimulates } from '../../shell/package-managers';

/** Subcommands that install packages and stop at "Do you want to continue? [Y/n]". */
const PROMPTS = new Set(['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep']);
const ASSUME_YES_CONF = /Assume-?Yes\s*"?\s*(true|1|yes)/i;

const rule: Rule = {
  meta: {
    id: 'apt-missing-yes',
    scope: 'stage',
    category: 'size',
    severity: 'error',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3014'] },
    docs: {
      summary: '`apt-get install` without `-y`/`--yes`/`-qq`.',
      why:
        'Without `-y`, apt-get asks "Do you want to continue? [Y/n]" whenever it has to install more than the packages you named. A build has no terminal: apt-get reads end-of-file, answers no, prints "Abort." and the RUN fails. `DEBIAN_FRONTEND=noninteractive` does not answer this prompt.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      fix: 'Inserts `-y` after the subcommand. Safe: the build would otherwise stop. Quiet when an earlier RUN of the stage configures `APT::Get::Assume-Yes`, or when `yes |` feeds apt-get.',
    },
  },
  check(ctx) {
    for (const { instr, script } of shellScripts(ctx)) {
      if (configuredBefore(ctx.model, instr, ASSUME_YES_CONF)) continue;
      for (const call of aptCalls(script)) {
        if (!call.subcommand || !PROMPTS.has(call.action) || aptAssumesYes(call) || aptSimulates(call) || fedByYes(script, call.inv.command)) continue;
        if (call.options.some((o) => o.name === '--assume-no')) continue;
        const at = call.subcommand.range.end;
        ctx.report({
          range: call.subcommand.range,
          instruction: instr,
          message: `Add \`-y\` to \`${call.tool} ${call.action}\`: without it the build stops at the confirmation prompt.`,
          fixes: [{ title: 'Add -y', safe: true, edits: [{ range: { start: at, end: at }, newText: ' -y' }] }],
        });
      }
    }
  },
};

export default rule;
