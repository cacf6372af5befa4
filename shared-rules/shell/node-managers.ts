import { Invocation, invocation, parseOptions, ParsedOptions } from './commands';
import { ShellScript, Word } from './model';

/** npm and yarn options that consume the next word. */
const VALUE_OPTIONS = new Set(['--prefix', '-C', '--cache', '--registry', '--userconfig', '--loglevel', '--omit', '--include', '--workspace', '-w', '--cwd', '--cache-folder', '--modules-folder', '--network-timeout', '--mutex', '--global-folder']);

export interface NodePmCall {
  inv: Invocation;
  tool: 'npm' | 'yarn';
  /** The subcommand word; undefined for a bare `yarn`. */
  subcommand: Word | undefined;
  action: string;
  options: ParsedOptions['options'];
  positionals: Word[];
}

export function nodePmCalls(script: ShellScript): NodePmCall[] {
  const out: NodePmCall[] = [];
  for (const cmd of script.commands) {
    const inv = invocation(cmd);
    if (inv.program !== 'npm' && inv.program !== 'yarn') continue;
    const parsed = parseOptions(inv.args, VALUE_OPTIONS);
    const [sub, ...positionals] = parsed.positionals;
    out.push({ inv, tool: inv.program, subcommand: sub, action: sub?.value ?? '', options: parsed.options, positionals });
  }
  return out;
}

/** npm subcommands (and aliases) that download packages into the npm cache. */
const NPM_INSTALLS = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add', 'ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean', 'install-ci-test', 'cit', 'clean-install-test', 'sit', 'install-test', 'it', 'update', 'up', 'upgrade', 'udpate']);

/** Whether the call fills the package manager's download cache. */
export function nodePmInstalls(call: NodePmCall): boolean {
  if (call.tool === 'npm') return NPM_INSTALLS.has(call.action);
  // `yarn` alone installs; `yarn global add`; `yarn add`.
  if (call.subcommand === undefined) return !call.options.some((o) => ['--version', '-v', '--help', '-h'].includes(o.name));
  if (call.action === 'global') return call.positionals[0]?.value === 'add';
  return call.action === 'install' || call.action === 'add';
}
