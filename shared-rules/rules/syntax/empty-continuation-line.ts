import { Rule } from '../../engine/types';

const rule: Rule = {
  meta: {
    id: 'empty-continuation-line',
    scope: 'instruction',
    category: 'syntax',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { buildkit: ['NoEmptyContinuation'], note: "From the catalog's syntax-errors row; rcjsuen/dockerfile-utils EMPTY_CONTINUATION_LINE." },
    docs: {
      summary: 'A blank line inside an instruction continued with `\\`.',
      why:
        'The builder skips a blank line in the middle of a continued instruction, so the instruction goes on past it. Readers (and some tools) take the blank line as the end of the instruction, and the next line for a new one: a stray `\\` then silently swallows what looks like the next instruction. BuildKit warns (NoEmptyContinuation) and has announced that empty continuation lines will become errors.',
      bad: 'FROM alpine:3.22\nRUN apk add --no-cache curl \\\n\n    jq\n',
      good: 'FROM alpine:3.22\nRUN apk add --no-cache curl \\\n    jq\n',
      fix: 'Deletes the blank line. Safe: the builder already ignores it, so the instruction is unchanged.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const { lines } = model;
    for (const p of model.problems) {
      if (p.code !== 'empty-continuation-line') continue;
      const l = p.range.start.line;
      const end = l + 1 < lines.lineCount ? lines.lineStart(l + 1) : lines.lineEnd(l);
      ctx.report({
        range: p.range,
        message: 'Remove this blank line: it sits inside an instruction continued with `\\` (BuildKit warns; it will become an error).',
        fixes: [{ title: 'Remove the empty continuation line', safe: true, edits: [{ range: lines.rangeOf(lines.lineStart(l), end), newText: '' }] }],
      });
    }
  },
};

export default rule;
