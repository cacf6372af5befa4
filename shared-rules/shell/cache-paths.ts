import { invocation } from './commands';
import { ShellScript, Word } from './model';

type MountFlags = readonly { name: string; value: string | undefined }[];

/** Targets of the `--mount=type=cache,…` flags, without trailing slashes; '' for a mount that names none. */
function cacheMounts(flags: MountFlags): string[] {
  const out: string[] = [];
  for (const f of flags) {
    if (f.name !== 'mount' || !f.value) continue;
    const parts = new Map(f.value.split(',').map((kv) => {
      const eq = kv.indexOf('=');
      return [eq === -1 ? kv.trim() : kv.slice(0, eq).trim(), eq === -1 ? '' : kv.slice(eq + 1).trim()] as [string, string];
    }));
    if (parts.get('type') !== 'cache') continue;
    out.push((parts.get('target') ?? parts.get('dst') ?? parts.get('destination') ?? '').replace(/\/+$/, ''));
  }
  return out;
}

/** Targets of `RUN --mount=type=cache,target=…`, without trailing slashes. */
export function cacheMountTargets(flags: MountFlags): string[] {
  return cacheMounts(flags).filter((t) => t !== '');
}

/** A BuildKit cache mount on one of these paths (or a parent) keeps the data out of the layer. */
export function hasCacheMount(flags: MountFlags, paths: readonly string[]): boolean {
  return cacheMounts(flags).some((target) => paths.some((p) => target === p || p.startsWith(target + '/')));
}

/** Path arguments of every `rm` in the script (options dropped), as written. */
export function removedPaths(script: ShellScript): Word[] {
  const out: Word[] = [];
  for (const cmd of script.commands) {
    const inv = invocation(cmd);
    if (inv.program !== 'rm') continue;
    for (const a of inv.args) if (!a.value.startsWith('-')) out.push(a);
  }
  return out;
}

/**
 * Whether an `rm` argument deletes `dir` or everything in it: the argument,
 * with `~`/`$HOME` read as `/root` and a trailing `/*` dropped, is `dir` or one
 * of its parents.
 */
export function removesDirectory(arg: string, dir: string): boolean {
  const path = arg.replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, '/root').replace(/\/\*$/, '').replace(/\/+$/, '');
  if (path === '' || path.includes('*')) return false;
  const target = dir.replace(/\/+$/, '');
  return target === path || target.startsWith(path + '/');
}
