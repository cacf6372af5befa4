import { INSTRUCTIONS } from '../../buildkit/instruction-checks';
import { Rule } from '../../engine/types';

const KNOWN = new Set(INSTRUCTIONS);

type Casing = 'upper' | 'lower' | 'mixed';

function casingOf(word: string): Casing {
  if (word === word.toUpperCase()) return 'upper';
  if (word === word.toLowerCase()) return 'lower';
  return 'mixed';
}

const UPPER = 1;
const LOWER = 2;
const MIXED = 3;
/** From scanCasing: not decided by the character scan, the slow path (slice, casingOf) decides. */
const OTHER = 0;
/** Per instruction in check: not a known keyword (0, as Int8Array starts), or decided by the slow path. */
const SKIP = 0;
const SLOW = 4;

/**
 * casingOf the keyword as written, read in place: this runs for every
 * instruction on every keystroke, and a keyword of ASCII letters needs no
 * string of its own. Anything else (a line break inside, non-ASCII) is OTHER.
 */
function scanCasing(text: string, from: number, to: number): number {
  if (to <= from) return OTHER;
  let upper = false;
  let lower = false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else return OTHER;
  }
  return upper && lower ? MIXED : upper ? UPPER : LOWER;
}

const rule: Rule = {
  meta: {
    id: 'instruction-casing',
    category: 'syntax',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { buildkit: ['ConsistentInstructionCasing', 'FromAsCasing'], note: "From the catalog's syntax-errors row; rcjsuen/dockerfile-utils CASING_INSTRUCTION." },
    docs: {
      summary: 'An instruction keyword (or `AS`) whose casing differs from the rest of the file.',
      why:
        'Instruction keywords are case-insensitive, so `run` and `RUN` build the same, but a file that mixes them reads as if the odd ones were something else, and `Run` in mixed case is easy to take for an argument. BuildKit warns when a keyword does not match the casing most of the file uses (ConsistentInstructionCasing) and when `AS` does not match its `FROM` (FromAsCasing).',
      bad: 'FROM alpine:3.22 as base\nRUN echo hi\nrun echo again\n',
      good: 'FROM alpine:3.22 AS base\nRUN echo hi\nRUN echo again\n',
      fix: "Rewrites the keyword in the file's majority casing (uppercase when tied), and `AS` in its FROM's casing. Safe: keywords are case-insensitive.",
    },
  },
  check(ctx) {
    const { model } = ctx;
    const { instructions, lines, text } = model;
    const casings = new Int8Array(instructions.length);
    let upper = 0;
    let lower = 0;
    for (let k = 0; k < instructions.length; k++) {
      const instr = instructions[k];
      // Unknown keywords are syntax errors, not a casing matter.
      if (!KNOWN.has(instr.keyword) && !KNOWN.has(instr.keyword.toUpperCase())) continue;
      const r = instr.keywordRange;
      // instr.start is where the keyword starts (the parser's offset of keywordRange.start).
      const { start, end } = r;
      const c = start.line === end.line ? scanCasing(text, instr.start, instr.start + end.character - start.character) : OTHER;
      if (c === OTHER) {
        // The slow path decides: counted as casingOf says, reported (or not) by the second loop.
        const cw = casingOf(lines.slice(r));
        casings[k] = SLOW;
        if (cw === 'upper') upper++;
        else if (cw === 'lower') lower++;
        continue;
      }
      casings[k] = c;
      if (c === UPPER) upper++;
      else if (c === LOWER) lower++;
    }
    const majority: Casing = lower > upper ? 'lower' : 'upper';
    const fits = majority === 'lower' ? LOWER : UPPER;
    for (let k = 0; k < instructions.length; k++) {
      const c = casings[k];
      if (c === SKIP || c === fits) continue;
      const instr = instructions[k];
      const w = lines.slice(instr.keywordRange);
      if (!/[a-z]/i.test(w) || casingOf(w) === majority) continue;
      const to = majority === 'lower' ? w.toLowerCase() : w.toUpperCase();
      ctx.report({
        range: instr.keywordRange,
        instruction: instr,
        message: `Write \`${w}\` as \`${to}\` to match the ${majority}case keywords of this file.`,
        fixes: [{ title: `Change to \`${to}\``, safe: true, edits: [{ range: instr.keywordRange, newText: to }] }],
      });
    }
    for (const stage of model.stages) {
      const as = stage.from.args[1];
      if (!as || !stage.nameRange || as.value.toLowerCase() !== 'as') continue;
      const from = model.lines.slice(stage.from.keywordRange);
      const fromCase = casingOf(from);
      if (fromCase === 'mixed' || casingOf(as.raw) === fromCase) continue;
      const to = fromCase === 'upper' ? 'AS' : 'as';
      ctx.report({
        range: as.range,
        instruction: stage.from,
        message: `Write \`${as.raw}\` as \`${to}\` to match \`${from}\`.`,
        fixes: [{ title: `Change to \`${to}\``, safe: true, edits: [{ range: as.range, newText: to }] }],
      });
    }
  },
};

export default rule;
