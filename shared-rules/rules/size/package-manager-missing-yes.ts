import { configuredBefore } from '../../analysis/stage-env';
import { Rule } from '../../engine/types';
import { shellScripts } from '../../engine/walk';
import { fedByYes } from '../../shell/answers';
import { RpmCall, rpmAssumesYes, rpmCalls } from '../../shell/rpm-managers';

/** Actions that ask "Is this ok [y/N]" (zypper: "Continue? [y/n/v/...? shows all options] (y)"). */
const PROMPTS = new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'distro-sync', 'downgrade', 'remove', 'erase', 'autoremove', 'dist-upgrade', 'patch', 'source-install', 'install-new-recommends']);
const ASSUME_YES_CONF = /assumeyes\s*=\s*(1|true|yes)|non-interactive|ZYPP_NONINTERACTIVE/i;

function prompts(call: RpmCall): boolean {
  if (PROMPTS.has(call.action)) return true;
  return (call.action === 'group' || call.action === 'groups' || call.action === 'module') && ['install', 'remove', 'update', 'upgrade', 'enable', 'reset'].includes(call.rest[0]?.value ?? '');
}

const rule: Rule = {
  meta: {
    id: 'package-manager-missing-yes',
    scope: 'stage',
    category: 'size',
    severity: 'error',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3030', 'DL3038', 'DL3034'] },
    docs: {
      summary: 'yum/dnf/zypper install without the non-interactive switch.',
      why:
        'yum and dnf ask "Is this ok [y/N]" before changing packages and zypper asks "Continue? [y/n/…]". A build has no terminal: the tool reads end-of-file, takes it as "no", and the RUN fails.',
      bad: 'FROM fedora:41\nRUN dnf install httpd && dnf clean all\n',
      good: 'FROM fedora:41\nRUN dnf install -y httpd && dnf clean all\n',
      fix: 'Inserts `-y` after the subcommand (for zypper too, where it means `--no-confirm`). Safe: the build would otherwise stop. Quiet when the stage configures `assumeyes=1`, when zypper gets the global `-n`/`--non-interactive`, when `yes |` feeds the tool, and for microdnf, which asks only when it runs on a terminal (the official openjdk images on Oracle Linux 9 and 10 install without `-y`).',
    },
  },
  check(ctx) {
    for (const { instr, script } of shellScripts(ctx)) {
      if (configuredBefore(ctx.model, instr, ASSUME_YES_CONF)) continue;
      for (const call of rpmCalls(script)) {
        if (!call.subcommand || !prompts(call) || rpmAssumesYes(call) || fedByYes(script, call.inv.command)) continue;
        // microdnf asks only on a terminal: the official openjdk images install without -y.
        if (call.tool === 'microdnf') continue;
        const end = call.tool !== 'zypper' && (call.action === 'group' || call.action === 'groups' || call.action === 'module') ? call.rest[0].range.end : call.subcommand.range.end;
        ctx.report({
          range: call.subcommand.range,
          instruction: instr,
          message: `Add \`-y\` to \`${call.tool} ${call.subcommand.value}\`: without it the build stops at the confirmation prompt.`,
          fixes: [{ title: 'Add -y', safe: true, edits: [{ range: { start: end, end }, newText: ' -y' }] }],
        });
      }
    }
  },
};

export default rule;
