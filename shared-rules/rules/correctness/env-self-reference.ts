import { scopeAt } from '../../analysis/variable-scope';
import { Rule } from '../../engine/types';
import { TextEdit } from '../../text/types';
import { keyValuePairs } from '../../model/key-values';
import { stageOf } from '../../model/stages';
import { findVariableRefs } from '../../model/variables';

const rule: Rule = {
  meta: {
    id: 'env-self-reference',
    scope: 'stage',
    category: 'correctness',
    severity: 'error',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3044'] },
    docs: {
      summary: 'An ENV value uses a variable that the same ENV statement defines.',
      why:
        'All values of one ENV are expanded before any of its variables is set, so `ENV DIR=/opt/app BIN=$DIR/bin` sets BIN to `/bin`, not `/opt/app/bin`: `$DIR` still has its value from before the statement — here none. (A variable referring to its own old value, `ENV PATH=/x:$PATH`, is fine.)',
      bad: 'FROM alpine:3.22\nENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin\n',
      good: 'FROM alpine:3.22\nENV APP_HOME=/opt/app\nENV APP_BIN=$APP_HOME/bin\n',
      fix: 'Splits the statement before the first pair that uses an earlier pair, so the variable is set when it is read. Safe: it gives the value the statement evidently meant; the extra ENV adds no layer.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ENV') continue;
      const pairs = keyValuePairs(model, instr);
      if (pairs.length < 2 || pairs[0].legacy) continue;
      const stage = stageOf(model, instr);
      const before = stage ? scopeAt(model, stage, instr) : new Map<string, string | undefined>();
      const found: { start: number; end: number; name: string }[] = [];
      const edits: TextEdit[] = [];
      let forward = false;
      let group = new Set<string>();
      const indent = /^[ \t]*/.exec(model.lines.lineText(instr.startLine))?.[0] ?? '';
      pairs.forEach((kv, i) => {
        let split = false;
        if (kv.raw !== undefined && kv.valueRange) {
          const start = model.lines.offsetAt(kv.valueRange.start);
          for (const ref of findVariableRefs(model.lines.slice(kv.valueRange), model.escape)) {
            const j = pairs.findIndex((p, k) => k !== i && p.name === ref.name);
            if (j === -1 || before.has(ref.name)) continue;
            found.push({ start: start + ref.start, end: start + ref.end, name: ref.name });
            if (j > i) forward = true;
            else if (group.has(ref.name)) split = true;
          }
        }
        if (split) {
          edits.push({ range: model.lines.rangeOf(pairs[i - 1].end, kv.start), newText: `\n${indent}ENV ` });
          group = new Set();
        }
        group.add(kv.name);
      });
      for (const f of found) {
        ctx.report({
          range: model.lines.rangeOf(f.start, f.end),
          instruction: instr,
          message: `\`$${f.name}\` is set by this same ENV, so it still has its old value here: define it in an ENV of its own above.`,
          fixes: forward || edits.length === 0 ? [] : [{ title: 'Split into separate ENV instructions', safe: true, edits }],
        });
      }
    }
  },
};

export default rule;
