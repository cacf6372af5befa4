import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BuildContextScanner, readIgnoreFile } from '../../shared-rules/platform/node/context-walker';

// Files of known sizes; the numbers below are sums of these.
const FILES: Record<string, number> = {
  'package.json': 100,
  'Dockerfile': 40,
  'src/index.js': 300,
  'src/lib/a.js': 200,
  'logs/app.log': 1_000,
  '.git/HEAD': 23,
  '.git/objects/ab/cdef': 2_000,
  'node_modules/left-pad/index.js': 5_000,
  'node_modules/left-pad/package.json': 500,
  'node_modules/a/node_modules/b/index.js': 700,
};
const TOTAL = Object.values(FILES).reduce((a, b) => a + b, 0); // 9863
const NODE_MODULES = 5_000 + 500 + 700;
// Entries below node_modules: left-pad, a, 2 files, node_modules, b, index.js.
const NODE_MODULES_ENTRIES = 7;

function writeTree(root: string, files: Record<string, number>): void {
  for (const [rel, size] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, Buffer.alloc(size, 120));
  }
}

describe('BuildContextScanner', () => {
  let root: string;
  let outside: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-ctx-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-out-'));
    writeTree(root, FILES);
    writeTree(outside, { 'big.bin': 50_000 });
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('measures the whole context without an ignore file', async () => {
    const r = await new BuildContextScanner(root).measure(['.']);
    assert.strictEqual(r.bytes, TOTAL);
    assert.strictEqual(r.files, 10);
    assert.strictEqual(r.truncated, false);
    assert.deepStrictEqual(r.top.slice(0, 3), [
      { path: 'node_modules', bytes: NODE_MODULES },
      { path: '.git', bytes: 2_023 },
      { path: 'logs', bytes: 1_000 },
    ]);
    assert.deepStrictEqual(r.unmatched, []);
  });

  it('applies the .dockerignore and prunes excluded directories', async () => {
    const full = await new BuildContextScanner(root).measure(['.']);
    const r = await new BuildContextScanner(root, 'node_modules\n.git\n**/*.log\n').measure(['.']);
    assert.strictEqual(r.bytes, 100 + 40 + 300 + 200);
    assert.strictEqual(r.files, 4);
    assert.deepStrictEqual(r.top, [
      { path: 'src', bytes: 500 },
      { path: 'package.json', bytes: 100 },
      { path: 'Dockerfile', bytes: 40 },
    ]);
    // Neither node_modules nor .git (4 entries below it) was listed.
    assert.strictEqual(full.visited - r.visited, NODE_MODULES_ENTRIES + 4);
  });

  it('descends into an excluded directory only for a "!" exception below it', async () => {
    const s = new BuildContextScanner(root, 'node_modules\n!node_modules/left-pad/package.json\n');
    const r = await s.measure(['.']);
    assert.strictEqual(r.bytes, TOTAL - NODE_MODULES + 500);
    const pruned = await new BuildContextScanner(root, 'node_modules\n!src/x\n').measure(['.']);
    // Inside node_modules only left-pad can hold the exception: a/ is pruned again,
    // so the walk lists left-pad, a, and left-pad's two files.
    assert.strictEqual(r.visited - pruned.visited, 4);
  });

  it('measures literal and wildcard sources', async () => {
    const s = new BuildContextScanner(root, 'node_modules\n');
    const cases: [string[], number, number][] = [
      [['package.json'], 100, 1],
      [['src/'], 500, 2],
      [['./src/lib'], 200, 1],
      [['src/*.js'], 300, 1],
      [['*.json'], 100, 1],
      [['*'], TOTAL - NODE_MODULES, 7],
      [['package.json', 'src', 'package*'], 600, 3],
      [['node_modules/left-pad'], 0, 0],
    ];
    for (const [sources, bytes, files] of cases) {
      const r = await s.measure(sources);
      assert.deepStrictEqual([r.bytes, r.files], [bytes, files], sources.join(' '));
    }
    assert.deepStrictEqual((await s.measure(['nope.txt', 'src', 'x/*'])).unmatched, ['nope.txt', 'x/*']);
  });

  it('rejects with an AbortError when aborted, before or during the walk', async () => {
    const s = new BuildContextScanner(root);
    const before = new AbortController();
    before.abort();
    await assert.rejects(s.measure(['.'], before.signal), { name: 'AbortError' });
    const during = new AbortController();
    const pending = s.measure(['.'], during.signal);
    during.abort();
    await assert.rejects(pending, { name: 'AbortError' });
  });

  it('stops at the entry limit and reports truncation', async () => {
    const r = await new BuildContextScanner(root, undefined, { maxEntries: 5 }).measure(['.']);
    assert.strictEqual(r.truncated, true);
    assert.strictEqual(r.visited, 5);
    assert.ok(r.bytes < TOTAL);
  });

  it('stops at the depth limit and reports truncation', async () => {
    writeTree(root, { 'd1/d2/d3/d4/deep.txt': 9 });
    const shallow = await new BuildContextScanner(root, undefined, { maxDepth: 3 }).measure(['d1']);
    assert.deepStrictEqual([shallow.bytes, shallow.truncated], [0, true]);
    const deep = await new BuildContextScanner(root, undefined, { maxDepth: 5 }).measure(['d1']);
    assert.deepStrictEqual([deep.bytes, deep.truncated], [9, false]);
  });

  it('counts symlinks as links and never follows them out of the context', async () => {
    fs.symlinkSync(outside, path.join(root, 'ext'));
    fs.symlinkSync(path.join(root, 'src'), path.join(root, 'srclink'));
    const s = new BuildContextScanner(root, 'node_modules\n.git\n');
    const all = await s.measure(['.']);
    const linkBytes = outside.length + path.join(root, 'src').length;
    assert.strictEqual(all.bytes, TOTAL - NODE_MODULES - 2_023 + linkBytes);
    // A source path is followed, but only while it stays inside the context.
    const viaLink = await s.measure(['srclink']);
    assert.deepStrictEqual([viaLink.bytes, viaLink.files], [500, 2]);
    const escaping = await s.measure(['ext', 'ext/big.bin']);
    assert.deepStrictEqual([escaping.bytes, escaping.unmatched], [0, ['ext', 'ext/big.bin']]);
  });

  it('survives a missing context', async () => {
    const gone = await new BuildContextScanner(path.join(root, 'no-such-dir')).measure(['.', 'src']);
    assert.deepStrictEqual([gone.bytes, gone.files, gone.unmatched], [0, 0, ['.', 'src']]);
  });

  it('skips unreadable directories (not as root)', async function () {
    if (process.getuid?.() === 0) this.skip(); // root reads everything
    fs.chmodSync(path.join(root, 'logs'), 0o000);
    try {
      const r = await new BuildContextScanner(root).measure(['.']);
      assert.deepStrictEqual([r.bytes, r.unreadable], [TOTAL - 1_000, 1]);
    } finally {
      fs.chmodSync(path.join(root, 'logs'), 0o755);
    }
  });

  it('reuses listings of unchanged directories and rereads changed ones', async () => {
    const s = new BuildContextScanner(root, 'node_modules\n', { maxCacheAgeMs: 3_600_000 });
    assert.strictEqual((await s.measure(['src'])).bytes, 500);
    // Rewriting a file in place leaves its directory's mtime alone: the cached size stands.
    fs.writeFileSync(path.join(root, 'src/index.js'), Buffer.alloc(1_300));
    assert.strictEqual((await s.measure(['src'])).bytes, 500);
    // Adding an entry changes the directory: it is read again, with fresh sizes.
    fs.writeFileSync(path.join(root, 'src/new.js'), Buffer.alloc(11));
    assert.strictEqual((await s.measure(['src'])).bytes, 1_300 + 200 + 11);
    fs.writeFileSync(path.join(root, 'src/lib/a.js'), Buffer.alloc(1));
    s.invalidate();
    assert.strictEqual((await s.measure(['src'])).bytes, 1_300 + 1 + 11);
  });

  it('picks up a changed ignore file without rereading the tree', async () => {
    const s = new BuildContextScanner(root);
    assert.strictEqual((await s.measure(['.'])).bytes, TOTAL);
    s.setIgnoreText('**\n!src\n');
    assert.strictEqual((await s.measure(['.'])).bytes, 500);
    assert.deepStrictEqual(s.matcher?.problems, []);
    s.setIgnoreText('[\n');
    assert.strictEqual(s.matcher?.problems.length, 1);
  });

  it('answers exists() inside the context only', () => {
    const s = new BuildContextScanner(root);
    assert.strictEqual(s.exists('.dockerignore'), false);
    fs.writeFileSync(path.join(root, '.dockerignore'), 'node_modules\n');
    assert.strictEqual(s.exists('.dockerignore'), true);
    assert.strictEqual(s.exists('src/lib/a.js'), true);
    assert.strictEqual(s.exists('../' + path.basename(outside) + '/big.bin'), false);
  });
});

describe('readIgnoreFile', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-ign-'));
    fs.mkdirSync(path.join(root, 'docker'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('returns undefined when there is none', () => {
    assert.strictEqual(readIgnoreFile(root, path.join(root, 'Dockerfile')), undefined);
  });

  it('reads .dockerignore at the context root', () => {
    fs.writeFileSync(path.join(root, '.dockerignore'), 'a\n');
    assert.deepStrictEqual(readIgnoreFile(root, path.join(root, 'docker', 'api.Dockerfile')), {
      path: path.join(root, '.dockerignore'),
      text: 'a\n',
    });
  });

  it('prefers <Dockerfile>.dockerignore next to the Dockerfile', () => {
    fs.writeFileSync(path.join(root, '.dockerignore'), 'a\n');
    fs.writeFileSync(path.join(root, 'docker', 'api.Dockerfile.dockerignore'), 'b\n');
    assert.deepStrictEqual(readIgnoreFile(root, path.join(root, 'docker', 'api.Dockerfile')), {
      path: path.join(root, 'docker', 'api.Dockerfile.dockerignore'),
      text: 'b\n',
    });
  });
});
