import { Rule } from '../../engine/types';

/** Two switches (to root for setup, back to the app user) are normal. */
const ALLOWED = 2;

const rule: Rule = {
  meta: {
    id: 'excessive-user-switching',
    scope: 'stage',
    category: 'cache',
    severity: 'info',
    fixable: 'none',
    equivalents: { note: 'Seed advice 004.' },
    docs: {
      summary: 'More than two USER instructions in one stage.',
      why:
        'Going back and forth between root and an application user usually means root-only setup (packages, system files) is interleaved with application steps. Each switch splits work that could share one RUN layer, makes it hard to see which user a step runs as, and is a sign that the setup belongs in its own stage (or before a single final `USER`).',
      bad: 'FROM debian:bookworm-slim\nUSER app\nRUN make\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER app\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER app\nRUN make\n',
      fix: 'None: group the root steps first, then switch once to the application user.',
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const users = stage.instructions.filter((i) => i.keyword === 'USER');
      if (users.length <= ALLOWED) continue;
      const third = users[ALLOWED];
      ctx.report({
        range: third.keywordRange,
        instruction: third,
        message: `${users.length} USER switches in this stage: do the root steps together and switch to the application user once.`,
      });
    }
  },
};

export default rule;
