import { Rule } from '../../engine/types';
import { recommendedPinTag } from '../../data/base-images';

const rule: Rule = {
  meta: {
    id: 'pin-base-image-tag',
    scope: 'stage',
    category: 'security',
    severity: 'warning',
    fixable: 'unsafe',
    equivalents: { hadolint: ['DL3006', 'DL3007'], trivy: ['DS-0001'], checkov: ['CKV_DOCKER_7'] },
    docs: {
      summary: 'FROM without a tag, or with `:latest`.',
      why:
        '`latest` (which is what no tag means) moves whenever the publisher pushes: the same Dockerfile builds a different OS, runtime and set of CVEs from one day to the next, and a rebuild can break without any change on your side. A concrete tag makes builds reproducible and upgrades a reviewed change; a digest (`@sha256:…`) pins them exactly.',
      bad: 'FROM python\nRUN python --version\n',
      good: 'FROM python:3.13-slim\nRUN python --version\n',
      fix: 'Pins to a concrete, current tag from the bundled, dated table of popular official images (e.g. `ubuntu` → `ubuntu:24.04`), keeping registry and digest parts intact. Unsafe: the pinned version may differ from what `latest` gave you today. Stage names, `scratch` and bases whose ARG default is pinned are left alone.',
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const img = stage.image;
      if (!img || stage.baseKind === 'stage' || stage.baseKind === 'scratch') continue;
      if (img.digest) continue;
      if (img.tag !== undefined && img.tag !== 'latest') continue;
      if (stage.baseKind === 'variable') {
        // An ARG with no default is chosen at build time: nothing to say statically.
        if (img.unresolved || img.resolved.trim() === '') continue;
        ctx.report({
          range: img.range,
          instruction: stage.from,
          message: `The ARG default resolves to \`${img.resolved}\`, which is not pinned: give the ARG a default with a concrete tag.`,
        });
        continue;
      }
      const rec = recommendedPinTag({ registry: img.registry, repository: img.repository, tag: img.tag });
      const fixes = [];
      if (rec) {
        if (img.tag === 'latest' && img.tagRange) fixes.push({ title: `Pin to :${rec}`, safe: false, edits: [{ range: img.tagRange, newText: rec }] });
        else if (img.nameRange) fixes.push({ title: `Pin to :${rec}`, safe: false, edits: [{ range: { start: img.nameRange.end, end: img.nameRange.end }, newText: `:${rec}` }] });
      }
      const example = rec ? ` (e.g. \`${img.repository}:${rec}\`)` : '';
      ctx.report({
        range: img.tag === 'latest' && img.tagRange ? img.tagRange : img.nameRange ?? img.range,
        instruction: stage.from,
        message: img.tag === 'latest'
          ? `\`latest\` moves with every push: pin a concrete tag${example}.`
          : `No tag means \`latest\`, which moves with every push: pin a concrete tag${example}.`,
        fixes,
      });
    }
  },
};

export default rule;
