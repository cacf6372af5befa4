import { Rule } from '../../engine/types';
import { removeInstructionEdit } from '../../fixes/remove-text';
import { Instruction } from '../../model/types';

const ONCE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

const rule: Rule = {
  meta: {
    id: 'multiple-cmd-entrypoint-healthcheck',
    scope: 'stage',
    mentionsLines: true,
    category: 'correctness',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { hadolint: ['DL4003', 'DL4004', 'DL3012'], buildkit: ['MultipleInstructionsDisallowed'] },
    docs: {
      summary: 'More than one CMD, ENTRYPOINT or HEALTHCHECK in a stage: only the last one counts.',
      why:
        'CMD, ENTRYPOINT and HEALTHCHECK each set one field of the image configuration; a later one silently replaces an earlier one in the same stage. The earlier instruction does nothing, yet reads as if it did — usually a leftover from editing, or two commands someone expected to both run.',
      bad: 'FROM python:3.13-slim\nCMD ["python", "migrate.py"]\nCMD ["python", "app.py"]\n',
      good: 'FROM python:3.13-slim\nCMD ["python", "app.py"]\n',
      fix: 'Removes the earlier instruction, which had no effect. Safe: the image configuration is the same. (To run two commands, use a script as the single CMD/ENTRYPOINT.)',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      for (const keyword of ONCE) {
        const list: Instruction[] = stage.instructions.filter((i) => i.keyword === keyword);
        for (const earlier of list.slice(0, -1)) {
          const last = list[list.length - 1];
          ctx.report({
            range: earlier.keywordRange,
            instruction: earlier,
            tags: ['unnecessary'],
            message: `Remove this ${keyword}: the ${keyword} on line ${last.startLine + 1} replaces it, only the last one in a stage counts.`,
            fixes: [{ title: `Remove the ignored ${keyword}`, safe: true, edits: [removeInstructionEdit(model, earlier)] }],
          });
        }
      }
    }
  },
};

export default rule;
