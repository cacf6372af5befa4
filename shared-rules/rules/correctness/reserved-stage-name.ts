import { renameStageEdits } from '../../analysis/stage-refs';
import { Rule } from '../../engine/types';

const RESERVED = new Set(['scratch', 'context']);

const rule: Rule = {
  meta: {
    id: 'reserved-stage-name',
    category: 'correctness',
    severity: 'error',
    fixable: 'unsafe',
    equivalents: { hadolint: ['DL3063'], buildkit: ['ReservedStageName'] },
    docs: {
      summary: 'A stage named `scratch` or `context`.',
      why:
        '`scratch` is the empty base image and `context` is the build context in `--build-context` and `COPY --from`. A stage with one of these names shadows the built-in meaning: `FROM scratch` may start from your stage instead of an empty image, and named contexts stop working as documented. BuildKit reports it (ReservedStageName).',
      bad: 'FROM alpine:3.22 AS scratch\nRUN echo hi\n',
      good: 'FROM alpine:3.22 AS base\nRUN echo hi\n',
      fix: 'Renames the stage (`scratch` → `scratch-stage`) and the later references to it. Unsafe: `--target` options outside the Dockerfile need the same change, and a later `FROM scratch` that meant the empty image would need a look.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      if (!stage.name || !stage.nameRange || !RESERVED.has(stage.name)) continue;
      const fresh = `${stage.name}-stage`;
      ctx.report({
        range: stage.nameRange,
        instruction: stage.from,
        message: `\`${stage.name}\` is reserved: rename the stage (e.g. \`${fresh}\`).`,
        fixes: [{ title: `Rename the stage to \`${fresh}\``, safe: false, edits: renameStageEdits(model, stage, fresh) }],
      });
    }
  },
};

export default rule;
