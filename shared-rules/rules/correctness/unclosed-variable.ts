import { builderRefs } from '../../analysis/expanded-words';
import { Rule } from '../../engine/types';
import { findVariableRefs } from '../../model/variables';

const rule: Rule = {
  meta: {
    id: 'unclosed-variable',
    scope: 'stage',
    category: 'correctness',
    severity: 'error',
    fixable: 'none',
    equivalents: { note: 'rcjsuen/dockerfile-utils#49 (asked, open)' },
    docs: {
      summary: 'A `${` with no closing `}` in an instruction the builder expands.',
      why:
        'The builder expands variables in FROM, COPY, ADD, ENV, ARG, LABEL, WORKDIR, USER, EXPOSE, VOLUME and STOPSIGNAL itself, and stops at `${NAME` without `}` with "syntax error: missing \'}\'" — after every earlier step has already run.',
      bad: 'FROM alpine:3.22\nENV APP_DIR=/opt/app\nWORKDIR ${APP_DIR\n',
      good: 'FROM alpine:3.22\nENV APP_DIR=/opt/app\nWORKDIR ${APP_DIR}\n',
      fix: 'None: add the `}` where the name ends.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const instr of model.instructions) {
      const spans: { start: number; end: number }[] = [];
      if (instr.keyword === 'FROM') {
        for (const text of [instr.args[0], ...instr.flags.filter((f) => f.name === 'platform' && f.valueRange).map((f) => ({ raw: f.value ?? '', range: f.valueRange ?? instr.range }))]) {
          if (!text) continue;
          const base = model.lines.offsetAt(text.range.start);
          for (const r of findVariableRefs(text.raw, model.escape)) if (r.unclosed) spans.push({ start: base + r.start, end: base + r.end });
        }
      } else {
        for (const { ref } of builderRefs(model, instr)) if (ref.unclosed) spans.push({ start: ref.docStart, end: ref.docEnd });
      }
      for (const s of spans) {
        ctx.report({ range: model.lines.rangeOf(s.start, s.end), instruction: instr, message: 'Close the variable with `}`: the builder stops at an unclosed `${`.' });
      }
    }
  },
};

export default rule;
