import { Rule } from '../../engine/types';
import { shellScripts } from '../../engine/walk';
import { environmentAt } from '../../analysis/stage-env';
import { cacheMountTargets, removedPaths, removesDirectory } from '../../shell/cache-paths';
import { ShellScript } from '../../shell/model';
import { commandEnvironment, exportedBefore, PipCall, pipCalls, pipInstallsSomething, pipNoCache } from '../../shell/pip';

/** The default pip cache (root's or another user's) or a parent of it. */
const DEFAULT_CACHE = /(^|\/)\.cache(\/pip)?$/;

function cacheDirOption(call: PipCall): string | undefined {
  return call.options.find((o) => o.name === '--cache-dir')?.value;
}

/** The cache is purged, deleted or mounted in this RUN, so nothing stays in the layer. */
function cacheHandled(script: ShellScript, targets: string[], cacheDir: string | undefined): boolean {
  const dirs = cacheDir ? [cacheDir] : [];
  if (targets.some((t) => DEFAULT_CACHE.test(t) || dirs.some((d) => removesDirectory(t, d)))) return true;
  if (pipCalls(script).some((c) => c.action === 'cache' && ['purge', 'remove'].includes(c.positionals[0]?.value ?? ''))) return true;
  return removedPaths(script).some((w) => {
    const p = w.value.replace(/\/\*$/, '').replace(/\/+$/, '');
    return DEFAULT_CACHE.test(p) || dirs.some((d) => removesDirectory(w.value, d));
  });
}

const rule: Rule = {
  meta: {
    id: 'pip-no-cache-dir',
    scope: 'stage',
    category: 'size',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3042'] },
    docs: {
      summary: '`pip install` without `--no-cache-dir` (or `PIP_NO_CACHE_DIR` set).',
      why:
        'pip keeps every wheel it downloads or builds in `~/.cache/pip`. In an image nobody runs pip again, so the cache is dead weight in the layer: typically as large as the installed packages themselves (hundreds of MB for numpy, torch or pandas).',
      bad: 'FROM python:3.13-slim\nRUN pip install flask\n',
      good: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask\n',
      fix: 'Inserts `--no-cache-dir` after `install`. Safe: the same packages are installed. Quiet when `PIP_NO_CACHE_DIR` is set (ENV, ARG with a value, `export`, or `PIP_NO_CACHE_DIR=1 pip …`: pip disables the cache whatever the value), under a BuildKit cache mount on the pip cache, when the RUN deletes the cache or runs `pip cache purge`, for `pip install --no-index`, and in build stages that do not end up in the image. `uv pip` has its own cache and options and is not checked.',
    },
  },
  check(ctx) {
    for (const { instr, script } of shellScripts(ctx, { shippedOnly: true })) {
      // The environment before a RUN costs a walk of everything before it: only for RUNs that run pip.
      if (pipCalls(script).length === 0) continue;
      const env = environmentAt(ctx.model, instr);
      if (env.has('PIP_NO_CACHE_DIR')) continue;
      const targets = cacheMountTargets(instr.flags);
      for (const call of pipCalls(script)) {
        if (call.action !== 'install' || !call.subcommand || pipNoCache(call) || !pipInstallsSomething(call)) continue;
        if (call.options.some((o) => o.name === '--no-index')) continue;
        const cmd = call.inv.command;
        const local = new Map([...exportedBefore(script, cmd), ...commandEnvironment(cmd)]);
        if (local.has('PIP_NO_CACHE_DIR')) continue;
        const cacheDir = cacheDirOption(call) ?? local.get('PIP_CACHE_DIR') ?? env.get('PIP_CACHE_DIR');
        if (cacheHandled(script, targets, cacheDir)) continue;
        const at = call.subcommand.range.end;
        ctx.report({
          range: call.subcommand.range,
          instruction: instr,
          message: `Add \`--no-cache-dir\` to \`${call.label} install\` so pip's download cache does not stay in the layer.`,
          fixes: [{ title: 'Add --no-cache-dir', safe: true, edits: [{ range: { start: at, end: at }, newText: ' --no-cache-dir' }] }],
        });
      }
    }
  },
};

export default rule;
