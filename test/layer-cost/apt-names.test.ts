import * as assert from 'assert';
import { gzipSync } from 'zlib';
import { decodeAptTable } from '../../shared-rules/layer-cost/apt';
import { LineIndex } from '../../shared-rules/layer-cost/apt/line-index';
import { gunzipInOneBuffer } from '../../shared-rules/platform/node/debian-table';
import { buildAptTableText, type FixturePackage } from './apt-table-fixture';

// Enough names for several 16-name anchor blocks, with long shared prefixes (front coding
// caps the shared count at 35), names that are prefixes of others, and virtual names.
const LONG = 'x'.repeat(40);
const REAL = [
  'python3', 'python3-a', 'python3-ab', 'python3-abc', 'python3-b',
  `${LONG}a`, `${LONG}b`, `${LONG}ba`, `${LONG}`,
  ...Array.from({ length: 40 }, (_, i) => `libreoffice-l10n-${String(i).padStart(2, '0')}`),
  ...Array.from({ length: 30 }, (_, i) => `lib${String.fromCharCode(97 + (i % 26))}${i}-dev`),
  '0ad', 'zzz', 'g++', 'libstdc++6',
];
const VIRTUAL = Array.from({ length: 20 }, (_, i) => `virt-${i}`);
const PACKAGES: FixturePackage[] = REAL.map((name, i) => ({
  name,
  kib: i + 1,
  debKib: 1000 + i,
  provides: i < VIRTUAL.length ? [VIRTUAL[i]] : undefined,
}));
const SORTED = [...REAL].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const text = buildAptTableText(PACKAGES, ['python3', 'zzz', 'virt-1', 'nope']);

describe('apt table names', () => {
  const t = decodeAptTable(text);

  it('numbers real names in sorted order, then virtual names', () => {
    assert.strictEqual(t.packageCount, REAL.length);
    assert.strictEqual(t.nameCount, REAL.length + VIRTUAL.length);
    assert.deepStrictEqual(Array.from({ length: t.packageCount }, (_, r) => t.name(r)), SORTED);
    assert.deepStrictEqual(Array.from({ length: VIRTUAL.length }, (_, k) => t.name(t.packageCount + k)), [...VIRTUAL].sort());
  });

  it('finds every name, and only names', () => {
    for (let r = 0; r < t.nameCount; r++) assert.strictEqual(t.ref(t.name(r)), r, t.name(r));
    for (const miss of ['', 'python', 'python3-', 'python3-abcd', 'python3-c', LONG.slice(1), `${LONG}c`, '00', 'zzzz', 'a', 'virt-', 'virt-99', 'libreoffice-l10n-40', 'Python3', 'pythön3']) {
      assert.strictEqual(t.ref(miss), undefined, miss);
    }
  });

  it('reads sizes per ref, 0 for virtual refs', () => {
    assert.strictEqual(t.installedKiB(t.ref('g++')!), REAL.indexOf('g++') + 1);
    assert.strictEqual(t.debKiB(t.ref('g++')!), 1000 + REAL.indexOf('g++'));
    assert.strictEqual(t.installedKiB(t.ref('virt-3')!), 0);
    assert.strictEqual(t.debKiB(-1), 0);
  });

  it('maps the baseline and providers through the same lookup', () => {
    assert.deepStrictEqual(t.baseline.map((r) => t.name(r)), ['python3', 'zzz']);
    assert.deepStrictEqual(t.providers(t.ref('virt-7')!).map((r) => t.name(r)), [REAL[7]]);
    assert.deepStrictEqual(t.providers(t.ref('python3')!), []);
  });

  it('rejects refs outside the table', () => {
    assert.throws(() => t.name(t.nameCount), RangeError);
    assert.throws(() => t.name(-1), RangeError);
    assert.throws(() => t.name(1.5), RangeError);
  });

  it('decodes a Buffer that is a view into a larger one', () => {
    const padded = Buffer.from(`padding\n${text}`);
    const b = decodeAptTable(padded.subarray(8));
    assert.strictEqual(b.name(b.ref('libstdc++6')!), 'libstdc++6');
    assert.strictEqual(b.installedKiB(b.ref('0ad')!), REAL.indexOf('0ad') + 1);
  });

  it('rejects unsorted and non-ASCII names', () => {
    const lines = text.split('\n');
    const swap = [...lines];
    [swap[1], swap[2]] = [`0${SORTED[1]}`, `0${SORTED[0]}`];
    assert.throws(() => decodeAptTable(swap.join('\n')), /names not sorted at 1/);
    const accent = [...lines];
    accent[2] = '0pythön';
    assert.throws(() => decodeAptTable(accent.join('\n')), /name 1 is not ASCII/);
    const badPrefix = [...lines];
    badPrefix[2] = 'z';
    assert.throws(() => decodeAptTable(badPrefix.join('\n')), /bad front coding in name 1/);
    const virtualStart = 1 + 9 * REAL.length;
    const virtual = [...lines];
    [virtual[virtualStart], virtual[virtualStart + 1]] = [virtual[virtualStart + 1], virtual[virtualStart]];
    assert.throws(() => decodeAptTable(virtual.join('\n')), /virtual names not sorted at 1/);
  });
});

describe('apt table line index', () => {
  it('finds every line start and end, across sample boundaries', () => {
    const lines = Array.from({ length: 70 }, (_, i) => 'ab'.repeat(i % 5));
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const index = new LineIndex(bytes);
    assert.strictEqual(index.count, 70);
    const decoder = new TextDecoder();
    for (let i = 0; i < 70; i++) {
      const start = index.start(i);
      assert.strictEqual(decoder.decode(bytes.subarray(start, index.endFrom(start))), lines[i], `line ${i}`);
    }
  });

  it('counts a final empty line and an empty buffer as lines', () => {
    assert.strictEqual(new LineIndex(new TextEncoder().encode('a\nb\n')).count, 3);
    const empty = new LineIndex(new Uint8Array(0));
    assert.strictEqual(empty.count, 1);
    assert.strictEqual(empty.endFrom(empty.start(0)), 0);
  });
});

describe('gunzipInOneBuffer', () => {
  it('inflates into a single buffer of the final size', () => {
    const data = Buffer.from(text.repeat(20));
    const out = gunzipInOneBuffer(gzipSync(data));
    assert.ok(out.equals(data));
    assert.strictEqual(out.buffer.byteLength, data.length + 1);
  });

  it('still inflates when the trailer size is not the whole output (several members)', () => {
    const first = 'a'.repeat(100_000);
    const out = gunzipInOneBuffer(Buffer.concat([gzipSync(Buffer.from(first)), gzipSync(Buffer.from('second\n'))]));
    assert.strictEqual(out.toString(), `${first}second\n`);
  });
});
