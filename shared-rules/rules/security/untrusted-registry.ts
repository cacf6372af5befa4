import { Rule } from '../../engine/types';
import { splitReference } from '../../model/image-ref';
import { Range } from '../../text/types';

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);

function normalize(registry: string | undefined): string {
  const r = (registry ?? 'docker.io').toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');
  return DOCKER_HUB.has(r) ? 'docker.io' : r;
}

/** `gcr.io`, `registry.example.com:5000`, or `*.example.com` for any subdomain. */
function trusted(registry: string, list: readonly string[]): boolean {
  return list.some((entry) => {
    const e = normalize(entry.trim());
    if (e.startsWith('*.')) return registry.endsWith(e.slice(1));
    return registry === e;
  });
}

const rule: Rule = {
  meta: {
    id: 'untrusted-registry',
    category: 'security',
    severity: 'warning',
    fixable: 'none',
    equivalents: { hadolint: ['DL3026'] },
    docs: {
      summary: 'A base image (FROM, or `COPY --from=<image>`) from a registry that is not in the configured trusted list. Silent until `trustedRegistries` is configured.',
      why:
        'Organisations that mirror and scan their base images want every build to pull from those mirrors; one `FROM` that reaches out to another registry bypasses the scanning, the licence review and the availability guarantees. Docker Hub counts as `docker.io`; `*.example.com` trusts every subdomain.',
      bad: 'FROM quay.io/prometheus/busybox:glibc\n',
      good: 'FROM docker.io/library/busybox:1.37\n',
      fix: 'None: switch to the mirrored image in a trusted registry, or add the registry to `trustedRegistries`.',
    },
  },
  check(ctx) {
    const list = ctx.options.trustedRegistries;
    if (!list || list.length === 0) return;
    const { model } = ctx;
    const check = (ref: string, range: Range, instr: (typeof model.instructions)[number]) => {
      const registry = normalize(splitReference(ref).registry);
      if (trusted(registry, list)) return;
      ctx.report({ range, instruction: instr, message: `\`${registry}\` is not a trusted registry: use an image from ${list.map((r) => `\`${r}\``).join(', ')}.` });
    };
    for (const stage of model.stages) {
      const img = stage.image;
      if (!img || (stage.baseKind !== 'image' && stage.baseKind !== 'variable')) continue;
      if (stage.baseKind === 'variable' && (img.unresolved || img.resolved.trim() === '' || img.resolved.toLowerCase() === 'scratch')) continue;
      check(img.resolved, img.nameRange ?? img.range, stage.from);
    }
    const stageNames = new Set(model.stages.map((s) => s.name).filter((n): n is string => n !== undefined));
    for (const instr of model.instructions) {
      if (instr.keyword !== 'COPY') continue;
      const from = instr.flags.find((f) => f.name === 'from');
      const value = from?.value;
      if (!from?.valueRange || !value || value.includes('$') || /^\d+$/.test(value) || stageNames.has(value.toLowerCase())) continue;
      check(value, from.valueRange, instr);
    }
  },
};

export default rule;
