// Bundles the client, the server and the CLI with esbuild and writes the
// data files they read next to them in dist/.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, existsSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const production = process.argv.includes('--production');

execFileSync(process.execPath, [join(root, 'scripts', 'gen-rule-index.mjs')], { stdio: 'inherit' });

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'data'), { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

// The server starts from a small bundle (the LSP transport and the wiring)
// and loads the rest, dist/server-core.js, once it has answered `initialize`:
// server/main.ts's `require('./core')` is pointed at that file.
const coreApart = {
  name: 'server-core-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/core$/ }, (args) => (args.importer === join(root, 'server', 'main.ts') ? { path: './server-core.js', external: true } : undefined));
  },
};
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

await Promise.all([
  build({ ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, define: { LAYERWISE_VERSION: JSON.stringify(version) }, plugins: [coreApart] }),
  // The core uses only protocol types and constants from vscode-languageserver
  // (the transport lives in dist/server.js); the ESM types package makes the
  // build fail if it ever imports anything else from there.
  build({ ...common, entryPoints: ['server/core.ts'], outfile: 'dist/server-core.js', alias: { 'vscode-languageserver/node': 'vscode-languageserver-types' } }),
  build({ ...common, entryPoints: ['server/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);

for (const dir of ['shared-rules/layer-cost/data']) {
  const src = join(root, dir);
  if (!existsSync(src)) continue;
  // Tables ship uncompressed: the server reads them from disk on demand instead of holding
  // them in memory (the VSIX zip compresses them as well as gzip did).
  for (const f of readdirSync(src)) {
    if (f.endsWith('.gz')) writeFileSync(join(dist, 'data', f.slice(0, -3)), gunzipSync(readFileSync(join(src, f))));
    else copyFileSync(join(src, f), join(dist, 'data', f));
  }
}
