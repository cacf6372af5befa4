import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll } from '../../shared-rules/engine/fix-all';
import { LintConfig, Linter } from '../../shared-rules/engine/lint';
import { Finding, HostInfo } from '../../shared-rules/engine/types';
import { LineIndex } from '../../shared-rules/text/line-index';
import { TextEdit } from '../../shared-rules/text/types';
import { quickFix, toDiagnostic, toLspEdits } from '../convert';
import { Analysis } from '../document-store';
import { anySafeFix, findingsAt, sameFinding } from './findings-at';

export const FIX_ALL_KIND = 'source.fixAll.layerwise';

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/** The smallest single edit turning `before` into `after`: fix-all must not touch unrelated text. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  const index = new LineIndex(before);
  return { range: index.rangeOf(start, endB), newText: after.slice(start, endA) };
}

function ignoreActions(analysis: Analysis, uri: string, f: Finding, diagnostic: Diagnostic): CodeAction[] {
  const { model } = analysis.result;
  const out: CodeAction[] = [];
  const instr = f.instructionIndex !== undefined ? model.instructions[f.instructionIndex] : undefined;
  if (instr) {
    const indent = /^[ \t]*/.exec(model.lines.lineText(instr.startLine))?.[0] ?? '';
    out.push({
      title: `Ignore ${f.ruleId} for this instruction`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [{ range: { start: { line: instr.startLine, character: 0 }, end: { line: instr.startLine, character: 0 } }, newText: `${indent}# layerwise ignore=${f.ruleId}\n` }] } },
    });
  }
  const afterDirectives = model.directives.length ? Math.max(...model.directives.map((d) => d.range.end.line)) + 1 : 0;
  out.push({
    title: `Ignore ${f.ruleId} in this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [{ range: { start: { line: afterDirectives, character: 0 }, end: { line: afterDirectives, character: 0 } }, newText: `# layerwise global ignore=${f.ruleId}\n` }] } },
  });
  return out;
}

/** What a deferred fix-all action carries until `codeAction/resolve` computes its edit. */
interface FixAllData {
  fixAll: { uri: string; version: number };
}

function isFixAllData(data: unknown): data is FixAllData {
  return typeof data === 'object' && data !== null && typeof (data as FixAllData).fixAll?.uri === 'string';
}

function fixAllAction(doc: TextDocument, linter: Linter, config: LintConfig, host: HostInfo): CodeAction | undefined {
  const text = doc.getText();
  const result = fixAll(linter, text, config, host);
  const edit = minimalEdit(text, result.text);
  if (!edit) return undefined;
  return {
    title: `Fix all auto-fixable Layerwise problems (${result.applied.length})`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [doc.uri]: toLspEdits([edit]) } },
  };
}

/**
 * Fills in a deferred fix-all action: fixing everything re-lints the file
 * after each round, far too slow for the light bulb, so when the client can
 * resolve actions the edit is only computed once the user picks it.
 */
export function resolveCodeAction(action: CodeAction, doc: TextDocument | undefined, linter: Linter, config: LintConfig, host: HostInfo): CodeAction {
  if (!isFixAllData(action.data) || !doc || doc.uri !== action.data.fixAll.uri) return action;
  const full = fixAllAction(doc, linter, config, host);
  return full ? { ...action, edit: full.edit } : action;
}

export function codeActions(analysis: Analysis, doc: TextDocument, params: CodeActionParams, linter: Linter, config: LintConfig, host: HostInfo, deferFixAll = false): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const { findings } = analysis.result;
  if (wants(only, CodeActionKind.QuickFix)) {
    // Each with the diagnostic the client sent for it, else its own.
    const relevant = findingsAt(findings, params.range, params.context.diagnostics).map((f) => ({ f, diagnostic: params.context.diagnostics.find((d) => sameFinding(f, d)) ?? toDiagnostic(f) }));
    for (const { f, diagnostic } of relevant) {
      const preferredIndex = f.fixes.findIndex((x) => x.safe);
      f.fixes.forEach((fix, i) => actions.push(quickFix(doc.uri, doc.version, fix, diagnostic, i === (preferredIndex === -1 ? 0 : preferredIndex))));
    }
    // Ignore actions after every fix.
    for (const { f, diagnostic } of relevant) actions.push(...ignoreActions(analysis, doc.uri, f, diagnostic));
  }
  const fixAllRequested = only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(o + '.') || o === CodeActionKind.SourceFixAll);
  const safeFixes = anySafeFix(findings);
  if (!fixAllRequested && !only && safeFixes && deferFixAll) {
    actions.push({ title: 'Fix all auto-fixable Layerwise problems', kind: FIX_ALL_KIND, data: { fixAll: { uri: doc.uri, version: doc.version } } satisfies FixAllData });
  } else if (fixAllRequested || (!only && safeFixes)) {
    const action = fixAllAction(doc, linter, config, host);
    if (action) actions.push(action);
  }
  return actions;
}
