import { copyFromUses } from '../../analysis/copy-from';
import { nearestName } from '../../analysis/suggest';
import { Fix, Rule } from '../../engine/types';

const rule: Rule = {
  meta: {
    id: 'copy-from-unknown-stage',
    category: 'correctness',
    severity: 'error',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3022'] },
    docs: {
      summary: '`COPY --from=x` where x is neither an earlier stage, a valid stage index, nor an image.',
      why:
        '`--from` takes a stage name, a stage index or an image reference. A bare word that names no stage is looked up as the Docker Hub image `docker.io/library/x`, so a typo in a stage name fails the build with a confusing "pull access denied" — or worse, copies from an unrelated public image. A stage defined after the COPY (or an index out of range) fails with "needs to be defined before current stage".',
      bad: 'FROM golang:1.24 AS builder\nRUN go version\nFROM alpine:3.22\nCOPY --from=biulder /usr/local/go/VERSION /\n',
      good: 'FROM golang:1.24 AS builder\nRUN go version\nFROM alpine:3.22\nCOPY --from=builder /usr/local/go/VERSION /\n',
      fix: 'Replaces the value with the nearest earlier stage name, when one is close enough to be a typo. Safe: the unknown name could not build anyway.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const { stage, instr, value, valueRange, target } of copyFromUses(model)) {
      let message: string;
      const fixes: Fix[] = [];
      if (target.kind === 'later') message = `Stage \`${value}\` is defined after this stage: move it above, a stage can only copy from earlier stages.`;
      else if (target.kind === 'bad-index') message = `There is no stage ${target.index}: use the name or index (0–${Math.max(0, stage.index - 1)}) of an earlier stage.`;
      else if (target.kind === 'unknown') {
        const earlierNames = model.stages.filter((s) => s.index < stage.index && s.name !== undefined).map((s) => s.name as string);
        const near = nearestName(value, earlierNames);
        message = near
          ? `No stage is named \`${value}\` (and it is no image): did you mean \`${near}\`?`
          : `No earlier stage is named \`${value}\`, and it is not an image: name an earlier stage or a full image reference.`;
        if (near) fixes.push({ title: `Change to \`${near}\``, safe: true, edits: [{ range: valueRange, newText: near }] });
      } else continue;
      ctx.report({ range: valueRange, instruction: instr, message, fixes });
    }
  },
};

export default rule;
