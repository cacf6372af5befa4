import { nearestName } from '../../analysis/suggest';
import { globalArgs, PLATFORM_ARGS } from '../../analysis/variable-scope';
import { Fix, Rule } from '../../engine/types';
import { findVariableRefs, isVariableName } from '../../model/variables';

const rule: Rule = {
  meta: {
    id: 'undefined-arg-in-from',
    scope: 'stage',
    category: 'correctness',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { buildkit: ['UndefinedArgInFrom'] },
    docs: {
      summary: 'FROM (or its `--platform`) uses a variable that no global ARG declares.',
      why:
        'A FROM line can only use ARGs declared before the first FROM, plus BuildKit\'s platform ARGs (TARGETPLATFORM, BUILDPLATFORM, TARGETARCH…). Anything else expands to an empty string: `FROM node:${NODE_VERSON}` pulls `node:` or fails with "invalid reference format", and `--build-arg` cannot set it. BuildKit warns about it (UndefinedArgInFrom).',
      bad: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSON}-slim\n',
      good: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-slim\n',
      fix: 'Replaces the name with the nearest declared global ARG or platform ARG, when one is close enough to be a typo. Safe: the undeclared name always expanded to an empty string.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const known = [...globalArgs(model).keys(), ...PLATFORM_ARGS];
    const suggestable = known.filter(isVariableName);
    for (const stage of model.stages) {
      const from = stage.from;
      const texts: { text: string; start: number }[] = [];
      if (from.args[0]) texts.push({ text: from.args[0].raw, start: model.lines.offsetAt(from.args[0].range.start) });
      if (stage.platform?.value !== undefined && stage.platform.valueRange) texts.push({ text: stage.platform.value, start: model.lines.offsetAt(stage.platform.valueRange.start) });
      for (const { text, start } of texts) {
        for (const ref of findVariableRefs(text, model.escape)) {
          if (known.includes(ref.name) || ref.unclosed) continue;
          const near = nearestName(ref.name, suggestable, true);
          const nameStart = start + ref.start + (text[ref.start + 1] === '{' ? 2 : 1);
          const fixes: Fix[] = near ? [{ title: `Change to \`$${near}\``, safe: true, edits: [{ range: model.lines.rangeOf(nameStart, nameStart + ref.name.length), newText: near }] }] : [];
          ctx.report({
            range: model.lines.rangeOf(start + ref.start, start + ref.end),
            instruction: from,
            message: near
              ? `\`$${ref.name}\` is not a declared ARG: did you mean \`$${near}\`?`
              : `\`$${ref.name}\` is not declared: add \`ARG ${ref.name}=…\` before the first FROM.`,
            fixes,
          });
        }
      }
    }
  },
};

export default rule;
