import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { generateDockerfile } from '../../scripts/bench/generate';
import { defaultLinter } from '../../shared-rules/index';
import { DocumentStore, LARGE_FILE_LINES } from '../../server/document-store';
import { LspClient, SERVER } from '../helpers/lsp-client';

const URI = 'file:///tmp/layerwise-test/huge/Dockerfile';

describe('files far larger than any real Dockerfile', function () {
  this.timeout(120_000);
  const huge = generateDockerfile(60_000, 42);

  it('degrade explicitly: only per-instruction rules run, and the analysis says so', () => {
    const linter = defaultLinter();
    const store = new DocumentStore(linter, () => ({}), () => ({}));
    const analysis = store.analysis(TextDocument.create(URI, 'dockerfile', 1, huge));
    assert.match(analysis.degraded ?? '', /^This file is very large \(60,000 lines, \d+\.\d MB\): Layerwise checks each instruction on its own/);
    const ids = new Set(analysis.result.findings.map((f) => f.ruleId));
    for (const id of ids) assert.equal(linter.rule(id)?.meta.scope, 'instruction', `${id} must not run on a huge file`);
    // The same document at a normal size gets the full analysis.
    const small = store.analysis(TextDocument.create('file:///tmp/layerwise-test/small/Dockerfile', 'dockerfile', 1, generateDockerfile(LARGE_FILE_LINES / 10, 42)));
    assert.equal(small.degraded, undefined);
    assert.ok(small.result.findings.some((f) => linter.rule(f.ruleId)?.meta.scope !== 'instruction'));
  });

  describe('over stdio', () => {
    let client: LspClient;
    before(function () {
      if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first');
    });
    beforeEach(async () => {
      client = new LspClient();
      await client.initialize();
      await client.connection.sendNotification('initialized', {});
    });
    afterEach(async () => client.shutdown());

    it('publishes one large-file notice, answers a hover and keeps up with an edit on a 60,000-line file', async () => {
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'dockerfile', version: 1, text: huge } });
      const p = await client.waitForDiagnostics(URI, (d) => d.version === 1, 100_000);
      const notices = p.diagnostics.filter((d) => d.code === 'large-file');
      assert.equal(notices.length, 1);
      assert.deepEqual(notices[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      const line = huge.split('\n').findIndex((l) => l.startsWith('FROM '));
      assert.ok(line > 0);
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line, character: 1 } });
      assert.match((hover?.contents as MarkupContent).value, /FROM/);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'MAINTAINER me\n' }] });
      const after = await client.waitForDiagnostics(URI, (d) => d.version === 2, 100_000);
      assert.ok(after.diagnostics.some((d) => d.code === 'maintainer-deprecated' && d.range.start.line === line));
    });
  });
});
