import { Rule } from '../../engine/types';

function labelValue(text: string): string {
  return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$') + '"';
}

const rule: Rule = {
  meta: {
    id: 'maintainer-deprecated',
    scope: 'instruction',
    category: 'correctness',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { hadolint: ['DL4000'], buildkit: ['MaintainerDeprecated'] },
    docs: {
      summary: 'MAINTAINER is deprecated.',
      why: 'MAINTAINER has been deprecated since Docker 1.13; tools read the author from the OCI label `org.opencontainers.image.authors` instead.',
      bad: 'FROM alpine:3.22\nMAINTAINER Jane Doe <jane@example.com>\n',
      good: 'FROM alpine:3.22\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
      fix: 'Rewrites the instruction to `LABEL org.opencontainers.image.authors="…"` with the same text, quoted. Safe.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const instr of model.instructions) {
      if (instr.keyword !== 'MAINTAINER') continue;
      const value = instr.argsRange ? model.lines.slice(instr.argsRange).replace(/\\\r?\n\s*/g, ' ') : '';
      ctx.report({
        range: instr.keywordRange,
        instruction: instr,
        tags: ['deprecated'],
        message: 'MAINTAINER is deprecated: use `LABEL org.opencontainers.image.authors="…"`.',
        fixes: value
          ? [{ title: 'Replace with LABEL org.opencontainers.image.authors', safe: true, edits: [{ range: model.lines.rangeOf(instr.start, instr.end), newText: `LABEL org.opencontainers.image.authors=${labelValue(value)}` }] }]
          : [],
      });
    }
  },
};

export default rule;
