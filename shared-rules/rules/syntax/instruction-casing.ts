import { INSTRUCTIONS } from '../../buildkit/instruction-checks';
import { Rule } from '../../engine/types';

const KNOWN = new Set(INSTRUCTIONS);

type Casing = 'upper' | 'lower' | 'mixed';

function casingOf(word: string): Casing {
  if (word === word.toUpperCase()) return 'upper';
  if (word === word.toLowerCase()) return 'lower';
  return 'mixed';
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
    // Unknown keywords are syntax errors, not a casing matter.
    const known = model.instructions.filter((i) => KNOWN.has(i.keyword.toUpperCase()));
    const written = known.map((i) => model.lines.slice(i.keywordRange));
    let upper = 0;
    let lower = 0;
    for (const w of written) {
      const c = casingOf(w);
      if (c === 'upper') upper++;
      else if (c === 'lower') lower++;
    }
    const majority: Casing = lower > upper ? 'lower' : 'upper';
    known.forEach((instr, k) => {
      const w = written[k];
      if (!/[a-z]/i.test(w) || casingOf(w) === majority) return;
      const to = majority === 'lower' ? w.toLowerCase() : w.toUpperCase();
      ctx.report({
        range: instr.keywordRange,
        instruction: instr,
        message: `Write \`${w}\` as \`${to}\` to match the ${majority}case keywords of this file.`,
        fixes: [{ title: `Change to \`${to}\``, safe: true, edits: [{ range: instr.keywordRange, newText: to }] }],
      });
    });
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
