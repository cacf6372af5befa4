import { weakMemo } from '../model/memo';
import { Invocation, invocation, parseOptions, ParsedOptions } from './commands';
import { ShellScript, Word } from './model';

/** apk options that consume the next word. */
const APK_VALUE_OPTIONS = new Set(['-X', '--repository', '-p', '--root', '-t', '--virtual', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '--cache-max-age', '--timeout']);

export interface ApkCall {
  inv: Invocation;
  subcommand: Word | undefined;
  /** add, del, update, upgrade, fix, cache … */
  action: string;
  options: ParsedOptions['options'];
  /** Package arguments after the subcommand. */
  packages: Word[];
}

export const apkCalls: (script: ShellScript) => readonly ApkCall[] = weakMemo(findApkCalls);

function findApkCalls(script: ShellScript): ApkCall[] {
  const out: ApkCall[] = [];
  for (const cmd of script.commands) {
    const inv = invocation(cmd);
    if (inv.program !== 'apk') continue;
    const parsed = parseOptions(inv.args, APK_VALUE_OPTIONS);
    const [sub, ...packages] = parsed.positionals;
    out.push({ inv, subcommand: sub, action: sub?.value ?? '', options: parsed.options, packages });
  }
  return out;
}

export function apkNoCache(call: ApkCall): boolean {
  return call.options.some((o) => o.name === '--no-cache');
}

/** Where apk keeps its index and package cache. */
export const APK_CACHE_PATHS = ['/var/cache/apk', '/etc/apk/cache'];
