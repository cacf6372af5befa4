import { Rule } from '../../engine/types';
import { splitReference } from '../../model/image-ref';

const rule: Rule = {
  meta: {
    id: 'pin-base-image-digest',
    scope: 'stage',
    category: 'security',
    severity: 'hint',
    enabledByDefault: false,
    fixable: 'none',
    equivalents: { note: 'hadolint#1227 (asked, open)' },
    docs: {
      summary: 'FROM pinned by tag only, without a `@sha256:` digest.',
      why:
        'Tags are mutable: `python:3.13-slim` is re-pushed for every patch release and base-image rebuild, and a compromised or mistaken push lands in your next build unnoticed. A digest names exactly one image, so builds are reproducible and a change of base is a reviewed diff (tools such as Renovate or Dependabot keep digests current). Off by default: pinning digests is a policy choice that needs such automation.',
      bad: 'FROM python:3.13-slim\n',
      good: 'FROM python:3.13-slim@sha256:0f7b4bd2a5ec06b46e9bd9a1c9b2d4b1a6d1e8a3f4f0b6a6c2e1d0c9b8a7f6e5\n',
      fix: 'None offline: the digest must come from the registry (`docker buildx imagetools inspect python:3.13-slim`).',
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const img = stage.image;
      if (!img || (stage.baseKind !== 'image' && stage.baseKind !== 'variable')) continue;
      if (stage.baseKind === 'variable' && (img.unresolved || img.resolved.trim() === '')) continue;
      const parts = stage.baseKind === 'variable' ? splitReference(img.resolved) : img;
      // No tag or `latest` is pin-base-image-tag's finding.
      if (parts.digest || parts.tag === undefined || parts.tag === 'latest') continue;
      ctx.report({
        range: img.tagRange ?? img.range,
        instruction: stage.from,
        message: `\`${img.resolved}\` can change under the same tag: pin it by digest too (\`@sha256:…\`).`,
      });
    }
  },
};

export default rule;
