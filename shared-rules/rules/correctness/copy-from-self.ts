import { copyFromFlag, resolveCopyFrom } from '../../analysis/copy-from';
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
    const { model } = ctx;
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        const flag = copyFromFlag(instr);
        if (!flag?.value || !flag.valueRange) continue;
        if (resolveCopyFrom(model, stage, flag.value).kind !== 'self') continue;
        ctx.report({
          range: flag.valueRange,
          instruction: instr,
          message: `\`--from=${flag.value}\` is this stage itself: copy from an earlier stage, or use RUN cp within the stage.`,
        });
      }
    }
  },
};

export default rule;
