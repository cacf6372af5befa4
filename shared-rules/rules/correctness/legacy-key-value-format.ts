import { asDoubleQuoted, isSingleWord } from '../../analysis/quoting';
import { Fix, Rule } from '../../engine/types';
import { keyValuePairs } from '../../model/key-values';

const rule: Rule = {
  meta: {
    id: 'legacy-key-value-format',
    scope: 'instruction',
    category: 'correctness',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { buildkit: ['LegacyKeyValueFormat'] },
    docs: {
      summary: '`ENV key value` or `LABEL key value` without `=`.',
      why:
        'The space-separated form sets one variable to the whole rest of the line, spaces included, so `ENV PATH /app/bin:$PATH LANG C.UTF-8` silently makes PATH `/app/bin:… LANG C.UTF-8`. It is deprecated in favour of `key=value`, which allows several pairs per instruction and says where a value ends. BuildKit warns about it (LegacyKeyValueFormat).',
      bad: 'FROM alpine:3.22\nENV APP_HOME /opt/app\nLABEL description A small tool\n',
      good: 'FROM alpine:3.22\nENV APP_HOME=/opt/app\nLABEL description="A small tool"\n',
      fix: 'Rewrites the pair as `key=value`, quoting the value when it has spaces (with quotes and escapes converted so the value is identical). Safe: the variable or label gets the same value.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ENV' && instr.keyword !== 'LABEL') continue;
      const kv = keyValuePairs(model, instr)[0];
      if (!kv?.legacy || kv.raw === undefined || kv.raw.trim() === '') continue;
      const fixes: Fix[] = [];
      // Values over continuation lines would lose their layout (and comments): left to the user.
      if (kv.range.start.line === kv.range.end.line) {
        const value = isSingleWord(kv.raw, model.escape) ? kv.raw : asDoubleQuoted(kv.raw, model.escape);
        fixes.push({ title: `Change to \`${kv.name}=…\``, safe: true, edits: [{ range: kv.range, newText: `${model.lines.slice(kv.nameRange)}=${value}` }] });
      }
      ctx.report({
        range: kv.range,
        instruction: instr,
        tags: ['deprecated'],
        message: `Use \`${instr.keyword} ${kv.name}=…\`: the \`${instr.keyword} key value\` form is deprecated and takes the rest of the line as the value.`,
        fixes,
      });
    }
  },
};

export default rule;
