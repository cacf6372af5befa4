import { Rule } from '../../engine/types';
import { flagSignature, mergeable, mergeRunsEdit } from '../../fixes/merge-runs';
import { Instruction } from '../../model/types';

/** A RUN with at most this many commands is cheap to fold into its neighbour. */
const SMALL_RUN = 2;

const rule: Rule = {
  meta: {
    id: 'merge-consecutive-runs',
    scope: 'stage',
    category: 'size',
    severity: 'info',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3059'] },
    docs: {
      summary: 'Two or more consecutive RUN instructions with the same flags that could be one layer (at least one of them small).',
      why:
        'Every RUN adds a filesystem layer. Files created in one layer and removed in a later one still ship in the first, and each layer adds metadata, a tar stream to push and pull, and a cache entry. Consecutive RUNs with the same flags can almost always be one RUN, so temporary files (downloads, package lists) can be deleted in the same layer that made them.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n',
      fix: 'Joins the commands with ` && \\` continuations into the first RUN, keeping its flags and indentation; comments that stood between the RUNs move above it. RUNs with different flags (e.g. different `--mount`s), heredocs, exec form or a trailing shell comment are never merged. Safe: the commands run in the same order and the merged RUN fails exactly when one of the originals would have.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      if (stage.windows) continue;
      let group: Instruction[] = [];
      const flush = () => {
        // Separate RUNs that each do substantial, self-contained work (the
        // official images' style) cost a few KB of metadata at most; tiny RUNs
        // are the ones worth folding together.
        const worthIt = group.some((g) => (ctx.scripts(g).main?.commands.filter((c) => !c.inSubstitution).length ?? 0) <= SMALL_RUN);
        if (group.length >= 2 && worthIt) {
          const second = group[1];
          ctx.report({
            range: second.keywordRange,
            instruction: second,
            message: `${group.length} consecutive RUN instructions could be one layer: merge them with \`&&\`.`,
            fixes: [{ title: `Merge ${group.length} RUN instructions into one`, safe: true, edits: [mergeRunsEdit(model, group)] }],
          });
        }
        group = [];
      };
      for (const instr of stage.instructions) {
        if (!mergeable(model, instr)) {
          flush();
          continue;
        }
        if (group.length > 0 && flagSignature(group[0].flags) !== flagSignature(instr.flags)) flush();
        group.push(instr);
      }
      flush();
    }
  },
};

export default rule;
