import { Fix, Rule } from '../../engine/types';
import { shellScripts } from '../../engine/walk';
import { removeChainedCommandEdit, removeWordEdit } from '../../fixes/remove-command';
import { DockerfileModel } from '../../model/types';
import { APK_CACHE_PATHS, ApkCall, apkCalls, apkNoCache } from '../../shell/apk';
import { hasCacheMount, removesDirectory } from '../../shell/cache-paths';
import { invocation } from '../../shell/commands';
import { ShellScript } from '../../shell/model';
import { TextEdit } from '../../text/types';

/** Subcommands that only read the index or remove packages: harmless next to `--no-cache`. */
const NO_INDEX = new Set(['add', 'del', 'update', 'info', 'version', 'stats']);

/**
 * With `--no-cache`, `apk update` and `rm -rf /var/cache/apk/*` in the same RUN
 * are redundant. They can go only when this `add` is the only one the fix
 * changes and no other apk command needs the downloaded index.
 */
function cleanupEdits(model: DockerfileModel, script: ShellScript, calls: readonly ApkCall[], target: ApkCall): TextEdit[] {
  if (calls.some((c) => c !== target && c.action === 'add' && !apkNoCache(c))) return [];
  if (calls.some((c) => !NO_INDEX.has(c.action))) return [];
  const edits: TextEdit[] = [];
  for (const c of calls) {
    if (c.action !== 'update') continue;
    if (c.inv.command.start > target.inv.command.start) return [];
    const e = removeChainedCommandEdit(model, script, c.inv.command);
    if (!e) return [];
    edits.push(e);
  }
  for (const cmd of script.commands) {
    const inv = invocation(cmd);
    if (inv.program !== 'rm') continue;
    const paths = inv.args.filter((a) => !a.value.startsWith('-'));
    const apkPaths = paths.filter((a) => APK_CACHE_PATHS.some((p) => removesDirectory(a.value, p) && a.value.startsWith(p)));
    if (apkPaths.length === 0) continue;
    if (apkPaths.length === paths.length) {
      const e = removeChainedCommandEdit(model, script, cmd);
      if (!e) return [];
      edits.push(e);
    } else {
      for (const w of apkPaths) {
        const e = removeWordEdit(model, cmd, w);
        if (!e) return [];
        edits.push(e);
      }
    }
  }
  return edits;
}

function fixFor(model: DockerfileModel, script: ShellScript, calls: readonly ApkCall[], call: ApkCall): Fix[] {
  const sub = call.subcommand;
  if (!sub) return [];
  const insert: TextEdit = { range: { start: sub.range.end, end: sub.range.end }, newText: ' --no-cache' };
  const cleanup = cleanupEdits(model, script, calls, call);
  return [{ title: cleanup.length > 0 ? 'Use apk add --no-cache and drop the manual index cleanup' : 'Add --no-cache', safe: true, edits: [insert, ...cleanup] }];
}

const rule: Rule = {
  meta: {
    id: 'apk-no-cache',
    scope: 'stage',
    category: 'size',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3019'], trivy: ['DS-0025'] },
    docs: {
      summary: '`apk add` without `--no-cache`.',
      why:
        'Without `--no-cache`, apk needs a package index in `/var/cache/apk` (from `apk update` or `--update`) and leaves it there: about 2–3 MB on Alpine that ships in the layer. `--no-cache` fetches the index to memory, installs, and leaves nothing behind, so neither `apk update` nor `rm -rf /var/cache/apk/*` is needed.',
      bad: 'FROM alpine:3.22\nRUN apk update && apk add curl\n',
      good: 'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
      fix: 'Inserts `--no-cache` after `add`. When that `add` is the only one in the RUN without the flag, the now redundant `apk update` and `rm -rf /var/cache/apk/*` of the same RUN are removed too. Safe. Quiet for `apk add --no-network` (nothing is fetched), under a BuildKit cache mount on `/var/cache/apk` or `/etc/apk/cache`, and in build stages that do not end up in the image.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const { instr, script } of shellScripts(ctx, { shippedOnly: true })) {
      if (hasCacheMount(instr.flags, APK_CACHE_PATHS)) continue;
      const calls = apkCalls(script);
      for (const call of calls) {
        if (call.action !== 'add' || !call.subcommand || apkNoCache(call) || call.options.some((o) => o.name === '--no-network')) continue;
        ctx.report({
          range: call.subcommand.range,
          instruction: instr,
          message: 'Use `apk add --no-cache` so the package index is not left in the layer.',
          fixes: fixFor(model, script, calls, call),
        });
      }
    }
  },
};

export default rule;
