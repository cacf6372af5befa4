import { weakMemo } from '../model/memo';
import { Invocation, invocation, parseOptions, ParsedOptions } from './commands';
import { ShellScript, SimpleCommand, Word } from './model';

/** pip options (general and `install`) that consume the next word. */
const PIP_VALUE_OPTIONS = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '-i', '--index-url', '--extra-index-url',
  '-f', '--find-links', '--prefix', '--root', '--src', '--cache-dir', '--log', '--log-file', '--proxy', '--timeout', '--retries',
  '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--upgrade-strategy', '--global-option',
  '--install-option', '--config-settings', '-C', '--report', '--progress-bar', '--python', '--exists-action', '--cert',
  '--client-cert', '--use-feature', '--use-deprecated', '--only-binary', '--no-binary', '--keyring-provider', '--root-user-action',
  '--group', '--resume-retries',
]);

const PIP = /^pip(\d+(\.\d+)*)?$/;
const PYTHON = /^python(\d+(\.\d+)*)?$/;

export interface PipCall {
  inv: Invocation;
  /** `pip`, `pip3`, `python3 -m pip` … as a label for messages. */
  label: string;
  subcommand: Word | undefined;
  action: string;
  options: ParsedOptions['options'];
  /** Arguments after the subcommand that are not options. */
  positionals: Word[];
}

/** The arguments pip itself receives: after `pip3`, or after `python -m pip`. */
function pipArgs(inv: Invocation): { label: string; args: Word[] } | undefined {
  if (PIP.test(inv.program)) return { label: inv.program, args: inv.args };
  if (!PYTHON.test(inv.program)) return undefined;
  // python [-I -u -B …] -m pip …; `-mpip` is valid too.
  for (let i = 0; i < inv.args.length; i++) {
    const v = inv.args[i].value;
    if (v === '-m' && inv.args[i + 1]?.value === 'pip') return { label: `${inv.program} -m pip`, args: inv.args.slice(i + 2) };
    if (v === '-mpip') return { label: `${inv.program} -m pip`, args: inv.args.slice(i + 1) };
    if (!/^-[A-Za-z]+$/.test(v) || v.includes('c') || v.includes('m')) return undefined;
  }
  return undefined;
}

export const pipCalls: (script: ShellScript) => readonly PipCall[] = weakMemo(findPipCalls);

function findPipCalls(script: ShellScript): PipCall[] {
  const out: PipCall[] = [];
  for (const cmd of script.commands) {
    const inv = invocation(cmd);
    const p = pipArgs(inv);
    if (!p) continue;
    const parsed = parseOptions(p.args, PIP_VALUE_OPTIONS);
    const [sub, ...positionals] = parsed.positionals;
    out.push({ inv, label: p.label, subcommand: sub, action: sub?.value ?? '', options: parsed.options, positionals });
  }
  return out;
}

/**
 * `--no-cache-dir`, or an unambiguous prefix of it (`--no-cache`): pip's
 * option parser accepts abbreviated long options.
 */
export function pipNoCache(call: PipCall): boolean {
  return call.options.some((o) => o.name.length >= '--no-cache'.length && '--no-cache-dir'.startsWith(o.name));
}

/** Something to install: a requirement, `-r file` or `-e path`. */
export function pipInstallsSomething(call: PipCall): boolean {
  return call.positionals.length > 0 || call.options.some((o) => ['-r', '--requirement', '-e', '--editable'].includes(o.name));
}

/** `VAR=… cmd` and `env VAR=… cmd`: variables set for this one command. */
export function commandEnvironment(cmd: SimpleCommand): Map<string, string> {
  const env = new Map(cmd.assignments.map((a) => [a.name, a.value] as [string, string]));
  if (cmd.name === 'env' || cmd.name.endsWith('/env')) {
    for (const a of cmd.args) {
      const eq = a.value.indexOf('=');
      if (a.value.startsWith('-')) continue;
      if (eq <= 0) break;
      env.set(a.value.slice(0, eq), a.value.slice(eq + 1));
    }
  }
  return env;
}

/** Variables exported earlier in the same script (`export X=1`, `X=1;`), before `before`. */
export function exportedBefore(script: ShellScript, before: SimpleCommand): Map<string, string> {
  const env = new Map<string, string>();
  for (const cmd of script.commands) {
    if (cmd.start >= before.start) break;
    if (cmd.name === 'export' || cmd.name === 'declare' || cmd.name === 'typeset') {
      for (const a of cmd.args) {
        const eq = a.text.indexOf('=');
        if (eq > 0 && !a.text.startsWith('-')) env.set(a.text.slice(0, eq), a.text.slice(eq + 1).replace(/^["']|["']$/g, ''));
      }
    } else if (cmd.name === '' && cmd.assignments.length > 0) {
      for (const a of cmd.assignments) env.set(a.name, a.value);
    }
  }
  return env;
}
