import { isBuilderArg } from '../../analysis/variable-scope';
import { Rule } from '../../engine/types';
import { removeInstructionEdit, removeSpanEdit } from '../../fixes/remove-text';
import { keyValuePairs } from '../../model/key-values';
import { findVariableRefs } from '../../model/variables';

const rule: Rule = {
  meta: {
    id: 'unused-global-arg',
    category: 'correctness',
    severity: 'info',
    fixable: 'safe',
    equivalents: { note: 'moby/buildkit#5134 (asked)' },
    docs: {
      summary: 'A global ARG (before the first FROM) that no FROM uses and no stage re-declares.',
      why:
        'A global ARG is visible only to FROM lines. If no FROM uses it and no stage brings it in with `ARG NAME`, it does nothing: `--build-arg NAME=…` is silently ignored, and readers assume the value reaches the build. Usually the stage forgot its `ARG NAME` line.',
      bad: 'ARG APP_VERSION=1.0\nFROM alpine:3.22\nRUN echo "building"\n',
      good: 'ARG APP_VERSION=1.0\nFROM alpine:3.22\nARG APP_VERSION\nRUN echo "building $APP_VERSION"\n',
      fix: 'Removes the ARG (or just that name, when the ARG declares several). Safe: it had no effect on the build.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    if (model.globalArgs.length === 0) return;
    const globals = model.globalArgs.flatMap((instr) => keyValuePairs(model, instr).map((kv) => ({ instr, kv })));
    // Names that would be reported unless some stage uses them: once none is left the file has nothing to report,
    // so a keystroke does not walk every stage of a file whose global ARGs are all used early on.
    const pending = new Set<string>();
    for (const { kv } of globals) if (!isBuilderArg(kv.name)) pending.add(kv.name);
    const used = new Set<string>();
    const use = (name: string) => {
      used.add(name);
      pending.delete(name);
    };
    for (const stage of model.stages) {
      if (pending.size === 0) return;
      for (const text of [stage.from.args[0]?.raw ?? '', stage.platform?.value ?? '']) for (const r of findVariableRefs(text, model.escape)) use(r.name);
      for (const instr of stage.instructions) if (instr.keyword === 'ARG') for (const kv of keyValuePairs(model, instr)) use(kv.name);
    }
    // A global ARG used in the default of another global ARG that is itself used counts as used.
    for (let k = globals.length - 1; k >= 0; k--) {
      const { kv } = globals[k];
      if (!used.has(kv.name) || kv.raw === undefined) continue;
      for (const r of findVariableRefs(kv.raw, model.escape)) used.add(r.name);
    }
    for (const { instr, kv } of globals) {
      if (used.has(kv.name) || isBuilderArg(kv.name)) continue;
      const pairs = keyValuePairs(model, instr);
      const allUnused = pairs.every((p) => !used.has(p.name) && !isBuilderArg(p.name));
      const edit = allUnused ? removeInstructionEdit(model, instr) : removeSpanEdit(model, kv.start, kv.end);
      ctx.report({
        range: kv.nameRange,
        instruction: instr,
        tags: ['unnecessary'],
        message: `Global ARG \`${kv.name}\` is used by no FROM and re-declared by no stage: add \`ARG ${kv.name}\` to the stage that needs it, or remove it.`,
        fixes: [{ title: `Remove ARG ${kv.name}`, safe: true, edits: [edit] }],
      });
    }
  },
};

export default rule;
