import { Rule } from '../../engine/types';

const KNOWN = new Set(['ADD', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

const rule: Rule = {
  meta: {
    id: 'instruction-before-from',
    scope: 'instruction',
    category: 'correctness',
    severity: 'error',
    fixable: 'none',
    equivalents: { hadolint: ['DL3061'] },
    docs: {
      summary: 'An instruction other than ARG before the first FROM.',
      why:
        'Only `ARG` (and comments and parser directives) may come before the first `FROM`: those global ARGs parameterise the FROM lines. Anything else has no stage to belong to, and the builder stops with "no build stage in current context" before building anything.',
      bad: 'ENV APP_HOME=/app\nFROM alpine:3.22\nWORKDIR $APP_HOME\n',
      good: 'FROM alpine:3.22\nENV APP_HOME=/app\nWORKDIR $APP_HOME\n',
      fix: 'None: move the instruction below the `FROM` of the stage it belongs to.',
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      if (instr.stageIndex !== -1 || instr.keyword === 'FROM' || !KNOWN.has(instr.keyword)) continue;
      ctx.report({
        range: instr.keywordRange,
        instruction: instr,
        message: `Move ${instr.keyword} below a FROM: only ARG may come before the first FROM.`,
      });
    }
  },
};

export default rule;
