import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeAction, CodeActionRequest, DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, HoverRequest, InlayHint, InlayHintRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lsp-client';

describe('layer cost over LSP', function () {
  let client: LspClient;
  let dir: string;
  let uri: string;
  const text = 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\nCOPY . /app\nCMD ["/bin/true"]\n';

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'layerwise-cost-'));
    mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'dep', 'blob.bin'), Buffer.alloc(2_500_000, 1));
    writeFileSync(join(dir, 'app.js'), 'x');
    writeFileSync(join(dir, 'Dockerfile'), text);
    uri = pathToFileURL(join(dir, 'Dockerfile')).toString();
    client = new LspClient();
    await client.initialize();
    await client.connection.sendNotification('initialized', {});
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
  });
  afterEach(async () => client.shutdown());

  async function hoverText(line: number, character: number, expect: RegExp): Promise<string> {
    // The package table and the context walk arrive shortly after open: poll the hover like a user would.
    let last = '';
    for (let i = 0; i < 100; i++) {
      const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
      last = (h?.contents as MarkupContent | undefined)?.value ?? '';
      if (expect.test(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`hover never matched ${expect}: ${last}`);
  }

  it('hovers show the estimated bytes with their basis and the cache behaviour', async () => {
    const run = await hoverText(1, 1, /Adds ≈ [\d.]+ MB/);
    assert.match(run, /apt: curl \+ \d+ dependencies; Debian package sizes, bookworm/);
    assert.match(run, /With `--no-install-recommends`: ≈ [\d.]+ MB/);
    assert.match(run, /`apt-get update` lists add ≈ [\d.]+ MB unless removed in this RUN/);
    assert.match(run, /\*Cache:\*/);
    const copy = await hoverText(2, 1, /Copies ≈ 2\.5 MB/);
    assert.match(copy, /`node_modules` 2\.5 MB/);
    const from = await hoverText(0, 1, /Stage total/);
    assert.match(from, /Image total/);
  });

  it('inlay hints carry the estimates; a new .dockerignore shrinks the COPY', async () => {
    const hints = async () => (await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } } })) as InlayHint[];
    let labels: string[] = [];
    for (let i = 0; i < 100 && !labels.some((l) => l === '≈ 2.5 MB'); i++) {
      labels = (await hints()).map((h) => String(h.label));
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(labels.includes('≈ 2.5 MB'), `labels: ${labels.join(' | ')}`);
    assert.ok(labels.some((l) => /^image [≈≥] [\d.]+ MB$/.test(l)), `labels: ${labels.join(' | ')}`);
    assert.ok(labels.some((l) => /^≈ [\d.]+ MB$/.test(l) && l !== '≈ 2.5 MB'), 'the apt RUN has its own estimate');
    writeFileSync(join(dir, '.dockerignore'), 'node_modules\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(join(dir, '.dockerignore')).toString(), type: 1 }] });
    for (let i = 0; i < 100 && labels.includes('≈ 2.5 MB'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      labels = (await hints()).map((h) => String(h.label));
    }
    assert.ok(!labels.includes('≈ 2.5 MB'), `the COPY must shrink after .dockerignore: ${labels.join(' | ')}`);
  });

  it('quick-fix titles carry the saving', async () => {
    let title = '';
    for (let i = 0; i < 100 && !/saves/.test(title); i++) {
      const diags = await client.waitForDiagnostics(uri);
      const d = diags.diagnostics.find((x) => x.code === 'apt-no-install-recommends');
      if (d) {
        const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
        title = actions.find((a) => a.title.startsWith('Add --no-install-recommends'))?.title ?? '';
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(title, /^Add --no-install-recommends \(saves ≈ [\d.]+ MB\) \(unsafe\)$/);
  });
});
