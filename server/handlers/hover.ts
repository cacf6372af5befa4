import { Hover, MarkupKind, Position } from 'vscode-languageserver/node';
import { instructionHover } from '../../shared-rules/docs/instructions';
import { renderRuleHover } from '../../shared-rules/engine/docs';
import { instructionAt, Linter } from '../../shared-rules/engine/lint';
import { renderInstructionCost, renderStageCost } from '../../shared-rules/layer-cost/render';
import { LayerCosts } from '../../shared-rules/layer-cost/types';
import { rangeContains } from '../../shared-rules/text/types';
import { Analysis } from '../document-store';

/**
 * On a finding: the rule's explanation. On an instruction keyword: what the
 * instruction does, the layer it adds with its estimated size and basis, and
 * what invalidates its cache.
 */
export function hover(analysis: Analysis, linter: Linter, position: Position, costs?: () => LayerCosts): Hover | null {
  const { model, findings } = analysis.result;
  const parts: string[] = [];
  for (const f of findings) {
    if (!rangeContains(f.range, position)) continue;
    const rule = linter.rule(f.ruleId);
    parts.push(`${f.message}\n\n${rule ? renderRuleHover(rule) : ''}`);
  }
  const instr = instructionAt(model, position);
  if (instr && rangeContains(instr.keywordRange, position)) {
    const about = instructionHover(instr.keyword);
    const all = costs?.();
    if (instr.keyword === 'FROM' && all) {
      const stage = all.stage(instr.stageIndex);
      parts.push([about, stage ? renderStageCost(stage, all) : ''].filter(Boolean).join('\n\n'));
    } else {
      const cost = all?.forInstruction(instr.index);
      if (cost && about) parts.push(`${about.split('\n\n')[0]}\n\n${renderInstructionCost(cost, all?.stageShipped(instr.stageIndex))}`);
      else if (about) parts.push(about);
    }
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
}
