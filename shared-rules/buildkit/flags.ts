import { Instruction } from '../model/types';
import { nearestName } from '../analysis/suggest';
import { Fix } from '../engine/types';
import { Range } from '../text/types';
import { checkHealthcheckDuration, checkPlatform } from './values';

/** BFlags types: a string needs `=value`, a bool may be bare, `strings` may repeat. */
export type FlagType = 'string' | 'bool' | 'strings';

/**
 * The flags each instruction declares in BuildKit's instruction parser
 * (frontend/dockerfile/instructions/parse.go). Instructions missing here call
 * `flags.Parse()` with nothing declared, so any flag is unknown — except ARG
 * and STOPSIGNAL, which never parse their flags (see FLAGS_IGNORED).
 */
export const KNOWN_FLAGS: Readonly<Record<string, Readonly<Record<string, FlagType>>>> = {
  FROM: { platform: 'string' },
  COPY: { from: 'string', chown: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'strings' },
  ADD: { chown: 'string', chmod: 'string', link: 'bool', checksum: 'string', 'keep-git-dir': 'bool', exclude: 'strings', unpack: 'bool' },
  RUN: { mount: 'strings', network: 'string', security: 'string' },
  HEALTHCHECK: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
};

export const FLAGS_IGNORED = new Set(['ARG', 'STOPSIGNAL']);

export interface SyntaxIssue {
  range: Range;
  message: string;
  fixes?: Fix[];
}

/** A flag as BuildKit's parser extracted it from the start of the arguments. */
export interface WrittenFlag {
  name: string;
  value: string | undefined;
  range: Range;
  nameRange: Range;
  valueRange: Range | undefined;
}

/** dockerfile-ast's flags, up to BuildKit's `--` terminator. */
export function writtenFlags(instr: Instruction): WrittenFlag[] {
  const out: WrittenFlag[] = [];
  for (const f of instr.flags) {
    if (f.name === '' && f.value === undefined) break;
    out.push(f);
  }
  return out;
}

function flagFix(f: WrittenFlag, name: string): Fix {
  return { title: `Change to \`--${name}\``, safe: false, edits: [{ range: f.nameRange, newText: name }] };
}

/** Unknown, duplicate and malformed flags, with the same verdicts as BFlags.Parse(). */
export function checkFlags(keyword: string, flags: readonly WrittenFlag[], healthcheckNone: boolean): SyntaxIssue[] {
  if (FLAGS_IGNORED.has(keyword) || flags.length === 0) return [];
  // HEALTHCHECK NONE returns before declaring or parsing its flags.
  if (keyword === 'HEALTHCHECK' && healthcheckNone) return [];
  const known = KNOWN_FLAGS[keyword] ?? {};
  const names = Object.keys(known);
  const issues: SyntaxIssue[] = [];
  const used = new Set<string>();
  for (const f of flags) {
    const type = known[f.name];
    if (type === undefined) {
      // A flag already given is no suggestion for a misspelt one: the fix would make it a duplicate.
      const suggestable = names.filter((n) => known[n] === 'strings' || !flags.some((g) => g.name === n));
      const near = nearestName(f.name, suggestable, true);
      const where = names.length ? ` (${keyword} takes ${names.map((n) => `--${n}`).join(', ')})` : ` (${keyword} takes no flags)`;
      issues.push({
        range: f.range,
        message: near ? `Unknown flag \`--${f.name}\` for ${keyword}: did you mean \`--${near}\`?` : `Unknown flag \`--${f.name}\` for ${keyword}${where}.`,
        fixes: near ? [flagFix(f, near)] : undefined,
      });
      continue;
    }
    if (used.has(f.name) && type !== 'strings') {
      issues.push({ range: f.range, message: `Duplicate flag \`--${f.name}\`: give it once.` });
      continue;
    }
    used.add(f.name);
    const issue = checkValue(keyword, f, type);
    if (issue) issues.push(issue);
  }
  return issues;
}

function checkValue(keyword: string, f: WrittenFlag, type: FlagType): SyntaxIssue | undefined {
  const at = f.valueRange ?? f.range;
  if (type === 'bool') {
    if (f.value === undefined) return undefined;
    if (f.value === '') return { range: f.range, message: `Missing a value on flag \`--${f.name}\`: write \`--${f.name}\` or \`--${f.name}=true\`.` };
    if (!/^(true|false)$/i.test(f.value) && !f.value.includes('$')) return { range: at, message: `\`--${f.name}\` expects true or false, not \`${f.value}\`.` };
    return undefined;
  }
  if (f.value === undefined) return { range: f.range, message: `Missing a value on flag \`--${f.name}\`: write \`--${f.name}=<value>\`.` };
  if (keyword === 'HEALTHCHECK') {
    if (f.name === 'retries') {
      if (f.value === '' || f.value.includes('$')) return undefined;
      if (!/^[+-]?[0-9]+$/.test(f.value) || Math.abs(Number(f.value)) > 2147483647) return { range: at, message: `\`--retries\` must be a whole number, not \`${f.value}\`.` };
      if (Number(f.value) < 0) return { range: at, message: `\`--retries\` cannot be negative (${f.value}).` };
      return undefined;
    }
    const err = checkHealthcheckDuration(f.name, f.value);
    return err ? { range: at, message: `\`--${f.name}=${f.value}\`: ${err}; use a duration such as 30s or 1m30s.` } : undefined;
  }
  if (keyword === 'FROM' && f.name === 'platform') {
    const err = checkPlatform(f.value);
    return err ? { range: at, message: `Invalid --platform ${err}.` } : undefined;
  }
  return undefined;
}

/** Flags written as leading `--x` words on instructions dockerfile-ast gives no flags (ENV, USER …). */
export function flagsFromArgs(instr: Instruction): WrittenFlag[] {
  const out: WrittenFlag[] = [];
  for (const a of instr.args) {
    if (!a.raw.startsWith('--')) break;
    if (a.raw === '--') break;
    const eq = a.raw.indexOf('=');
    const name = eq === -1 ? a.raw.slice(2) : a.raw.slice(2, eq);
    const r = a.range;
    out.push({
      name,
      value: eq === -1 ? undefined : a.raw.slice(eq + 1),
      range: r,
      nameRange: { start: { line: r.start.line, character: r.start.character + 2 }, end: { line: r.start.line, character: r.start.character + 2 + name.length } },
      valueRange: undefined,
    });
  }
  return out;
}
