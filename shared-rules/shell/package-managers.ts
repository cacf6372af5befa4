import { weakMemo } from '../model/memo';
import { Invocation, invocation, parseOptions, ParsedOptions } from './commands';
import { ShellScript, Word } from './model';

/** apt-get options that consume the following word. */
const APT_VALUE_OPTIONS = new Set(['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture']);

export interface AptCall {
  inv: Invocation;
  /** `apt-get` or `apt`. */
  tool: string;
  subcommand: Word | undefined;
  /** install, update, upgrade, dist-upgrade, remove, purge, clean, autoremove … */
  action: string;
  options: ParsedOptions['options'];
  /** Package arguments (after the subcommand). */
  packages: Word[];
}

export const aptCalls: (script: ShellScript) => readonly AptCall[] = weakMemo(findAptCalls);

function findAptCalls(script: ShellScript): AptCall[] {
  const out: AptCall[] = [];
  for (const cmd of script.commands) {
    const inv = invocation(cmd);
    if (inv.program !== 'apt-get' && inv.program !== 'apt') continue;
    const parsed = parseOptions(inv.args, APT_VALUE_OPTIONS);
    const [sub, ...packages] = parsed.positionals;
    out.push({ inv, tool: inv.program, subcommand: sub, action: sub?.value ?? '', options: parsed.options, packages });
  }
  return out;
}

export function aptHasOption(call: AptCall, names: string[]): boolean {
  return call.options.some((o) => names.includes(o.name));
}

/** `-y`, `--yes`, `--assume-yes`, `-qq` (implies -y), `-o APT::Get::Assume-Yes=true`. */
export function aptAssumesYes(call: AptCall): boolean {
  return call.options.some((o) => {
    if (['--yes', '--assume-yes', '--force-yes'].includes(o.name)) return true;
    if ((o.name === '-o' || o.name === '--option') && /Assume-Yes\s*=\s*(1|true|yes)/i.test(o.value ?? '')) return true;
    if (o.name.startsWith('--')) return false;
    const letters = o.name.slice(1);
    return letters.includes('y') || /q{2,}/.test(letters) || (o.name === '-q' && o.value === '2');
  });
}

export function aptNoRecommends(call: AptCall): boolean {
  return call.options.some((o) => o.name === '--no-install-recommends' || ((o.name === '-o' || o.name === '--option') && /Install-Recommends\s*=\s*(0|false|no)/i.test(o.value ?? '')));
}

/** `rm -rf /var/lib/apt/lists/*` and friends. */
export function removesPath(script: ShellScript, prefix: string): boolean {
  return script.commands.some((cmd) => {
    const inv = invocation(cmd);
    if (inv.program === 'rm') return inv.args.some((a) => a.value.replace(/\/+\*?$/, '').startsWith(prefix.replace(/\/+$/, '')));
    if (inv.program === 'find') return inv.args.some((a) => a.value.startsWith(prefix)) && inv.args.some((a) => a.value === '-delete' || a.value === '-exec');
    return false;
  });
}

/** `-s`, `--simulate`, `--dry-run`…: apt only prints what it would do. */
export function aptSimulates(call: AptCall): boolean {
  return call.options.some((o) => ['--simulate', '--just-print', '--dry-run', '--recon', '--no-act'].includes(o.name) || (!o.name.startsWith('--') && o.name.slice(1).includes('s')));
}
