import { SeveritySetting } from '../../shared-rules/engine/types';

export type Format = 'text' | 'json' | 'sarif';
export type FailLevel = 'error' | 'warning' | 'info' | 'hint' | 'none';

export interface LintArgs {
  command: 'lint';
  paths: string[];
  format: Format;
  fix: boolean;
  fixUnsafe: boolean;
  failLevel: FailLevel;
  rules: Record<string, SeveritySetting>;
  color: boolean;
  /** `--config FILE`: a hadolint YAML to use instead of the discovered one. */
  config?: string;
  /** `--fail-level` was given, so a config file's `failure-threshold` does not apply. */
  failLevelExplicit?: boolean;
}

export interface LayersArgs {
  command: 'layers';
  file: string;
  format: 'text' | 'json';
}

export type CliArgs = LintArgs | LayersArgs | { command: 'explain'; rule: string } | { command: 'help' } | { command: 'version' } | { command: 'rules' };

export class UsageError extends Error {}

const SEVERITIES = new Set(['off', 'hint', 'info', 'warning', 'error']);

function value(argv: string[], i: number, name: string): string {
  const v = argv[i + 1];
  if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`${name} needs a value`);
  return v;
}

export function parseArgs(argv: string[]): CliArgs {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { command: 'version' };
  const [command, ...rest] = argv;
  if (command === 'rules') return { command: 'rules' };
  if (command === 'explain') {
    if (!rest[0]) throw new UsageError('explain needs a rule id, e.g. `layerwise explain apt-no-install-recommends`');
    return { command: 'explain', rule: rest[0] };
  }
  if (command === 'layers') {
    let format: 'text' | 'json' = 'text';
    const files: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === '--format' || a.startsWith('--format=')) {
        const f = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
        if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json for layers (got \`${f ?? ''}\`)`);
        format = f;
      } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option \`${a}\``);
      else files.push(a);
    }
    if (files.length !== 1) throw new UsageError('layers takes exactly one Dockerfile, e.g. `layerwise layers Dockerfile`');
    return { command: 'layers', file: files[0], format };
  }
  if (command !== 'lint') throw new UsageError(`unknown command \`${command}\` (try \`layerwise lint Dockerfile\` or \`layerwise --help\`)`);
  const args: LintArgs = { command: 'lint', paths: [], format: 'text', fix: false, fixUnsafe: false, failLevel: 'warning', rules: {}, color: process.stdout.isTTY === true && !process.env.NO_COLOR };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const take = () => {
      if (inline !== undefined) return inline;
      const v = value(rest, i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '--format':
      case '-f': {
        const f = take();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif (got \`${f}\`)`);
        args.format = f;
        break;
      }
      case '--fix':
        args.fix = true;
        break;
      case '--fix-unsafe':
        args.fix = true;
        args.fixUnsafe = true;
        break;
      case '--fail-level': {
        const l = take();
        if (!['error', 'warning', 'info', 'hint', 'none'].includes(l)) throw new UsageError(`--fail-level must be error, warning, info, hint or none (got \`${l}\`)`);
        args.failLevel = l as FailLevel;
        args.failLevelExplicit = true;
        break;
      }
      case '--config': {
        args.config = take();
        break;
      }
      case '--rule': {
        const spec = take();
        const eq = spec.indexOf('=');
        const sev = spec.slice(eq + 1);
        if (eq <= 0 || !SEVERITIES.has(sev)) throw new UsageError(`--rule takes <rule-id>=off|hint|info|warning|error (got \`${spec}\`)`);
        args.rules[spec.slice(0, eq)] = sev as SeveritySetting;
        break;
      }
      case '--explain':
        return { command: 'explain', rule: take() };
      case '--no-color':
        args.color = false;
        break;
      case '--color':
        args.color = true;
        break;
      case '-':
        args.paths.push('-');
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option \`${a}\``);
        args.paths.push(a);
    }
  }
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}

export const HELP = `Layerwise — what each Dockerfile line costs in size, build time and security.

Usage:
  layerwise lint [FILES|DIRS|-] [options]   lint Dockerfiles (directories are searched)
  layerwise layers FILE [--format text|json] what each instruction adds to the image
  layerwise explain <rule-id>               show a rule's documentation
  layerwise rules                           list every rule
  layerwise --version

Lint options:
  --format text|json|sarif   output format (default text)
  --fix                      apply safe fixes in place
  --fix-unsafe               apply unsafe fixes too
  --fail-level LEVEL         exit 1 on findings at or above LEVEL: error|warning|info|hint|none (default warning)
  --rule ID=SEVERITY         override a rule: off|hint|info|warning|error (repeatable)
  --config FILE              hadolint configuration (.hadolint.yaml) to use; by default the
                             nearest .hadolint.yaml/.yml above each Dockerfile is used
  --explain ID               same as \`layerwise explain ID\`
  --no-color                 plain text output

Exit status: 0 no findings at or above --fail-level, 1 findings, 2 usage or I/O error.`;
