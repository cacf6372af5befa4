import { Rule } from '../../engine/types';

const KNOWN = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

const rule: Rule = {
  meta: {
    id: 'syntax-error',
    category: 'syntax',
    severity: 'error',
    fixable: 'none',
    equivalents: { note: 'BuildKit parse errors; rcjsuen/dockerfile-utils validation' },
    docs: {
      summary: 'Text the Docker builder rejects: unknown instructions, unterminated heredocs.',
      why: 'The build fails on these lines before any layer is built.',
      bad: 'FROM alpine:3.22\nRUNN echo hi\n',
      good: 'FROM alpine:3.22\nRUN echo hi\n',
      fix: 'None yet.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const p of model.problems) {
      if (p.code === 'empty-continuation-line') continue;
      ctx.report({ range: p.range, message: p.message });
    }
    for (const instr of model.instructions) {
      const kw = instr.keyword.toUpperCase();
      if (!KNOWN.has(kw)) ctx.report({ range: instr.keywordRange, instruction: instr, message: `Unknown instruction \`${instr.keyword}\`.` });
    }
  },
};

export default rule;
