import { CodeLens, InlayHint, InlayHintKind, MarkupKind, Range } from 'vscode-languageserver/node';
import { inlayLabel, renderInstructionCost, renderStageCost, stageLabel } from '../../shared-rules/layer-cost/render';
import { LayerCosts } from '../../shared-rules/layer-cost/types';
import { DockerfileModel } from '../../shared-rules/model/types';

interface Annotation {
  line: number;
  character: number;
  label: string;
  tooltip: string;
}

/** One annotation per layer with an estimate (end of its first line) and per FROM (the stage total). */
function annotations(model: DockerfileModel, costs: LayerCosts, range: Range | undefined): Annotation[] {
  const out: Annotation[] = [];
  const inRange = (line: number) => !range || (line >= range.start.line && line <= range.end.line);
  for (const stage of costs.stages) {
    const from = model.stages[stage.stageIndex]?.from;
    if (from && inRange(from.startLine)) {
      out.push({ line: from.startLine, character: model.lines.lineEnd(from.startLine) - model.lines.lineStart(from.startLine), label: stageLabel(stage, costs), tooltip: renderStageCost(stage, costs) });
    }
    for (const c of stage.instructions) {
      const label = inlayLabel(c);
      const line = c.instruction.startLine;
      if (!label || !inRange(line)) continue;
      out.push({ line, character: model.lines.lineEnd(line) - model.lines.lineStart(line), label, tooltip: renderInstructionCost(c, stage) });
    }
  }
  return out;
}

export function inlayHints(model: DockerfileModel, costs: LayerCosts, range: Range): InlayHint[] {
  return annotations(model, costs, range).map((a) => ({
    position: { line: a.line, character: a.character },
    label: a.label,
    kind: InlayHintKind.Type,
    paddingLeft: true,
    tooltip: { kind: MarkupKind.Markdown, value: a.tooltip },
  }));
}

export function codeLenses(model: DockerfileModel, costs: LayerCosts): CodeLens[] {
  return annotations(model, costs, undefined).map((a) => ({
    range: { start: { line: a.line, character: 0 }, end: { line: a.line, character: 0 } },
    command: { title: a.label, command: '' },
  }));
}
