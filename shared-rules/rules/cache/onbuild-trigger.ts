import { Rule } from '../../engine/types';

const rule: Rule = {
  meta: {
    id: 'onbuild-trigger',
    scope: 'instruction',
    category: 'cache',
    severity: 'info',
    fixable: 'none',
    equivalents: { note: 'Seed advice 003/004: ONBUILD triggers run in every child build.' },
    docs: {
      summary: '`ONBUILD` instructions.',
      why:
        'An `ONBUILD` trigger does nothing in this image; it runs right after the `FROM` line of every Dockerfile that builds on it, before that Dockerfile\'s own instructions. A trigger that copies the context (`ONBUILD COPY . /app`) or installs dependencies re-runs in every child build and invalidates the child\'s cache from its very first step, and readers of the child Dockerfile cannot see that it happens. Docker stopped publishing `-onbuild` official images for this reason.',
      bad: 'FROM node:22-slim\nWORKDIR /app\nONBUILD COPY . /app\nONBUILD RUN npm ci\n',
      good: 'FROM node:22-slim\nWORKDIR /app\n',
      fix: 'None: move the steps into the child Dockerfiles, where they are visible and can be ordered for the cache.',
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      if (instr.keyword !== 'ONBUILD') continue;
      const what = instr.trigger ? `\`${instr.trigger.keyword}\`` : 'This trigger';
      ctx.report({
        range: instr.keywordRange,
        instruction: instr,
        message: `${what} runs in every build FROM this image and invalidates that build's cache from its first step: put it in the child Dockerfiles instead.`,
      });
    }
  },
};

export default rule;
