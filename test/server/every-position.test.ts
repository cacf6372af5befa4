import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, TextEdit } from 'vscode-languageserver/node';
import { generateDockerfile } from '../../scripts/bench/generate';
import { DocumentStore } from '../../server/document-store';
import { codeActions, resolveCodeAction } from '../../server/handlers/code-actions';
import { hover } from '../../server/handlers/hover';
import { codeLenses, inlayHints } from '../../server/handlers/inlay-hints';
import { allRules, defaultLinter } from '../../shared-rules/index';
import { computeLayerCosts } from '../../shared-rules/layer-cost/model';
import { LintConfig } from '../../shared-rules/engine/lint';
import { loadDebianTable } from '../../shared-rules/platform/node/debian-table';
import { Position, Range } from '../../shared-rules/text/types';

// The server never fails a request, whatever the position: hover and the
// light bulb are asked at every position of each text (and past the ends of
// lines and of the file), inlay hints and code lenses for the whole file, and
// every range they answer with lies in the document. The texts are the
// bundled sample, a generated multi-stage file and the shapes that are
// hardest on positions: CRLF, continuations, heredocs, backtick escapes,
// surrogate pairs, JSON forms, an empty file.

const EDGE_TEXTS: Record<string, string> = {
  empty: '',
  'comments only': '# syntax=docker/dockerfile:1\n# nothing else\n',
  crlf: 'FROM debian:bookworm\r\nRUN apt-get update && \\\r\n    apt-get install -y curl\r\nCMD curl --version\r\n',
  'continuations and comments inside': 'FROM alpine\nRUN apk add \\\n# a comment line\n\n    curl \\\n    jq\nRUN \\\n',
  heredocs: 'FROM debian\nRUN <<EOF bash\napt-get update\napt-get install -y curl\nEOF\nCOPY <<-END /etc/motd\n\thello\n\tEND\nRUN <<UNCLOSED\necho never closed\n',
  'backtick escape': '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    Get-ChildItem\n',
  'surrogate pairs': 'FROM alpine\nLABEL emoji="🐳🐳" other=é\nRUN echo "🐳" && apk add curl\n',
  'json forms': 'FROM node:20\nCMD ["node", "app.js"]\nENTRYPOINT ["broken", \nHEALTHCHECK CMD ["curl", "-f", "http://x/"]\nSHELL ["/bin/bash", "-c"]\n',
  onbuild: 'FROM alpine AS base\nONBUILD RUN apk add curl\nONBUILD COPY . /src\nFROM base\nUSER root\n',
  garbage: 'FROM\n\t\t\nRUN\n   \\\nARG =\nCOPY --from= \nEXPOSE 99999/xyz\n\u0000\u0001 WAT ${\n',
};

function texts(): [string, string][] {
  const root = join(__dirname, '..', '..', '..');
  return [['bundled sample', readFileSync(join(root, 'samples', 'Dockerfile'), 'utf8')], ['generated', generateDockerfile(60, 11)], ...Object.entries(EDGE_TEXTS)];
}

function assertInside(doc: TextDocument, r: Range, what: string): void {
  const end = doc.positionAt(doc.getText().length);
  const ok = (p: Position) => p.line >= 0 && p.character >= 0 && (p.line < end.line || (p.line === end.line && p.character <= end.character)) && p.character <= lineLength(doc, p.line);
  assert.ok(ok(r.start) && ok(r.end), `${what}: ${JSON.stringify(r)} outside the document`);
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: ${JSON.stringify(r)} ends before it starts`);
}

function lineLength(doc: TextDocument, line: number): number {
  const start = doc.offsetAt({ line, character: 0 });
  const next = doc.offsetAt({ line: line + 1, character: 0 });
  return doc.getText().slice(start, next).replace(/\r?\n$|\r$/, '').length;
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edit = action.edit;
  if (!edit) return [];
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const c of edit.documentChanges ?? []) if ('textDocument' in c && c.textDocument.uri === uri) out.push(...c.edits.filter((e): e is TextEdit => 'range' in e));
  return out;
}

describe('requests at every position', function () {
  this.timeout(120_000);
  const linter = defaultLinter();
  const config: LintConfig = { rules: Object.fromEntries(allRules.map((r) => [r.meta.id, 'warning'])) };
  const aptTable = loadDebianTable();

  for (const [name, text] of texts()) {
    it(`${name}: hover, code actions, inlay hints and code lenses never fail and stay in the document`, () => {
      const uri = 'file:///work/Dockerfile';
      const doc = TextDocument.create(uri, 'dockerfile', 1, text);
      const store = new DocumentStore(linter, () => config, () => ({}));
      const analysis = store.analysis(doc);
      const model = analysis.result.model;
      const costs = computeLayerCosts(model, { aptTable });
      const lines = text.split(/\r\n|\r|\n/);
      let hovers = 0;
      let actions = 0;
      for (let line = 0; line <= lines.length; line++) {
        const width = line < lines.length ? lines[line].length : 0;
        for (let character = 0; character <= width + 2; character++) {
          const position = { line, character };
          const h = hover(analysis, linter, position, () => costs);
          if (h) {
            hovers++;
            if (h.range) assertInside(doc, h.range, `hover at ${line}:${character}`);
          }
          const range = { start: position, end: { line, character: character + 1 } };
          const diagnostics = analysis.result.findings.filter((f) => f.range.start.line === line).map((f) => ({ range: f.range, message: f.message, code: f.ruleId, source: 'layerwise' }));
          for (const action of codeActions(analysis, doc, { textDocument: { uri }, range, context: { diagnostics } }, linter, config, {})) {
            actions++;
            const resolved = action.edit || !action.data ? action : resolveCodeAction(action, doc, linter, config, {});
            for (const e of editsOf(resolved, uri)) assertInside(doc, e.range, `${resolved.title} at ${line}:${character}`);
          }
        }
      }
      const whole = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
      for (const hint of inlayHints(model, costs, whole)) assert.ok(hint.position.line >= 0 && hint.position.line <= whole.end.line, `inlay hint at line ${hint.position.line}`);
      for (const lens of codeLenses(model, costs)) assertInside(doc, lens.range, 'code lens');
      // The texts with instructions must have given something to check.
      if (model.instructions.length > 0) assert.ok(hovers > 0, 'no hover anywhere');
      if (analysis.result.findings.some((f) => f.fixes.length > 0)) assert.ok(actions > 0, 'no code action anywhere');
    });
  }
});
