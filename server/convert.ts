import { CodeAction, CodeActionKind, CreateFile, Diagnostic, DiagnosticSeverity, DiagnosticTag, TextDocumentEdit, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { URI, Utils } from 'vscode-uri';
import { ruleDocUrl } from '../shared-rules/engine/docs';
import { Finding, Fix, Severity, Tag } from '../shared-rules/engine/types';
import { TextEdit } from '../shared-rules/text/types';

/** The only place that turns core results into LSP types. */
const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAG: Record<Tag, DiagnosticTag> = { unnecessary: DiagnosticTag.Unnecessary, deprecated: DiagnosticTag.Deprecated };

export function toDiagnostic(f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocUrl(f.ruleId) },
    source: 'layerwise',
    message: f.message,
  };
  if (f.tags.length) d.tags = f.tags.map((t) => TAG[t]);
  return d;
}

export function toLspEdits(edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: e.range, newText: e.newText }));
}

export function workspaceEditFor(uri: string, version: number, fix: Pick<Fix, 'edits' | 'createFiles'>): WorkspaceEdit {
  if (!fix.createFiles?.length) return { changes: { [uri]: toLspEdits(fix.edits) } };
  const base = Utils.dirname(URI.parse(uri));
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const f of fix.createFiles) {
    const target = Utils.joinPath(base, f.path).toString();
    documentChanges.push(CreateFile.create(target, { ignoreIfExists: true }));
    documentChanges.push(TextDocumentEdit.create({ uri: target, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: f.content }]));
  }
  if (fix.edits.length) documentChanges.push(TextDocumentEdit.create({ uri, version }, toLspEdits(fix.edits)));
  return { documentChanges };
}

export function quickFix(uri: string, version: number, fix: Fix, diagnostic: Diagnostic, preferred: boolean): CodeAction {
  return {
    title: fix.safe ? fix.title : `${fix.title} (unsafe)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: workspaceEditFor(uri, version, fix),
  };
}
