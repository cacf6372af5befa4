import { Fix, Rule } from '../../engine/types';
import { shellScripts } from '../../engine/walk';
import { aptCalls } from '../../shell/package-managers';
import { TextEdit } from '../../text/types';

/** apt subcommands that apt-get runs the same way. */
const SAME = new Set(['install', 'remove', 'purge', 'update', 'autoremove', 'autoclean', 'clean', 'source', 'build-dep', 'download', 'changelog', 'check', 'dist-upgrade', 'satisfy']);

const rule: Rule = {
  meta: {
    id: 'apt-use-apt-get',
    scope: 'stage',
    category: 'size',
    severity: 'info',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3027'], checkov: ['CKV_DOCKER_9'] },
    docs: {
      summary: '`apt` (the interactive front end) in a RUN.',
      why:
        '`apt` is meant for people at a terminal: its output has progress bars and colours, and it warns "apt does not have a stable CLI interface. Use with caution in scripts." Its options and defaults may change between releases. `apt-get` is the stable interface for scripts and does the same work.',
      bad: 'FROM debian:bookworm-slim\nRUN apt update && apt install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      fix: 'Replaces `apt` with `apt-get` for the subcommands both understand alike; `apt upgrade` becomes `apt-get upgrade --with-new-pkgs` and `apt full-upgrade` becomes `apt-get dist-upgrade`, which is what apt runs. Safe. `apt list`, `apt search`, `apt show` have no apt-get form and get no fix.',
    },
  },
  check(ctx) {
    for (const { instr, script } of shellScripts(ctx)) {
      for (const call of aptCalls(script)) {
        if (call.tool !== 'apt') continue;
        const word = call.inv.programWord;
        const fixes: Fix[] = [];
        if (word.static && word.text === word.value && call.subcommand?.static) {
          const rename: TextEdit = { range: { start: word.range.end, end: word.range.end }, newText: '-get' };
          const sub = call.subcommand;
          if (SAME.has(call.action)) fixes.push({ title: 'Use apt-get', safe: true, edits: [rename] });
          else if (call.action === 'upgrade') fixes.push({ title: 'Use apt-get upgrade --with-new-pkgs', safe: true, edits: [rename, { range: { start: sub.range.end, end: sub.range.end }, newText: ' --with-new-pkgs' }] });
          else if (call.action === 'full-upgrade') fixes.push({ title: 'Use apt-get dist-upgrade', safe: true, edits: [rename, { range: sub.range, newText: 'dist-upgrade' }] });
        }
        ctx.report({ range: word.range, instruction: instr, message: 'Use `apt-get` instead of `apt` in scripts: apt\'s command line is not stable.', fixes });
      }
    }
  },
};

export default rule;
