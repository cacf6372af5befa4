import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dirname, resolve } from 'node:path';
import { defaultLinter } from '../../shared-rules/index';
import { fixAll } from '../../shared-rules/engine/fix-all';
import { renderRuleMarkdown } from '../../shared-rules/engine/docs';
import { Severity } from '../../shared-rules/engine/types';
import { hostInfoForFile } from '../node-host';
import { CliArgs, FailLevel, HELP, LintArgs, parseArgs, UsageError } from './args';
import { collectFiles, InputError } from './collect-files';
import { cliConfigs } from './config';
import { perRun } from './per-run';
import { FileResult, toJson, toSarif, toText } from './formats';
import pkg from '../../package.json';
import { computeForFile, layersJson, layersText } from './layers';
import { loadDebianTable } from '../../shared-rules/platform/node/debian-table';
import { ContextSizes } from '../context-sizes';
import { readIgnoreFile } from '../../shared-rules/platform/node/context-walker';
import { parseDockerfile } from '../../shared-rules/model/parse';
import { DockerfileModel } from '../../shared-rules/model/types';
import { needsAptTable } from '../../shared-rules/layer-cost/model';

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

function failsAt(level: FailLevel, severity: Severity): boolean {
  return level !== 'none' && RANK[severity] >= RANK[level];
}

function readInput(file: string): string {
  let buf: Buffer;
  try {
    buf = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : 'cannot be read'}`);
  }
  if (buf.includes(0)) throw new InputError(`${file}: not a text file (it contains NUL bytes)`);
  return buf.toString('utf8');
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/**
 * One measurer per build context and ignore file, for one run: Dockerfiles
 * side by side (Dockerfile, Dockerfile.dev, …) share the walk of their folder
 * and the sizes already measured. Over the 2,149 files of the test corpus
 * (~100 folders) the run took 3.82 instead of 4.33 s (medians of three).
 */
function contextSizesCache(): (file: string) => ContextSizes {
  const byContext = new Map<string, ContextSizes>();
  return (file) => {
    const path = resolve(file);
    const dir = dirname(path);
    const key = `${dir}\u0000${readIgnoreFile(dir, path)?.path ?? ''}`;
    let sizes = byContext.get(key);
    if (!sizes) byContext.set(key, (sizes = new ContextSizes(path, dir)));
    return sizes;
  };
}

/** Size data for fix titles ("saves ≈ 61 MB"): the package table and the build context, each read only when the model can use it. */
async function costHost(file: string, model: DockerfileModel, contextSizes: (file: string) => ContextSizes) {
  const aptTable = needsAptTable(model) ? loadDebianTable() : undefined;
  let sizes: ContextSizes | undefined;
  if (file !== '-' && model.instructions.some((i) => i.keyword === 'COPY' || i.keyword === 'ADD')) {
    sizes = contextSizes(file);
    await sizes.ensure(model);
  }
  return { aptTable, contextSize: sizes?.lookup, contextSizeWithIgnore: sizes?.lookupWithIgnore };
}

async function lintCommand(args: LintArgs, io: Io): Promise<number> {
  const linter = defaultLinter();
  const known = new Set(linter.rules.map((r) => r.meta.id));
  for (const id of Object.keys(args.rules)) if (!known.has(id)) throw new UsageError(`unknown rule \`${id}\` in --rule (see \`layerwise rules\`)`);
  const configOf = cliConfigs(args, linter, (t) => io.err(t));
  let failed = false;
  const files = collectFiles(args.paths);
  const results: FileResult[] = [];
  const contextSizes = contextSizesCache();
  const listDir = perRun((dir) => readdirSync(dir));
  for (const file of files) {
    const { config, failLevel } = configOf(file);
    let text = readInput(file);
    // One parse serves the cost data and the lint.
    let model = parseDockerfile(text);
    const host = { ...hostInfoForFile(file === '-' ? resolve('Dockerfile') : resolve(file), listDir), ...(await costHost(file, model, contextSizes)) };
    if (args.fix && file !== '-') {
      const fixed = fixAll(linter, text, config, host, { unsafe: args.fixUnsafe });
      if (fixed.text !== text) {
        writeFileSync(file, fixed.text);
        io.err(`${file}: applied ${fixed.applied.length} fix${fixed.applied.length === 1 ? '' : 'es'}`);
        text = fixed.text;
        model = parseDockerfile(text);
      }
    }
    const { findings } = linter.lint(model, config, host);
    if (findings.some((f) => failsAt(failLevel, f.severity))) failed = true;
    results.push({ file, text, findings });
  }
  if (args.format === 'json') io.out(JSON.stringify(toJson(results), null, 2));
  else if (args.format === 'sarif') io.out(JSON.stringify(toSarif(results, linter, pkg.version), null, 2));
  else io.out(toText(results, args.color));
  return failed ? 1 : 0;
}

function explain(id: string, io: Io): number {
  const linter = defaultLinter();
  const rule = linter.rule(id) ?? linter.rules.find((r) => (r.meta.equivalents.hadolint ?? []).includes(id.toUpperCase()));
  if (!rule) {
    const near = linter.rules.map((r) => r.meta.id).filter((r) => r.includes(id) || id.includes(r.split('-')[0]));
    throw new UsageError(`unknown rule \`${id}\`${near.length ? ` (did you mean ${near.slice(0, 3).join(', ')}?)` : ''}; \`layerwise rules\` lists them`);
  }
  io.out(renderRuleMarkdown(rule));
  return 0;
}

function listRules(io: Io): number {
  for (const r of defaultLinter().rules) io.out(`${r.meta.id.padEnd(40)} ${r.meta.category.padEnd(12)} ${r.meta.severity.padEnd(8)} ${r.meta.docs.summary}`);
  return 0;
}

export async function run(argv: string[], io: Io): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.out(HELP);
        return 0;
      case 'version':
        io.out(pkg.version);
        return 0;
      case 'rules':
        return listRules(io);
      case 'explain':
        return explain(args.rule, io);
      case 'lint':
        return await lintCommand(args, io);
      case 'layers': {
        const text = readInput(args.file);
        const { model, costs } = await computeForFile(args.file, text);
        io.out(args.format === 'json' ? JSON.stringify(layersJson(args.file, costs), null, 2) : layersText(args.file, model, costs));
        return 0;
      }
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      io.err(`layerwise: ${e.message}`);
      return 2;
    }
    io.err(`layerwise: internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.LAYERWISE_DEBUG) io.err(e instanceof Error ? e.stack ?? '' : '');
    return 2;
  }
}

/**
 * A reader that stops early (`layerwise lint . | head`) closes the pipe, and
 * Node reports the next write as an 'error' event that, unhandled, crashes
 * the process with a stack trace. Results are printed last, so when stdout
 * goes the run is over: it ends with the exit code it has. A closed stderr
 * only loses progress lines (`--fix` reporting what it applied), so the run
 * goes on. Any other failure to write the results (a full disk behind
 * `> out.json`) is one line and exit 2.
 */
function exitQuietlyWhenOutputCloses(): void {
  process.stderr.on('error', () => undefined);
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit();
    process.stderr.write(`layerwise: cannot write the results: ${e.code ?? e.message}\n`);
    process.exit(2);
  });
}

if (require.main === module) {
  // No inlining in V8's optimizing compiler, as in the language server. A run
  // over many files sees each once: the rules' code gets hot file by file,
  // and compiling it with everything inlined kept the compiler's thread
  // backlogged for longer than the run lasted (5 s of compile jobs in a 2 s
  // pass over 1,000 files). Linting the 2,149 files of the test corpus in one
  // run: 5.39 → 4.33 s (medians of three, same output). Read at every
  // optimization, so setting it here is in time.
  setFlagsFromString('--no-turbo-inlining');
  exitQuietlyWhenOutputCloses();
  const io: Io = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') };
  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
