import { weakMemo } from '../model/memo';
import { ShellScript, SimpleCommand, Word } from './model';

const WRAPPERS = new Set(['sudo', 'env', 'exec', 'command', 'nice', 'nohup', 'time', 'doas', 'eatmydata', 'stdbuf', 'xargs']);
/** xargs options that take a value as the next word. */
const XARGS_VALUE = /^-[adEILnPs]$/;

/** `/usr/bin/apt-get` → `apt-get`. */
export function programName(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash === -1 ? word : word.slice(slash + 1);
}

export interface Invocation {
  command: SimpleCommand;
  /** The program actually run, after wrappers such as `sudo` or `env X=1`. */
  program: string;
  programWord: Word;
  args: Word[];
}

// Most shell rules unwrap every command of every script: once per command object is enough (it never changes).
const invocations = weakMemo(unwrap);

/** Unwraps `sudo`, `env VAR=x`, `exec` … to the program that really runs. */
export function invocation(cmd: SimpleCommand): Invocation {
  return invocations(cmd);
}

function unwrap(cmd: SimpleCommand): Invocation {
  let program = programName(cmd.name);
  let programWord = cmd.nameWord;
  let args = cmd.args;
  for (let guard = 0; guard < 4 && WRAPPERS.has(program) && args.length > 0; guard++) {
    let i = 0;
    while (i < args.length && (args[i].value.startsWith('-') || (program === 'env' && args[i].value.includes('=')))) {
      // sudo -u user / nice -n 10 take a value.
      if ((program === 'sudo' && /^-[ugCDhpRrTU]$/.test(args[i].value)) || (program === 'nice' && args[i].value === '-n') || (program === 'xargs' && XARGS_VALUE.test(args[i].value))) i++;
      i++;
    }
    if (i >= args.length) break;
    programWord = args[i];
    program = programName(args[i].value);
    args = args.slice(i + 1);
  }
  return { command: cmd, program, programWord, args };
}

export interface ParsedOptions {
  /** Options in order, with their word and attached or following value. */
  options: { name: string; word: Word; value: string | undefined }[];
  positionals: Word[];
}

/**
 * Splits arguments into options and positionals. `withValue` lists the
 * options that consume the next word (`-o`, `--target-release`); `--` ends options.
 */
export function parseOptions(args: readonly Word[], withValue: ReadonlySet<string> = new Set()): ParsedOptions {
  const options: ParsedOptions['options'] = [];
  const positionals: Word[] = [];
  let ended = false;
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    const v = w.value;
    if (ended || !v.startsWith('-') || v === '-') {
      positionals.push(w);
      continue;
    }
    if (v === '--') {
      ended = true;
      continue;
    }
    const eq = v.indexOf('=');
    if (v.startsWith('--') && eq !== -1) {
      options.push({ name: v.slice(0, eq), word: w, value: v.slice(eq + 1) });
      continue;
    }
    if (withValue.has(v) && i + 1 < args.length) {
      options.push({ name: v, word: w, value: args[i + 1].value });
      i++;
      continue;
    }
    options.push({ name: v, word: w, value: undefined });
  }
  return { options, positionals };
}

/** True when a short-option cluster (`-qy`) or a long option carries `short`/`long`. */
export function hasOption(parsed: ParsedOptions, short: string[], long: string[]): boolean {
  return parsed.options.some((o) => long.includes(o.name) || (!o.name.startsWith('--') && short.some((s) => o.name.slice(1).includes(s))));
}

/** The script's own commands, in order: those inside `$(…)` substitutions left out. */
export function topLevelCommands(script: ShellScript): SimpleCommand[] {
  return script.commands.filter((c) => !c.inSubstitution);
}

/** Commands joined by `&&`/`;`/newline in order, whatever the nesting. */
export function commandsNamed(commands: readonly SimpleCommand[], programs: readonly string[]): Invocation[] {
  const out: Invocation[] = [];
  for (const c of commands) {
    const inv = invocation(c);
    if (programs.includes(inv.program)) out.push(inv);
  }
  return out;
}
