/**
 * Layerwise core: the Dockerfile model, the shell model, the rule engine and
 * the rules. Transport-free: nothing here knows about LSP or VS Code.
 */
export * from './text/types';
export { LineIndex } from './text/line-index';
export { applyEdits } from './text/edits';
export * from './model/types';
export { parseDockerfile, logicalLineOf } from './model/parse';
export { finalStage, imageStages, stageOf } from './model/stages';
export { runScripts, shellFormScript } from './shell/run-scripts';
export * from './engine/types';
export { Linter, LintConfig, LintResult, effectiveSeverity, instructionAt } from './engine/lint';
export { fixAll, FixAllResult } from './engine/fix-all';
export { renderRuleMarkdown, renderRuleHover, ruleDocUrl, equivalentsText } from './engine/docs';
export { allRules } from './rules/index';

import { Linter } from './engine/lint';
import { allRules } from './rules/index';

let shared: Linter | undefined;

/** The linter with every built-in rule. */
export function defaultLinter(): Linter {
  shared ??= new Linter(allRules);
  return shared;
}
