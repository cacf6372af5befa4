import { Rule } from '../../engine/types';

const rule: Rule = {
  meta: {
    id: 'stage-name-casing',
    scope: 'stage',
    category: 'correctness',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { buildkit: ['StageNameCasing'] },
    docs: {
      summary: 'A stage name (`FROM … AS Name`) with uppercase letters.',
      why:
        'Stage names are case-insensitive: the builder lowercases them, so `AS Builder` and `--from=builder` are the same stage, and an uppercase name only suggests a distinction that does not exist. Image references, by contrast, must be lowercase, so mixed-case names also read like a broken reference. BuildKit warns about it (StageNameCasing).',
      bad: 'FROM golang:1.24 AS Builder\nRUN go version\nFROM alpine:3.22\nCOPY --from=Builder /usr/local/go/VERSION /\n',
      good: 'FROM golang:1.24 AS builder\nRUN go version\nFROM alpine:3.22\nCOPY --from=builder /usr/local/go/VERSION /\n',
      fix: 'Lowercases the name after `AS`. Safe: references to the stage match it case-insensitively, so nothing else changes.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      if (!stage.nameRange) continue;
      const written = model.lines.slice(stage.nameRange);
      if (written === written.toLowerCase()) continue;
      ctx.report({
        range: stage.nameRange,
        instruction: stage.from,
        message: `Write the stage name in lowercase: \`${written.toLowerCase()}\`.`,
        fixes: [{ title: `Rename to \`${written.toLowerCase()}\``, safe: true, edits: [{ range: stage.nameRange, newText: written.toLowerCase() }] }],
      });
    }
  },
};

export default rule;
