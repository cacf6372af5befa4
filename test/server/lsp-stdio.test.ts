import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CodeAction, CodeActionRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest, MarkupContent, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../shared-rules/text/edits';
import { LspClient, SERVER } from '../helpers/lsp-client';

const URI = 'file:///tmp/layerwise-test/Dockerfile';

async function open(client: LspClient, text: string, uri = URI) {
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
  return client.waitForDiagnostics(uri, (p) => p.version === 1);
}

function editsOf(action: CodeAction, uri = URI): TextEdit[] {
  return action.edit?.changes?.[uri] ?? [];
}

async function fixVia(client: LspClient, text: string, ruleId: string, version: number): Promise<string> {
  const diags = await client.waitForDiagnostics(URI, (p) => p.version === version);
  const d = diags.diagnostics.find((x) => x.code === ruleId);
  assert.ok(d, `expected a ${ruleId} diagnostic, got ${diags.diagnostics.map((x) => x.code).join(', ')}`);
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
  const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.some((x) => x.code === ruleId) && !a.title.startsWith('Ignore'));
  assert.ok(fix, `a quick fix for ${ruleId}`);
  const fixed = applyEdits(text, editsOf(fix));
  // Send the edit the way an editor does: an incremental change with the edit's range.
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: version + 1 }, contentChanges: editsOf(fix).map((e) => ({ range: e.range, text: e.newText })) });
  const after = await client.waitForDiagnostics(URI, (p) => p.version === version + 1);
  assert.ok(!after.diagnostics.some((x) => x.code === ruleId && x.range.start.line === d.range.start.line), `${ruleId} must be gone after its fix`);
  return fixed;
}

describe('language server over stdio', function () {
  let client: LspClient;
  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first');
  });
  beforeEach(async () => {
    client = new LspClient();
    const init = await client.initialize();
    assert.equal(init.serverInfo?.name, 'layerwise');
    await client.connection.sendNotification('initialized', {});
  });
  afterEach(async () => client.shutdown());

  it('publishes versioned diagnostics with code, source, documentation link and tags', async () => {
    const p = await open(client, 'FROM ubuntu\nMAINTAINER me\nRUN apt-get install -y curl\n');
    assert.equal(p.version, 1);
    const codes = p.diagnostics.map((d) => d.code);
    for (const id of ['pin-base-image-tag', 'maintainer-deprecated', 'apt-no-install-recommends']) assert.ok(codes.includes(id), `missing ${id}`);
    const m = p.diagnostics.find((d) => d.code === 'maintainer-deprecated')!;
    assert.equal(m.source, 'layerwise');
    assert.deepEqual(m.tags, [2]);
    assert.match(m.codeDescription!.href, /maintainer-deprecated/);
    const apt = p.diagnostics.find((d) => d.code === 'apt-no-install-recommends')!;
    assert.deepEqual(apt.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 19 } });
  });

  it('applies the three headline quick fixes to the exact expected text', async () => {
    let text = 'FROM ubuntu\nRUN apt-get update\nRUN apt-get install -y curl\nRUN echo done\n';
    await open(client, text);
    text = await fixVia(client, text, 'apt-no-install-recommends', 1);
    assert.equal(text, 'FROM ubuntu\nRUN apt-get update\nRUN apt-get install --no-install-recommends -y curl\nRUN echo done\n');
    text = await fixVia(client, text, 'merge-consecutive-runs', 2);
    assert.equal(text, 'FROM ubuntu\nRUN apt-get update && \\\n    apt-get install --no-install-recommends -y curl && \\\n    echo done\n');
    const diags = await client.waitForDiagnostics(URI, (p) => p.version === 3);
    const pin = diags.diagnostics.find((d) => d.code === 'pin-base-image-tag')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: pin.range, context: { diagnostics: [pin] } })) as CodeAction[];
    const fix = actions.find((a) => a.title.startsWith('Pin to'))!;
    assert.match(fix.title, /\(unsafe\)$/);
    text = applyEdits(text, editsOf(fix));
    assert.match(text, /^FROM ubuntu:\d+\.\d+\n/);
  });

  it('offers ignore actions and a source.fixAll.layerwise action with a minimal edit', async () => {
    const text = 'FROM alpine:3.22\nMAINTAINER me\nRUN a\nRUN b\n';
    const p = await open(client, text);
    const d = p.diagnostics.find((x) => x.code === 'maintainer-deprecated')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const ignore = actions.find((a) => a.title === 'Ignore maintainer-deprecated for this instruction')!;
    assert.equal(applyEdits(text, editsOf(ignore)), 'FROM alpine:3.22\n# layerwise ignore=maintainer-deprecated\nMAINTAINER me\nRUN a\nRUN b\n');
    const fixAll = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.layerwise'] } })) as CodeAction[];
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].kind, 'source.fixAll.layerwise');
    const edits = editsOf(fixAll[0]);
    assert.equal(edits.length, 1);
    assert.equal(edits[0].range.start.line, 1, 'the first line is untouched');
    assert.equal(applyEdits(text, edits), 'FROM alpine:3.22\nLABEL org.opencontainers.image.authors="me"\nRUN a && \\\n    b\n');
  });

  it('explains layer behaviour on keywords and the rule on a diagnostic', async () => {
    await open(client, 'FROM debian:bookworm-slim\nRUN apt-get install -y curl\nENV A=1\n');
    const onRun = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 1, character: 1 } });
    assert.match((onRun!.contents as MarkupContent).value, /Adds (a filesystem layer|≈ [\d.]+ MB\*\* in a new filesystem layer)/);
    const onEnv = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 2, character: 1 } });
    assert.match((onEnv!.contents as MarkupContent).value, /No filesystem layer/);
    const onInstall = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 1, character: 15 } });
    assert.match((onInstall!.contents as MarkupContent).value, /apt-no-install-recommends/);
  });

  it('re-validates when settings change (rule turned off)', async () => {
    client.settings = {};
    const p = await open(client, 'FROM alpine:3.22\nMAINTAINER me\n');
    assert.ok(p.diagnostics.some((d) => d.code === 'maintainer-deprecated'));
    client.settings = { rules: { 'maintainer-deprecated': 'off' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await client.waitForDiagnostics(URI, (x) => !x.diagnostics.some((d) => d.code === 'maintainer-deprecated'));
  });

  it('honours hadolint suppressions', async () => {
    const p = await open(client, 'FROM debian:bookworm-slim\n# hadolint ignore=DL3015\nRUN apt-get install -y curl\n');
    assert.ok(!p.diagnostics.some((d) => d.code === 'apt-no-install-recommends'));
  });

  it('coalesces a burst of edits and publishes the final version only once it is current', async () => {
    let text = 'FROM alpine:3.22\n';
    await open(client, text);
    for (let v = 2; v <= 21; v++) {
      const line = text.split('\n').length - 1;
      text += 'RUN a\n';
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: v }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'RUN a\n' }] });
    }
    const last = await client.waitForDiagnostics(URI, (p) => p.version === 21);
    const merge = last.diagnostics.find((d) => d.code === 'merge-consecutive-runs');
    assert.match(merge!.message, /^20 consecutive/);
  });

  it('survives hostile requests: unknown documents, positions past the end, garbage text', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///nope' }, position: { line: 99, character: 99 } });
    assert.equal(hover, null);
    await open(client, '\u0000\u0001RUN <<EOF\n${\nFROM');
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 1000, character: -5 } });
    assert.equal(h, null);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: { start: { line: 500, character: 0 }, end: { line: 900, character: 3 } }, context: { diagnostics: [] } });
    assert.ok(Array.isArray(actions));
    const p = await open(client, 'FROM alpine:3.22\n', 'file:///tmp/layerwise-test/other/Dockerfile');
    assert.equal(p.version, 1);
  });
});
