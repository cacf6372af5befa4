import { levenshtein, nearestName } from '../analysis/suggest';
import { Fix } from '../engine/types';
import { removeSpanEdit } from '../fixes/remove-text';
import { isValidReference } from '../model/image-ref';
import { logicalLineOf } from '../model/parse';
import { DockerfileModel, Instruction, Stage } from '../model/types';
import { Range } from '../text/types';
import { checkFlags, flagsFromArgs, SyntaxIssue, WrittenFlag, writtenFlags } from './flags';
import { checkArgWords, checkKeyValueWords } from './key-value-checks';
import { checkJsonForm } from './json-checks';
import { checkSignal } from './values';

export const INSTRUCTIONS = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];
const KNOWN = new Set(INSTRUCTIONS);

/** Instructions dockerfile-ast gives flags to; for the rest, leading `--x` words are in the arguments. */
const AST_FLAGS = new Set(['ADD', 'COPY', 'FROM', 'HEALTHCHECK', 'RUN']);
const VALID_STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

export interface CheckOptions {
  /** The `# syntax=` frontend is not docker/dockerfile: it may accept other flags. */
  customFrontend: boolean;
  /** A `-labs` frontend: `RUN --device` and friends exist. */
  labs: boolean;
}

function span(from: Range, to: Range): Range {
  return { start: from.start, end: to.end };
}

function removeArgsFix(model: DockerfileModel, from: Range, to: Range, what: string): Fix {
  const { lines } = model;
  return { title: `Remove ${what}`, safe: true, edits: [removeSpanEdit(model, lines.offsetAt(from.start), lines.offsetAt(to.end))] };
}

/** Everything BuildKit's instruction parser rejects in one instruction (an ONBUILD trigger included). */
export function checkInstruction(model: DockerfileModel, instr: Instruction, opts: CheckOptions, isTrigger = false): SyntaxIssue[] {
  const kw = instr.keyword.toUpperCase();
  const written = model.lines.slice(instr.keywordRange);
  if (!KNOWN.has(kw)) {
    const near = nearestName(kw, INSTRUCTIONS, true);
    return [
      {
        range: instr.keywordRange,
        message: near ? `Unknown instruction \`${written}\`: did you mean \`${near}\`?` : `Unknown instruction \`${written}\`: a Dockerfile line starts with FROM, RUN, COPY …`,
        fixes: near ? [{ title: `Change to \`${near}\``, safe: false, edits: [{ range: instr.keywordRange, newText: near }] }] : undefined,
      },
    ];
  }
  const issues: SyntaxIssue[] = [];
  const fromArgs = !AST_FLAGS.has(kw);
  const flags: WrittenFlag[] = fromArgs ? flagsFromArgs(instr) : writtenFlags(instr);
  const args = fromArgs ? instr.args.slice(flags.length) : instr.args;
  const healthcheckNone = kw === 'HEALTHCHECK' && args[0]?.value.toUpperCase() === 'NONE';
  if (!opts.customFrontend) {
    const usable = opts.labs && kw === 'RUN' ? flags.filter((f) => f.name !== 'device') : flags;
    issues.push(...checkFlags(kw, usable, healthcheckNone));
  }
  const missing = (message: string) => issues.push({ range: instr.keywordRange, message });
  if (args.length === 0 && instr.heredocs.length === 0 && !(instr.jsonForm && !isTrigger)) {
    if (kw === 'FROM') missing('FROM needs an image: `FROM <image>[:tag] [AS <name>]`.');
    else if (kw === 'COPY' || kw === 'ADD') missing(`${kw} needs at least a source and a destination.`);
    else if (kw === 'ONBUILD') missing('ONBUILD needs an instruction to run in child builds, e.g. `ONBUILD RUN …`.');
    else missing(`${kw} requires at least one argument.`);
    return issues;
  }
  switch (kw) {
    case 'FROM':
      if (!isTrigger) issues.push(...checkFrom(model, instr, args));
      break;
    case 'COPY':
    case 'ADD':
      if (args.length < 2) missing(`${kw} needs at least a source and a destination: add the destination path.`);
      break;
    case 'ONBUILD':
      issues.push(...checkOnbuild(model, instr, opts));
      break;
    case 'HEALTHCHECK':
      issues.push(...checkHealthcheck(model, instr, args));
      break;
    case 'SHELL':
      if (!instr.jsonForm && !isTrigger) issues.push(shellNotJson(model, instr));
      break;
    case 'STOPSIGNAL':
      if (args.length > 1) {
        issues.push({ range: span(args[1].range, args[args.length - 1].range), message: 'STOPSIGNAL takes one signal: remove the extra argument.', fixes: [removeArgsFix(model, args[1].range, args[args.length - 1].range, 'the extra argument')] });
      } else {
        const err = checkSignal(args[0].value);
        if (err) issues.push({ range: args[0].range, message: `${err}: use a signal name such as SIGTERM or a number.` });
      }
      break;
    case 'USER':
      if (args.length > 1) issues.push({ range: span(args[1].range, args[args.length - 1].range), message: 'USER takes one `user[:group]`: remove the extra argument.', fixes: [removeArgsFix(model, args[1].range, args[args.length - 1].range, 'the extra argument')] });
      break;
    case 'ENV':
    case 'LABEL':
      issues.push(...checkKeyValueWords(model, instr, kw, flags.length));
      break;
    case 'ARG':
      issues.push(...checkArgWords(model, instr, flags.length));
      break;
    case 'VOLUME':
      if (instr.jsonForm) for (const a of instr.args) if (a.value.trim() === '') issues.push({ range: a.range, message: 'VOLUME paths cannot be empty strings.' });
      break;
  }
  if (!isTrigger && ['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'ADD', 'COPY'].includes(kw) && !instr.jsonForm && instr.argsRange) {
    const line = logicalLineOf(model, instr);
    const at = line.fromDocument(model.lines.offsetAt(instr.argsRange.start));
    if (at >= 0) {
      const issue = checkJsonForm(model, kw, line, at);
      if (issue) issues.push(issue);
    }
  }
  return issues;
}

function checkFrom(model: DockerfileModel, instr: Instruction, args: Instruction['args']): SyntaxIssue[] {
  const issues: SyntaxIssue[] = [];
  const stage: Stage | undefined = model.stages.find((s) => s.from === instr);
  if (args.length === 2) {
    if (args[1].value.toLowerCase() === 'as') issues.push({ range: args[1].range, message: 'Name the stage after AS, or remove `AS`.' });
    else issues.push({ range: args[1].range, message: `FROM takes one image, optionally followed by \`AS <name>\`: remove \`${args[1].raw}\`.`, fixes: [removeArgsFix(model, args[1].range, args[1].range, 'the extra argument')] });
  } else if (args.length >= 3) {
    const as = args[1];
    if (as.value.toLowerCase() !== 'as') {
      const close = levenshtein(as.value.toUpperCase(), 'AS') <= 1;
      issues.push({
        range: as.range,
        message: `Expected \`AS\` before the stage name, found \`${as.raw}\`: FROM takes either one or three arguments.`,
        fixes: close ? [{ title: 'Change to `AS`', safe: true, edits: [{ range: as.range, newText: 'AS' }] }] : undefined,
      });
    } else {
      if (args.length > 3) issues.push({ range: span(args[3].range, args[args.length - 1].range), message: 'FROM takes one stage name after AS: remove the extra argument.', fixes: [removeArgsFix(model, args[3].range, args[args.length - 1].range, 'the extra argument')] });
      const name = args[2].value;
      if (!name.includes('$') && !VALID_STAGE_NAME.test(name.toLowerCase())) {
        issues.push({ range: args[2].range, message: `Invalid stage name \`${name}\`: start with a letter and use only letters, digits, \`-\`, \`_\` and \`.\`.` });
      }
    }
  }
  const image = args[0];
  if (image && stage && stage.baseKind === 'image' && !image.value.includes('$') && !isValidReference(image.value)) {
    const lower = image.value.toLowerCase();
    const fix: Fix[] | undefined = lower !== image.value && isValidReference(lower) ? [{ title: `Change to \`${lower}\``, safe: false, edits: [{ range: image.range, newText: lower }] }] : undefined;
    issues.push({ range: image.range, message: `Invalid image reference \`${image.value}\`: ${lower !== image.value && fix ? 'repository names must be lowercase' : 'use name[:tag][@digest]'}.`, fixes: fix });
  }
  return issues;
}

function checkOnbuild(model: DockerfileModel, instr: Instruction, opts: CheckOptions): SyntaxIssue[] {
  const first = instr.args[0];
  if (!first) return [];
  const t = first.value.toUpperCase();
  if (t === 'ONBUILD') return [{ range: first.range, message: 'Chaining `ONBUILD ONBUILD` is not allowed: give the trigger instruction directly.' }];
  if (t === 'FROM' || t === 'MAINTAINER') return [{ range: first.range, message: `${t} is not allowed as an ONBUILD trigger.` }];
  if (!instr.trigger) return [];
  return checkInstruction(model, instr.trigger, opts, true);
}

function checkHealthcheck(model: DockerfileModel, instr: Instruction, args: Instruction['args']): SyntaxIssue[] {
  const type = args[0];
  const upper = type.value.toUpperCase();
  if (upper === 'NONE') {
    if (args.length > 1) return [{ range: span(args[1].range, args[args.length - 1].range), message: 'HEALTHCHECK NONE takes no arguments: remove them.', fixes: [removeArgsFix(model, args[1].range, args[args.length - 1].range, 'the arguments')] }];
    return [];
  }
  if (upper === 'CMD') {
    const rest = args.slice(1).map((a) => a.raw).join(' ').trim();
    if (rest === '' || /^\[\s*\]$/.test(rest)) return [{ range: type.range, message: 'Missing command after HEALTHCHECK CMD.' }];
    const line = logicalLineOf(model, instr);
    const at = line.fromDocument(model.lines.offsetAt(args[1].range.start));
    const issue = at >= 0 ? checkJsonForm(model, 'HEALTHCHECK', line, at) : undefined;
    return issue ? [issue] : [];
  }
  const near = nearestName(upper, ['CMD', 'NONE'], true);
  return [
    {
      range: type.range,
      message: `Unknown HEALTHCHECK type \`${type.raw}\`: use \`CMD <command>\` or \`NONE\`.`,
      fixes: near ? [{ title: `Change to \`${near}\``, safe: false, edits: [{ range: type.range, newText: near }] }] : undefined,
    },
  ];
}

/** SHELL in shell form always fails; offer the JSON form when the words need no quoting decisions. */
function shellNotJson(model: DockerfileModel, instr: Instruction): SyntaxIssue {
  const range = instr.argsRange ?? instr.keywordRange;
  const words = instr.args.map((a) => a.raw);
  const plain = !instr.jsonInvalid && words.length > 0 && words.every((w) => /^[^"'\\`$[\]]+$/.test(w));
  return {
    range,
    message: 'SHELL must be written in JSON form, e.g. `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`.',
    fixes: plain ? [{ title: 'Convert to JSON form', safe: true, edits: [{ range, newText: JSON.stringify(words).replace(/","/g, '", "') }] }] : undefined,
  };
}
