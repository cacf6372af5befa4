import { resolve } from 'node:path';
import { computeLayerCosts } from '../../shared-rules/layer-cost/model';
import { formatBytes } from '../../shared-rules/layer-cost/format';
import { CostDetail, LayerCosts } from '../../shared-rules/layer-cost/types';
import { parseDockerfile } from '../../shared-rules/model/parse';
import { DockerfileModel } from '../../shared-rules/model/types';
import { loadDebianTable } from '../../shared-rules/platform/node/debian-table';
import { ContextSizes } from '../context-sizes';

/** The public JSON shape of `layerwise layers --format json`: keep it stable. */
export interface LayersJson {
  file: string;
  stages: {
    name: string | null;
    base: string;
    baseBytes: number | null;
    final: boolean;
    instructions: { line: number; keyword: string; createsLayer: boolean; bytes: number | null; basis: 'apt' | 'context' | 'base-image' | null; detail: CostDetail | Record<string, never> }[];
    totalBytes: number;
  }[];
  imageBytes: number;
}

export async function computeForFile(file: string, text: string): Promise<{ model: DockerfileModel; costs: LayerCosts }> {
  const model = parseDockerfile(text);
  const sizes = file === '-' ? undefined : new ContextSizes(resolve(file));
  await sizes?.ensure(model);
  const costs = computeLayerCosts(model, { aptTable: loadDebianTable(), contextSize: sizes?.lookup });
  return { model, costs };
}

export function layersJson(file: string, costs: LayerCosts): LayersJson {
  return {
    file,
    stages: costs.stages.map((s) => ({
      name: s.name ?? null,
      base: s.base,
      baseBytes: s.baseBytes,
      final: s.final,
      instructions: s.instructions.map((c) => ({
        line: c.instruction.startLine,
        keyword: c.instruction.keyword,
        createsLayer: c.createsLayer,
        bytes: c.bytes,
        basis: c.basis,
        detail: c.detail ?? {},
      })),
      totalBytes: s.totalBytes,
    })),
    imageBytes: costs.imageBytes,
  };
}

function contributors(d: CostDetail | undefined): string {
  if (!d) return '';
  switch (d.kind) {
    case 'apt':
      return d.top.slice(0, 3).map((p) => `${p.name} ${formatBytes(p.bytes)}`).join(', ') + (d.listsBytes ? `${d.top.length ? ', ' : ''}apt lists ${formatBytes(d.listsBytes)}` : '');
    case 'context':
      return d.top.slice(0, 3).map((t) => `${t.path} ${formatBytes(t.bytes)}`).join(', ');
    case 'unknown':
      return d.items.length ? `unknown: ${d.items.slice(0, 3).join(', ')}` : d.reason.split(':')[0];
    default:
      return '';
  }
}

export function layersText(file: string, model: DockerfileModel, costs: LayerCosts): string {
  const out: string[] = [`${file}`];
  for (const s of costs.stages) {
    const stage = model.stages[s.stageIndex];
    const compressed = s.baseDetail?.compressedBytes;
    const base = s.baseBytes !== null ? formatBytes(s.baseBytes) : compressed !== undefined ? `on-disk size unknown (${formatBytes(compressed)} compressed download${s.baseDetail?.measuredOn && s.baseDetail.measuredOn !== s.base ? `, measured on ${s.baseDetail.measuredOn}` : ''})` : 'size unknown';
    out.push('', `stage ${s.stageIndex}${s.name ? ` (${s.name})` : ''} FROM ${s.base}: base ${base}${s.final ? ' — final image' : s.shipped ? ' — part of the image' : ' — build only, not in the image'}`);
    out.push(`  ${'line'.padEnd(6)}${'instruction'.padEnd(44)}${'layer'.padEnd(7)}${'bytes'.padStart(10)}  ${'basis'.padEnd(10)} top contributors`);
    for (const c of s.instructions) {
      const text = model.text.slice(c.instruction.start, model.lines.lineEnd(c.instruction.startLine)).replace(/\s+/g, ' ');
      const bytes = !c.createsLayer ? '-' : c.bytes === null ? '?' : formatBytes(c.bytes);
      out.push(`  ${String(c.instruction.startLine + 1).padEnd(6)}${(text.length > 42 ? text.slice(0, 41) + '…' : text).padEnd(44)}${(c.createsLayer ? 'yes' : 'no').padEnd(7)}${bytes.padStart(10)}  ${(c.basis ?? '').padEnd(10)} ${contributors(c.detail)}`);
    }
    out.push(`  stage total ${s.complete ? '≈' : '≥'} ${formatBytes(s.totalBytes)}${stage?.windows ? ' (Windows stage)' : ''}`);
  }
  out.push('', `image ${costs.imageComplete ? '≈' : '≥'} ${formatBytes(costs.imageBytes)} (final stage and the stages it builds on; '?' = no data, not counted)`);
  return out.join('\n');
}
