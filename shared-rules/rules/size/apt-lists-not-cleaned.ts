import { Rule } from '../../engine/types';
import { shellScripts } from '../../engine/walk';
import { appendCommandEdit } from '../../fixes/append-command';
import { hasCacheMount } from '../../shell/cache-paths';
import { aptCalls, removesPath } from '../../shell/package-managers';
import { approx } from '../../layer-cost/format';

const LISTS = '/var/lib/apt/lists';

const rule: Rule = {
  meta: {
    id: 'apt-lists-not-cleaned',
    scope: 'stage',
    category: 'size',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3009'] },
    docs: {
      summary: '`apt-get install` in a RUN that does not remove `/var/lib/apt/lists/*` in the same RUN.',
      why:
        '`apt-get update` downloads the package index into `/var/lib/apt/lists`: roughly 18–20 MB on Debian bookworm, more on Ubuntu. Unless the same RUN deletes it, the index is frozen into that layer and shipped with the image, although nothing at run time needs it. Deleting it in a later RUN does not help: the bytes stay in the earlier layer.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      fix: 'Appends `&& rm -rf /var/lib/apt/lists/*` to the RUN (a new line at the end of a heredoc script). Safe: the index is only needed while installing. Quiet when the RUN mounts a BuildKit cache on `/var/lib/apt/lists`, in build stages that do not end up in the image, and on a RUN that only runs `apt-get update` (that is `apt-update-alone`: the fix there is to merge it with the install).',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const { instr, script } of shellScripts(ctx, { shippedOnly: true })) {
      if (hasCacheMount(instr.flags, [LISTS, '/var/lib/apt'])) continue;
      const calls = aptCalls(script).filter((c) => c.action === 'update' || c.action === 'install');
      // An update with no install is apt-update-alone's finding: deleting the lists
      // there would leave the next RUN's install without an index.
      if (!calls.some((c) => c.action === 'install') || removesPath(script, LISTS)) continue;
      if (script.commands.some((c) => /^apt(-get)?$/.test(c.name) && c.args.some((a) => a.value === 'dist-clean'))) continue;
      const target = calls.find((c) => c.action === 'update') ?? calls[0];
      const edit = appendCommandEdit(model, instr, script, 'rm -rf /var/lib/apt/lists/*');
      const d = ctx.cost().forInstruction(instr.index)?.detail;
      const saving = d?.kind === 'apt' ? d.listsBytes : 0;
      ctx.report({
        range: target.subcommand?.range ?? target.inv.programWord.range,
        instruction: instr,
        message: 'Remove the apt package lists in the same RUN (`rm -rf /var/lib/apt/lists/*`): otherwise they stay in this layer.',
        fixes: edit ? [{ title: saving > 0 ? `Remove apt lists in this layer (saves ${approx(saving)})` : 'Remove apt lists in this layer', safe: true, edits: [edit] }] : [],
      });
    }
  },
};

export default rule;
