import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DidOpenTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import pkg from '../../package.json';
import { FIX_ALL_KIND } from '../../server/handlers/code-actions';
import { LspClient, REPO, SERVER } from '../helpers/lsp-client';

const CORE = join(REPO, 'dist', 'server-core.js');
const URI = 'file:///tmp/layerwise-startup/Dockerfile';

// The server answers `initialize` from a small bundle and loads the rules
// (dist/server-core.js) afterwards; see server/main.ts and scripts/build.mjs.
describe('language server start-up', function () {
  before(function () {
    if (!existsSync(SERVER) || !existsSync(CORE)) throw new Error('dist/server.js or dist/server-core.js is missing: run `npm run build` first');
  });

  it('keeps the rules and the manifest out of the start-up bundle', () => {
    const server = readFileSync(SERVER, 'utf8');
    const core = readFileSync(CORE, 'utf8');
    assert.match(server, /require\("\.\/server-core\.js"\)/);
    for (const ruleId of ['apt-no-install-recommends', 'pin-base-image-tag']) {
      assert.equal(server.includes(ruleId), false, `${ruleId} is bundled into dist/server.js`);
      assert.equal(core.includes(ruleId), true, `${ruleId} is missing from dist/server-core.js`);
    }
    // The settings schema of package.json (only the version is needed).
    assert.equal(server.includes('layerwise.validationDelay'), false);
  });

  it('answers initialize with the manifest version and the fix-all kind, then lints', async () => {
    const client = new LspClient();
    try {
      const init = await client.initialize();
      assert.deepEqual(init.serverInfo, { name: 'layerwise', version: pkg.version });
      assert.deepEqual(init.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', FIX_ALL_KIND, 'source.fixAll'], resolveProvider: true });
      await client.connection.sendNotification('initialized', {});
      // Sent at once, while the core may still be loading.
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'dockerfile', version: 1, text: 'FROM ubuntu\n' } });
      const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 6 } });
      const p = await client.waitForDiagnostics(URI, (d) => d.version === 1);
      const pin = p.diagnostics.find((d) => d.code === 'pin-base-image-tag');
      assert.deepEqual(pin?.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 11 } });
      await hover;
      assert.equal(client.stderr, '');
    } finally {
      await client.shutdown();
    }
  });
});
