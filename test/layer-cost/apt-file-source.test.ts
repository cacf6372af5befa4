// The package table read from disk on demand: the file source, the block cache over it,
// and a table decoded through them reading exactly what the in-memory decoder reads.

import * as assert from 'assert';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { decodeAptTable, type AptTable, type ByteSource } from '../../shared-rules/layer-cost/apt';
import { BlockReader } from '../../shared-rules/layer-cost/apt/block-reader';
import { FileSource } from '../../shared-rules/platform/node/file-source';
import { DEBIAN_TABLE_FILE, DEBIAN_TABLE_GZ_FILE, findDebianTable, loadDebianTable } from '../../shared-rules/platform/node/debian-table';
import { allRules, defaultLinter, parseDockerfile } from '../../shared-rules/index';
import { computeLayerCosts } from '../../shared-rules/layer-cost/model';
import { buildAptTableText, type FixturePackage } from './apt-table-fixture';

const PACKAGES: FixturePackage[] = [
  { name: 'libc6', kib: 12000, versions: ['2.36-9+deb12u14', '2.36-9+deb12u7'], flags: 'r' },
  { name: 'mawk', kib: 200, provides: ['awk'], flags: 'r' },
  { name: 'curl', kib: 500, debKib: 300, dep: 'libcurl4, libc6', rec: 'ca-certs' },
  { name: 'libcurl4', kib: 800, debKib: 400, dep: 'libssl3 | libssl1, libc6', pre: 'libc6' },
  { name: 'libssl3', kib: 6000, debKib: 2000, dep: 'libc6', conflicts: 'libssl1, !curl' },
  { name: 'ca-certs', kib: 400, dep: 'openssl' },
  { name: 'openssl', kib: 2000, dep: 'libssl3' },
  { name: 'exim', kib: 1500, provides: ['mta'] },
  { name: 'postfix', kib: 3000, provides: ['mta', 'awk'] },
  { name: 'app-mta', kib: 10, dep: 'mta, ?' },
  ...Array.from({ length: 40 }, (_, i) => ({ name: `lib-filler-${String(i).padStart(2, '0')}`, kib: 1000 + i, dep: i > 0 ? `lib-filler-${String(i - 1).padStart(2, '0')}` : 'libc6' })),
];
const TEXT = buildAptTableText(PACKAGES, ['libc6', 'mawk']);

/** Everything a table answers, for every ref (and one past the end). */
function dump(t: AptTable): unknown[] {
  const rows: unknown[] = [t.meta, t.packageCount, t.nameCount, t.baseline];
  for (let r = 0; r < t.nameCount; r++) {
    rows.push([t.name(r), t.ref(t.name(r)), t.installedKiB(r), t.debKiB(r), t.versions(r), t.flags(r), t.preDepends(r), t.depends(r), t.recommends(r), t.conflicts(r), t.providers(r)]);
  }
  rows.push([t.installedKiB(t.nameCount), t.versions(t.nameCount), t.depends(t.nameCount), t.ref('nope') ?? null]);
  return rows;
}

/** A source that counts the reads it serves. */
class CountingSource implements ByteSource {
  reads: number[] = [];
  constructor(private readonly inner: ByteSource) {}
  get length(): number {
    return this.inner.length;
  }
  readInto(offset: number, target: Uint8Array): number {
    this.reads.push(offset);
    return this.inner.readInto(offset, target);
  }
}

describe('apt table read from a file', () => {
  let dir: string;
  let file: string;
  const content = Buffer.from('0123456789\nabcdefghij\nlast line without newline');
  const open: FileSource[] = [];
  const source = (f: string): FileSource => {
    const s = new FileSource(f);
    open.push(s);
    return s;
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'apt-file-source-'));
    file = path.join(dir, 'bytes');
    writeFileSync(file, content);
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('FileSource', () => {
    it('reads at an offset, a short read at the end, nothing past the end', () => {
      const s = source(file);
      assert.strictEqual(s.length, content.length);
      const buf = new Uint8Array(5);
      assert.strictEqual(s.readInto(11, buf), 5);
      assert.strictEqual(Buffer.from(buf).toString(), 'abcde');
      assert.strictEqual(s.readInto(content.length - 3, buf), 3);
      assert.strictEqual(Buffer.from(buf.subarray(0, 3)).toString(), 'ine');
      assert.strictEqual(s.readInto(content.length, buf), 0);
      assert.strictEqual(s.readInto(content.length + 100, buf), 0);
      assert.throws(() => s.readInto(-1, buf), RangeError);
    });

    it('names the file when it cannot be opened', () => {
      assert.throws(() => new FileSource(path.join(dir, 'missing')), (e: Error) => e.message.startsWith(`cannot open ${path.join(dir, 'missing')}: ENOENT`));
    });

    it('fails with a clear Error, every time, once the file is shorter than when it was opened', () => {
      const s = source(file);
      truncateSync(file, 12);
      const buf = new Uint8Array(8);
      assert.strictEqual(s.readInto(0, buf), 8);
      const expected = `${file} changed after it was opened: ${content.length} bytes then, 12 now`;
      assert.throws(() => s.readInto(8, buf), { message: expected });
      // Sticky: even a read the file could still serve fails the same way.
      assert.throws(() => s.readInto(0, buf), { message: expected });
    });

    it('refuses reads once closed', () => {
      const s = new FileSource(file);
      s.close();
      s.close();
      assert.throws(() => s.readInto(0, new Uint8Array(1)), { message: `${file} is closed` });
    });
  });

  describe('BlockReader over a file', () => {
    it('reads spans within a block, across block boundaries and up to the end', () => {
      const r = new BlockReader(source(file), { blockSize: 4, blocks: 2 });
      const text = content.toString('latin1');
      for (let start = 0; start <= content.length; start++) {
        for (let end = start; end <= Math.min(content.length, start + 13); end++) {
          const buf = r.span(start, end);
          assert.strictEqual(Buffer.from(buf.subarray(r.spanOffset, r.spanOffset + end - start)).toString('latin1'), text.slice(start, end), `${start}..${end}`);
        }
      }
    });

    it('finds line ends across blocks, at the end of the file and past it', () => {
      const r = new BlockReader(source(file), { blockSize: 4, blocks: 2 });
      assert.strictEqual(r.lineEnd(0), 10);
      assert.strictEqual(r.lineEnd(3), 10);
      assert.strictEqual(r.lineEnd(10), 10);
      assert.strictEqual(r.lineEnd(11), 21);
      assert.strictEqual(r.lineEnd(22), content.length);
      assert.strictEqual(r.lineEnd(content.length), content.length);
      assert.strictEqual(r.lineEnd(content.length + 5), content.length + 5);
    });

    it('rejects spans past the end', () => {
      const r = new BlockReader(source(file), { blockSize: 4, blocks: 2 });
      assert.throws(() => r.span(content.length - 2, content.length + 1), RangeError);
      assert.throws(() => r.span(5, 4), RangeError);
      assert.throws(() => r.chunk(content.length + 1), RangeError);
      assert.strictEqual(r.span(content.length, content.length).length, 0);
    });

    it('reads each block once while it stays cached, and only the last blocks stay', () => {
      const counting = new CountingSource(source(file));
      const r = new BlockReader(counting, { blockSize: 8, blocks: 2 });
      r.span(0, 4);
      r.span(2, 6);
      r.span(9, 12);
      r.span(1, 3);
      assert.deepStrictEqual(counting.reads, [0, 8]);
      r.span(17, 18); // evicts block 8 (block 0 was used last)
      r.span(4, 5);
      r.span(10, 11);
      assert.deepStrictEqual(counting.reads, [0, 8, 16, 8]);
      // The last block is shorter than the others.
      const buf = r.span(content.length - 4, content.length);
      assert.strictEqual(Buffer.from(buf.subarray(r.spanOffset, r.spanOffset + 4)).toString(), 'line');
      assert.deepStrictEqual(counting.reads, [0, 8, 16, 8, 40]);
    });

    it('streams the whole source in chunks of the cache size', () => {
      const r = new BlockReader(source(file), { blockSize: 4, blocks: 3 });
      const parts: string[] = [];
      for (let base = 0; base < r.length;) {
        const chunk = r.chunk(base);
        parts.push(Buffer.from(chunk).toString());
        base += chunk.length;
      }
      assert.deepStrictEqual(parts.map((p) => p.length), [12, 12, 12, 11]);
      assert.strictEqual(parts.join(''), content.toString());
      // The cache still works after streaming through its blocks.
      const buf = r.span(11, 15);
      assert.strictEqual(Buffer.from(buf.subarray(r.spanOffset, r.spanOffset + 4)).toString(), 'abcd');
    });

    it('passes the source\'s Error on, and caches no block from a failed read', () => {
      let fail = true;
      const reads: number[] = [];
      const flaky: ByteSource = {
        length: content.length,
        readInto: (offset, target) => {
          if (offset === 8 && fail) throw new Error('disk on fire');
          reads.push(offset);
          target.set(content.subarray(offset, offset + target.length));
          return Math.min(target.length, content.length - offset);
        },
      };
      const r = new BlockReader(flaky, { blockSize: 8, blocks: 2 });
      // Line 0 ends at 10, in the second block.
      assert.throws(() => r.lineEnd(0), { message: 'disk on fire' });
      fail = false;
      assert.strictEqual(r.lineEnd(0), 10);
      const buf = r.span(8, 12);
      assert.strictEqual(Buffer.from(buf.subarray(r.spanOffset, r.spanOffset + 4)).toString(), '89\na');
      assert.deepStrictEqual(reads, [0, 8]);
    });

    it('reports a source shorter than its length', () => {
      const lying: ByteSource = { length: 100, readInto: (offset, target) => { target.fill(65); return Math.max(0, Math.min(target.length, 50 - offset)); } };
      const r = new BlockReader(lying, { blockSize: 32, blocks: 2 });
      assert.strictEqual(r.span(0, 10).length, 32);
      assert.throws(() => r.span(40, 41), { message: 'apt table: read 18 of 32 bytes at offset 32 (the source is shorter than its length 100)' });
    });
  });

  describe('decodeAptTable over a file', () => {
    it('answers exactly as the in-memory table, with blocks of every size', () => {
      const tableFile = path.join(dir, DEBIAN_TABLE_FILE);
      writeFileSync(tableFile, TEXT);
      const expected = dump(decodeAptTable(TEXT));
      for (const [blockSize, blocks] of [[1, 2], [3, 2], [7, 3], [64, 2], [4096, 32]]) {
        assert.deepStrictEqual(dump(decodeAptTable(source(tableFile), { blockSize, blocks })), expected, `${blockSize} x ${blocks}`);
      }
    });

    it('reports a bad header or a truncated file as it does for bytes', () => {
      const bad = path.join(dir, 'bad');
      writeFileSync(bad, 'not json\n');
      assert.throws(() => decodeAptTable(source(bad)), /header is not JSON/);
      writeFileSync(bad, TEXT.slice(0, TEXT.length / 2));
      assert.throws(() => decodeAptTable(source(bad)), /truncated/);
    });
  });

  describe('loadDebianTable', () => {
    it('prefers the uncompressed table next to the bundle, then the .gz', () => {
      const data = path.join(dir, 'data');
      mkdirSync(data);
      writeFileSync(path.join(data, DEBIAN_TABLE_GZ_FILE), gzipSync(TEXT));
      assert.strictEqual(findDebianTable(dir), path.join(data, DEBIAN_TABLE_GZ_FILE));
      writeFileSync(path.join(data, DEBIAN_TABLE_FILE), TEXT);
      assert.strictEqual(findDebianTable(dir), path.join(data, DEBIAN_TABLE_FILE));
    });

    it('reads the plain file on demand and the .gz into memory, with the same answers', () => {
      const plain = path.join(dir, DEBIAN_TABLE_FILE);
      const gz = path.join(dir, DEBIAN_TABLE_GZ_FILE);
      writeFileSync(plain, TEXT);
      writeFileSync(gz, gzipSync(TEXT));
      const fromFile = loadDebianTable(plain);
      assert.strictEqual(loadDebianTable(plain), fromFile, 'one table per path');
      assert.deepStrictEqual(dump(fromFile), dump(loadDebianTable(gz)));
    });

    it('surfaces a file that went bad after loading as an Error from the table; costs then say so and no rule fails', () => {
      const plain = path.join(dir, DEBIAN_TABLE_FILE);
      // Large enough that the dependencies are not all in the cached blocks.
      const many: FixturePackage[] = Array.from({ length: 3000 }, (_, i) => ({ name: `pkg-${String(i).padStart(4, '0')}`, kib: i + 1, dep: i > 0 ? `pkg-${String(i - 1).padStart(4, '0')}` : undefined }));
      writeFileSync(plain, buildAptTableText(many, []));
      const t = loadDebianTable(plain);
      truncateSync(plain, 1000);
      assert.throws(() => t.depends(t.ref('pkg-1500')!), (e: Error) => e instanceof Error && e.message.startsWith(`${plain} changed after it was opened`));
      // The cost model and the rules carry on: that RUN has no number and says why.
      const model = parseDockerfile('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends pkg-2900 && rm -rf /var/lib/apt/lists/*\n');
      const run = computeLayerCosts(model, { aptTable: t }).forInstruction(1);
      assert.strictEqual(run?.bytes, null);
      assert.match(run?.detail?.kind === 'unknown' ? run.detail.reason : '', /^No size data: the Debian package table could not be read \(.* changed after it was opened/);
      const everyRule = Object.fromEntries(allRules.map((r) => [r.meta.id, 'warning' as const]));
      assert.deepStrictEqual(defaultLinter().lint(model, { rules: everyRule }, { aptTable: t }).ruleErrors, []);
    });
  });
});
