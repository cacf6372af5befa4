import { weakMemo } from '../model/memo';
import { Invocation, invocation, parseOptions, ParsedOptions } from './commands';
import { ShellScript, Word } from './model';

export type RpmTool = 'yum' | 'dnf' | 'microdnf' | 'zypper';

const TOOLS: Record<string, RpmTool> = { yum: 'yum', dnf: 'dnf', dnf5: 'dnf', 'dnf-3': 'dnf', microdnf: 'microdnf', zypper: 'zypper' };

/** Options that consume the next word when written without `=`. */
const VALUE_OPTIONS: Record<RpmTool, ReadonlySet<string>> = {
  yum: new Set(['-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '-x', '--exclude', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--setopt', '--repo', '--repoid', '--downloaddir', '--destdir', '--forcearch']),
  dnf: new Set(['-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '-x', '--exclude', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--setopt', '--repo', '--repoid', '--downloaddir', '--destdir', '--forcearch', '--use-host-config']),
  microdnf: new Set(['--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--setopt', '--setopt']),
  zypper: new Set(['-c', '--config', '-R', '--root', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir', '-r', '--repo', '-t', '--type', '--from', '-p', '--plus-repo']),
};

export interface RpmCall {
  inv: Invocation;
  tool: RpmTool;
  /** The subcommand word (`install`, `in`, `clean` …). */
  subcommand: Word | undefined;
  /** Canonical action: zypper `in` → `install`, `rm` → `remove`, `up` → `update`, `dup` → `dist-upgrade`. */
  action: string;
  /** Options before and after the subcommand. */
  options: ParsedOptions['options'];
  /** Options before the subcommand only (zypper's global options). */
  globalOptions: ParsedOptions['options'];
  /** Arguments after the subcommand. */
  rest: Word[];
}

const ZYPPER_ALIASES: Record<string, string> = { in: 'install', rm: 'remove', up: 'update', dup: 'dist-upgrade', si: 'source-install', cc: 'clean', ref: 'refresh', ve: 'verify', 'install-new-recommends': 'install-new-recommends', inr: 'install-new-recommends' };

export const rpmCalls: (script: ShellScript) => readonly RpmCall[] = weakMemo(findRpmCalls);

function findRpmCalls(script: ShellScript): RpmCall[] {
  const out: RpmCall[] = [];
  for (const cmd of script.commands) {
    const inv = invocation(cmd);
    const tool = TOOLS[inv.program];
    if (!tool) continue;
    const parsed = parseOptions(inv.args, VALUE_OPTIONS[tool]);
    const sub = parsed.positionals[0];
    const subAt = sub ? inv.args.indexOf(sub) : inv.args.length;
    const globalOptions = parsed.options.filter((o) => inv.args.indexOf(o.word) < subAt);
    const raw = sub?.value ?? '';
    const action = tool === 'zypper' ? ZYPPER_ALIASES[raw] ?? raw : raw;
    out.push({ inv, tool, subcommand: sub, action, options: parsed.options, globalOptions, rest: parsed.positionals.slice(1) });
  }
  return out;
}

/** `-y`, `--assumeyes`, `-yq`; zypper: global `-n`/`--non-interactive`, or `-y`/`--no-confirm` after the subcommand. */
export function rpmAssumesYes(call: RpmCall): boolean {
  const short = (o: { name: string }, letter: string) => !o.name.startsWith('--') && o.name.slice(1).includes(letter);
  if (call.tool === 'zypper') {
    if (call.globalOptions.some((o) => o.name === '--non-interactive' || short(o, 'n'))) return true;
    return call.options.some((o) => o.name === '--no-confirm' || o.name === '--non-interactive' || (!call.globalOptions.includes(o) && short(o, 'y')));
  }
  return call.options.some((o) => o.name === '--assumeyes' || o.name === '--yes' || o.name === '--assumeno' || short(o, 'y'));
}

/** Where each tool keeps repository metadata and packages. */
export const RPM_CACHE_PATHS: Record<RpmTool, string[]> = {
  yum: ['/var/cache/yum', '/var/cache/dnf'],
  dnf: ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5'],
  microdnf: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'],
  zypper: ['/var/cache/zypp'],
};

/** The command that empties the tool's cache. */
export const RPM_CLEAN_COMMAND: Record<RpmTool, string> = {
  yum: 'yum clean all',
  dnf: 'dnf clean all',
  microdnf: 'microdnf clean all',
  zypper: 'zypper clean --all',
};
