import { approx, formatBytes, formatCount } from './format';
import { InstructionCost, LayerCosts, StageCost } from './types';

/** Markdown for the hover on an instruction: the estimate, its basis, and what invalidates the cache. */
/** Markdown for an instruction's layer; `shipped`: whether its stage ends up in the image (undefined: outside any stage). */
export function renderInstructionCost(cost: InstructionCost, shipped: boolean | undefined): string {
  const lines: string[] = [];
  const d = cost.detail;
  if (!cost.createsLayer) lines.push('**No filesystem layer** — costs no bytes.');
  else if (d?.kind === 'apt') {
    const what = d.requested.length ? `${d.requested.slice(0, 3).join(', ')}${d.requested.length > 3 ? ', …' : ''} + ${Math.max(0, d.packageCount - d.requested.length)} dependencies` : 'no packages';
    lines.push(`**Adds ${approx(cost.bytes ?? 0)}** in a new filesystem layer (apt: ${what}; ${d.basis}, relative to a debian:bookworm-slim baseline).`);
    const parts: string[] = [];
    if (d.withoutRecommendsBytes !== undefined) parts.push(`with \`--no-install-recommends\`: ${approx(d.withoutRecommendsBytes)}`);
    if (d.listsBytes > 0) parts.push(`\`apt-get update\` lists add ${approx(d.listsBytes)} unless removed in this RUN`);
    if (d.debCacheBytes > 0) parts.push(`downloaded .debs add ${approx(d.debCacheBytes)} unless \`apt-get clean\` runs in this RUN`);
    if (parts.length) lines.push('', ...parts.map((p) => `- ${p[0].toUpperCase()}${p.slice(1)}`));
    if (d.top.length) lines.push('', `Largest packages: ${d.top.slice(0, 6).map((p) => `\`${p.name}\` ${formatBytes(p.bytes)}`).join(', ')}`);
    if (d.unknown.length) lines.push('', `Not counted (unknown to the package index): ${d.unknown.map((u) => `\`${u}\``).join(', ')}`);
  } else if (d?.kind === 'context') {
    const src = d.sources.map((s) => `\`${s}\``).join(', ');
    lines.push(`**Copies ${d.truncated ? '≥ ' + formatBytes(cost.bytes ?? 0) : approx(cost.bytes ?? 0)}** into a new filesystem layer from the build context (${src}; ${formatCount(d.files)} file${d.files === 1 ? '' : 's'}${d.truncated ? ', walk truncated: at least this much' : ''}, ${d.dockerignore ? 'after .dockerignore' : 'no .dockerignore'}).`);
    if (d.top.length) lines.push('', `Largest: ${d.top.slice(0, 5).map((t) => `\`${t.path}\` ${formatBytes(t.bytes)}`).join(', ')}`);
  } else if (d?.kind === 'unknown') {
    lines.push(`**Adds a filesystem layer of unknown size.** ${d.reason}`);
    if (d.items.length) lines.push('', `Involved: ${d.items.slice(0, 10).map((i) => `\`${i}\``).join(', ')}`);
  }
  if (shipped === false) lines.push('', '_This stage is not part of the final image: it costs build time, not image size._');
  lines.push('', `*Cache:* ${cost.cache}`);
  return lines.join('\n');
}

function total(bytes: number, complete: boolean): string {
  return complete ? approx(bytes) : `≥ ${formatBytes(bytes)}`;
}

/** Markdown for the hover on FROM: the base and the stage total. */
export function renderStageCost(stage: StageCost, costs: LayerCosts): string {
  const lines: string[] = [];
  const b = stage.baseDetail;
  if (b) {
    const sizes: string[] = [];
    if (b.uncompressedBytes !== undefined) sizes.push(`${formatBytes(b.uncompressedBytes)} on disk`);
    if (b.compressedBytes !== undefined) sizes.push(`${formatBytes(b.compressedBytes)} compressed download`);
    lines.push(sizes.length ? `**Base \`${b.image}\`:** ${sizes.join(', ')}${b.measuredOn && b.measuredOn !== b.image ? ` (measured on \`${b.measuredOn}\`)` : ''}${b.approximate ? ', approximate' : ''}.` : `**Base \`${b.image}\`:** size not in the bundled table.`);
    if (b.source) lines.push(`_Source: ${b.source}_`);
  } else if (stage.baseBytes === 0) lines.push('**Base `scratch`:** empty, 0 bytes.');
  else lines.push(`**Builds on stage \`${stage.base}\`** (${total(stage.baseBytes ?? 0, stage.baseBytes !== null)}).`);
  const layers = stage.instructions.filter((i) => i.createsLayer);
  const unknown = layers.filter((i) => i.bytes === null).length;
  lines.push('', `**Stage total ${total(stage.totalBytes, stage.complete)}**: base${stage.baseBytes === null ? ' (size unknown, not counted)' : ''} + ${layers.length} layer${layers.length === 1 ? '' : 's'}${unknown ? `, ${unknown} of unknown size` : ''}.`);
  if (stage.final) lines.push('', `**Image total ${total(costs.imageBytes, costs.imageComplete)}** (the final stage and the stages it builds on).`);
  else if (!stage.shipped) lines.push('', '_Not part of the final image: earlier stages cost build time, not image size._');
  return lines.join('\n');
}

/** Short label for an inlay hint / code lens at the end of a line. */
export function inlayLabel(cost: InstructionCost): string | undefined {
  if (!cost.createsLayer || cost.bytes === null) return undefined;
  return approx(cost.bytes);
}

export function stageLabel(stage: StageCost, costs: LayerCosts): string {
  if (stage.final) return `image ${total(costs.imageBytes, costs.imageComplete)}`;
  return `stage ${total(stage.totalBytes, stage.complete)}${stage.shipped ? '' : ' (build only)'}`;
}
