import { copyFromUses } from '../../analysis/copy-from';
import { Rule } from '../../engine/types';

const rule: Rule = {
  meta: {
    id: 'copy-from-self',
    category: 'correctness',
    severity: 'error',
    fixable: 'none',
    equivalents: { hadolint: ['DL3023'] },
    docs: {
      summary: '`COPY --from` names the stage the COPY is in.',
      why:
        'A stage cannot copy from itself: its filesystem is what the COPY is building. BuildKit stops with "circular dependency detected"; the classic builder with "cannot copy from the current stage".',
      bad: 'FROM golang:1.24 AS builder\nCOPY --from=builder /go/bin/app /usr/local/bin/app\n',
      good: 'FROM golang:1.24 AS builder\nRUN go version\nFROM alpine:3.22\nCOPY --from=builder /usr/local/go/VERSION /\n',
      fix: 'None: copy from an earlier stage, or use `RUN cp` to copy within the stage.',
    },
  },
  check(ctx) {
    for (const { instr, value, valueRange, target } of copyFromUses(ctx.model)) {
      if (target.kind !== 'self') continue;
      ctx.report({
        range: valueRange,
        instruction: instr,
        message: `\`--from=${value}\` is this stage itself: copy from an earlier stage, or use RUN cp within the stage.`,
      });
    }
  },
};

export default rule;
