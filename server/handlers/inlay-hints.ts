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

/**
 * One annotation per layer with an estimate (end of its first line) and per
 * FROM (the stage total). With a range (inlay hints: the visible lines) only
 * what lies in it is computed: a stage total only for a FROM in the range.
 */
function annotations(model: DockerfileModel, costs: LayerCosts, range: Range | undefined): Annotation[] {
  const out: Annotation[] = [];
  const inRange = (line: number) => !range || (line >= range.start.line && line <= range.end.line);
  const endOf = (line: number) => model.lines.lineEnd(line) - model.lines.lineStart(line);
  for (const stage of model.stages) {
    const { from } = stage;
    if (inRange(from.startLine)) {
      const total = costs.stage(stage.index);
      if (total) out.push({ line: from.startLine, character: endOf(from.startLine), label: stageLabel(total, costs), tooltip: renderStageCost(total, costs) });
    }
    for (const instr of stage.instructions) {
      const line = instr.startLine;
      if (!inRange(line)) continue;
      const c = costs.forInstruction(instr.index);
      const label = c && inlayLabel(c);
      if (!c || !label) continue;
      out.push({ line, character: endOf(line), label, tooltip: renderInstructionCost(c, costs.stageShipped(stage.index)) });
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
