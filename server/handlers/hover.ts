import { Hover, MarkupKind, Position } from 'vscode-languageserver/node';
import { instructionHover } from '../../shared-rules/docs/instructions';
import { renderRuleHover } from '../../shared-rules/engine/docs';
import { instructionAt } from '../../shared-rules/engine/lint';
import { Linter } from '../../shared-rules/engine/lint';
import { rangeContains } from '../../shared-rules/text/types';
import { Analysis } from '../document-store';

/** Rule explanations on a finding's range; layer behaviour on instruction keywords. */
export function hover(analysis: Analysis, linter: Linter, position: Position): Hover | null {
  const { model, findings } = analysis.result;
  const parts: string[] = [];
  for (const f of findings) {
    if (!rangeContains(f.range, position)) continue;
    const rule = linter.rule(f.ruleId);
    parts.push(`${f.message}\n\n${rule ? renderRuleHover(rule) : ''}`);
  }
  const instr = instructionAt(model, position);
  if (instr && rangeContains(instr.keywordRange, position)) {
    const text = instructionHover(instr.keyword);
    if (text) parts.push(text);
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
}
