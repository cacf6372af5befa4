// The packaged extension holds exactly what it needs to run (bundles,
// package data, grammar, docs) and nothing else: no node_modules, no
// source maps, under 3 MB. Builds the VSIX with `npm run package` when it is
// missing (clean clone) or older than package.json.
import * as assert from 'assert';
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { zipEntries, zipEntryData, ZipEntry } from './zip-entries';

interface Manifest {
  name: string;
  version: string;
  publisher?: string;
  main?: string;
  icon?: string;
  repository?: { type?: string; url?: string } | string;
  categories?: string[];
  keywords?: string[];
  engines?: { vscode?: string };
  capabilities?: { untrustedWorkspaces?: { supported?: boolean | string; description?: string } };
  contributes?: { grammars?: { path: string }[] };
}

const MAX_BYTES = 3_000_000;

/** The nearest folder up from this file (or the cwd, for tests compiled elsewhere) whose package.json is Layerwise's. */
function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      // tsc copies package.json into out/ (the server imports it), so also require the build script.
      if (fs.existsSync(file) && fs.existsSync(path.join(dir, 'scripts', 'build.mjs')) && (JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest).name === 'layerwise') return dir;
    }
  }
  throw new Error(`cannot find the layerwise package.json above ${__dirname} or ${process.cwd()}`);
}

/** Every entry name the VSIX may hold; `icon` is the manifest's icon path. */
function allowedPatterns(icon: string): RegExp[] {
  const escaped = icon.replace(/^\.\//, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [
    /^\[Content_Types\]\.xml$/,
    /^extension\.vsixmanifest$/,
    /^extension\/package\.json$/,
    /^extension\/readme\.md$/i,
    /^extension\/changelog\.md$/i,
    /^extension\/LICENSE(\.txt|\.md)?$/i,
    new RegExp(`^extension/${escaped}$`),
    /^extension\/dist\/(client|server|server-core|cli)\.js$/,
    /^extension\/dist\/data\/debian-bookworm\.packages$/,
    /^extension\/syntaxes\/[^/]+\.json$/,
  ];
}

/** Lowest VS Code version a `engines.vscode` range admits (`^1.82.0`, `>=1.82.0`, `~1.82.0`, `1.82.0`). */
function minimumVersion(range: string): number[] {
  const match = /^\s*(?:\^|~|>=)?\s*(\d+)\.(\d+)\.(\d+)\s*$/.exec(range);
  if (!match) throw new Error(`unsupported engines.vscode range: ${range}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

describe('packaged VSIX', function () {
  const root = repoRoot();
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
  // LAYERWISE_VSIX checks another file (e.g. a release candidate) in place of the repo's own build.
  const vsixPath = process.env.LAYERWISE_VSIX ?? path.join(root, `layerwise-${manifest.version}.vsix`);
  let zip: Buffer;
  let entries: ZipEntry[];

  before(function () {
    // Missing (clean clone) or older than package.json (its fields are checked against the packaged copy): build it.
    const stale = !fs.existsSync(vsixPath) || fs.statSync(vsixPath).mtimeMs < fs.statSync(path.join(root, 'package.json')).mtimeMs;
    if (stale && !process.env.LAYERWISE_VSIX) {
      this.timeout(600_000);
      execSync('npm run package', { cwd: root, stdio: 'pipe', timeout: 600_000 });
    }
    zip = fs.readFileSync(vsixPath);
    entries = zipEntries(zip);
  });

  it(`is under ${MAX_BYTES / 1_000_000} MB`, function () {
    assert.ok(zip.length <= MAX_BYTES, `${path.basename(vsixPath)} is ${zip.length} bytes`);
  });

  it('holds only the manifest, docs, icon, bundles, package data and grammars', function () {
    const allowed = allowedPatterns(manifest.icon ?? 'images/icon.png');
    const names = entries.map((e) => e.name).filter((name) => !name.endsWith('/'));
    assert.deepStrictEqual(names.filter((name) => !allowed.some((p) => p.test(name))), [], 'unexpected files in the VSIX');
    assert.deepStrictEqual(names.filter((name) => /(^|\/)node_modules\//.test(name)), [], 'node_modules in the VSIX');
    assert.deepStrictEqual(names.filter((name) => /\.map$/.test(name)), [], 'source maps in the VSIX');
    assert.strictEqual(new Set(names).size, names.length, 'duplicate entries');
  });

  it('holds everything the extension loads at run time', function () {
    const names = new Set(entries.map((e) => e.name));
    const required = [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/dist/server-core.js',
      'extension/dist/cli.js',
      `extension/${(manifest.icon ?? '').replace(/^\.\//, '')}`,
      `extension/${(manifest.main ?? '').replace(/^\.\//, '')}`,
      ...(manifest.contributes?.grammars ?? []).map((g) => `extension/${g.path.replace(/^\.\//, '')}`),
    ];
    assert.deepStrictEqual(required.filter((name) => !names.has(name)), [], 'missing from the VSIX');
    assert.ok(names.has('extension/dist/data/debian-bookworm.packages'), 'no package data (dist/data/debian-bookworm.packages)');
    assert.ok([...names].some((n) => /^extension\/readme\.md$/i.test(n)), 'no README');
    assert.ok([...names].some((n) => /^extension\/LICENSE(\.txt|\.md)?$/i.test(n)), 'no LICENSE');
    assert.ok([...names].some((n) => /^extension\/changelog\.md$/i.test(n)), 'no CHANGELOG');
  });

  it('packages the current package.json (rebuild with `npm run package` if this fails)', function () {
    const entry = entries.find((e) => e.name === 'extension/package.json');
    assert.ok(entry);
    const packaged = JSON.parse(zipEntryData(zip, entry).toString('utf8')) as Manifest;
    const pick = (m: Manifest) => ({ name: m.name, version: m.version, publisher: m.publisher, main: m.main, engines: m.engines, contributes: m.contributes });
    assert.deepStrictEqual(pick(packaged), pick(manifest));
  });

  describe('package.json marketplace fields', function () {
    it('has a publisher, a repository, categories, keywords and an icon', function () {
      assert.match(manifest.publisher ?? '', /^[a-z0-9][a-z0-9-]*$/i);
      const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
      assert.match(url ?? '', /^https:\/\/github\.com\/[^/]+\/[^/]+?(\.git)?$/);
      for (const category of ['Linters', 'Programming Languages']) assert.ok(manifest.categories?.includes(category), `categories lack ${category}`);
      assert.ok((manifest.keywords ?? []).length >= 3, 'keywords');
      assert.ok((manifest.keywords ?? []).includes('dockerfile'), 'keywords lack dockerfile');
      assert.match(manifest.icon ?? '', /\.png$/, 'the marketplace needs a PNG icon');
      const icon = fs.readFileSync(path.join(root, manifest.icon ?? ''));
      assert.strictEqual(icon.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'icon is not a PNG');
    });

    it('engines.vscode admits the VS Code the e2e host runs (code-server 4.X.Y is VS Code 1.X.Y)', function () {
      const host = JSON.parse(fs.readFileSync(path.join(root, 'test', 'e2e', 'host', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      const codeServer = /^(\d+)\.(\d+)\.(\d+)$/.exec(host.dependencies['code-server'] ?? '');
      assert.ok(codeServer, 'test/e2e/host pins code-server to an exact version');
      const hostVsCode = [1, Number(codeServer[2]), Number(codeServer[3])];
      const minimum = minimumVersion(manifest.engines?.vscode ?? '');
      assert.ok(compareVersions(minimum, hostVsCode) <= 0, `engines.vscode ${manifest.engines?.vscode} needs a newer VS Code than ${hostVsCode.join('.')}`);
    });

    it('declares how it behaves in untrusted workspaces', function () {
      const untrusted = manifest.capabilities?.untrustedWorkspaces;
      assert.ok(untrusted, 'capabilities.untrustedWorkspaces');
      assert.ok(untrusted.supported === true || untrusted.supported === 'limited', `supported: ${String(untrusted.supported)}`);
      if (untrusted.supported === 'limited') assert.ok((untrusted.description ?? '').length > 0, 'limited support needs a description');
    });
  });
});
