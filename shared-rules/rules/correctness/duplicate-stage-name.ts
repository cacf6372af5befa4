import { renameStageEdits } from '../../analysis/stage-refs';
import { Rule } from '../../engine/types';

const rule: Rule = {
  meta: {
    id: 'duplicate-stage-name',
    category: 'correctness',
    severity: 'error',
    fixable: 'unsafe',
    equivalents: { hadolint: ['DL3024'], buildkit: ['DuplicateStageName'] },
    docs: {
      summary: 'Two stages with the same `AS` name.',
      why:
        'A stage name must identify one stage. With two stages of the same name, `--target`, `COPY --from` and `FROM <name>` silently pick one of them (BuildKit the later, the classic builder rejects the file), so the other stage is built for nothing or the wrong files are copied.',
      bad: 'FROM node:22 AS build\nRUN npm --version\nFROM node:22-slim AS build\nRUN node --version\n',
      good: 'FROM node:22 AS build\nRUN npm --version\nFROM node:22-slim AS runtime\nRUN node --version\n',
      fix: 'Renames the later stage (`build` → `build-2`) and the references after it, which BuildKit resolved to that later stage. Unsafe: `--target` options in scripts or CI that name the stage need the same change.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const names = new Set(model.stages.map((s) => s.name).filter((n): n is string => n !== undefined));
    const seen = new Set<string>();
    for (const stage of model.stages) {
      if (!stage.name || !stage.nameRange) continue;
      if (!seen.has(stage.name)) {
        seen.add(stage.name);
        continue;
      }
      let k = 2;
      while (names.has(`${stage.name}-${k}`)) k++;
      const fresh = `${stage.name}-${k}`;
      ctx.report({
        range: stage.nameRange,
        instruction: stage.from,
        message: `Stage name \`${stage.name}\` is already used by an earlier stage: give this stage a unique name.`,
        fixes: [{ title: `Rename this stage to \`${fresh}\``, safe: false, edits: renameStageEdits(model, stage, fresh) }],
      });
    }
  },
};

export default rule;
