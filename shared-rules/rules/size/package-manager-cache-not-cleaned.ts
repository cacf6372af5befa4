import { Rule } from '../../engine/types';
import { shellScripts } from '../../engine/walk';
import { appendCommandEdit } from '../../fixes/append-command';
import { hasCacheMount, removedPaths, removesDirectory } from '../../shell/cache-paths';
import { ShellScript } from '../../shell/model';
import { RPM_CACHE_PATHS, RpmCall, rpmCalls, RpmTool } from '../../shell/rpm-managers';

/** Actions that download repository metadata and packages. */
const DOWNLOADS = new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'distro-sync', 'downgrade', 'dist-upgrade', 'patch', 'source-install', 'install-new-recommends', 'makecache']);

/** yum and dnf share their cache on systems where yum is dnf, so either clean counts for both. */
const FAMILY: Record<RpmTool, RpmTool[]> = { yum: ['yum', 'dnf'], dnf: ['yum', 'dnf'], microdnf: ['microdnf', 'dnf'], zypper: ['zypper'] };

function downloads(call: RpmCall): boolean {
  if (DOWNLOADS.has(call.action)) return true;
  // `dnf group install`, `dnf module install`.
  return (call.action === 'group' || call.action === 'groups' || call.action === 'module') && ['install', 'update', 'upgrade'].includes(call.rest[0]?.value ?? '');
}

function cleans(call: RpmCall, tool: RpmTool): boolean {
  if (!FAMILY[tool].includes(call.tool) || call.action !== 'clean') return false;
  if (call.tool === 'zypper') return true;
  return call.rest.some((w) => w.value === 'all');
}

function cleaned(script: ShellScript, calls: readonly RpmCall[], tool: RpmTool): boolean {
  if (calls.some((c) => cleans(c, tool))) return true;
  return removedPaths(script).some((w) => RPM_CACHE_PATHS[tool].some((p) => removesDirectory(w.value, p)));
}

const rule: Rule = {
  meta: {
    id: 'package-manager-cache-not-cleaned',
    scope: 'stage',
    category: 'size',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3032', 'DL3040', 'DL3036'], trivy: ['DS-0015', 'DS-0019', 'DS-0020', 'DS-0027'] },
    docs: {
      summary: 'yum/dnf/microdnf/zypper install without `clean all`/`clean` in the same RUN.',
      why:
        'yum, dnf and microdnf keep repository metadata (and, depending on `keepcache`, the downloaded RPMs) in `/var/cache/yum` or `/var/cache/dnf`; zypper keeps them in `/var/cache/zypp`. On a UBI or Fedora base the metadata alone is 20–100 MB, and it is frozen into the layer unless the same RUN cleans it. Cleaning in a later RUN does not shrink the image.',
      bad: 'FROM fedora:41\nRUN dnf install -y httpd\n',
      good: 'FROM fedora:41\nRUN dnf install -y httpd && dnf clean all\n',
      fix: 'Appends `&& <tool> clean all` (`zypper clean --all`) to the RUN. Safe: the cache is only needed while installing. Quiet under a BuildKit cache mount on the cache directory, when the RUN removes the cache directory itself, and in build stages that do not end up in the image.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const { instr, script } of shellScripts(ctx, { shippedOnly: true })) {
      const calls = rpmCalls(script);
      const seen = new Set<RpmTool>();
      for (const call of calls) {
        if (seen.has(call.tool) || !downloads(call) || !call.subcommand) continue;
        seen.add(call.tool);
        if (hasCacheMount(instr.flags, RPM_CACHE_PATHS[call.tool]) || cleaned(script, calls, call.tool)) continue;
        const clean = call.tool === 'zypper' ? `${call.inv.programWord.value} clean --all` : `${call.inv.programWord.value} clean all`;
        const edit = appendCommandEdit(model, instr, script, clean);
        ctx.report({
          range: call.subcommand.range,
          instruction: instr,
          message: `Run \`${clean}\` at the end of this RUN: otherwise the ${call.tool} cache stays in the layer.`,
          fixes: edit ? [{ title: `Append ${clean}`, safe: true, edits: [edit] }] : [],
        });
      }
    }
  },
};

export default rule;
