import assert from 'node:assert/strict';
import { rng } from '../../scripts/bench/generate';
import { LineIndex } from '../../shared-rules/text/line-index';

/** Every line start of `x`, read through the public API. */
function starts(x: LineIndex): number[] {
  const out: number[] = [];
  for (let l = 0; l < x.lineCount; l++) out.push(x.lineStart(l));
  return out;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i < max && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

describe('LineIndex.afterEdit', () => {
  // Line breaks of every kind, so edits split and join CR LF pairs.
  const ALPHABET = ['a', 'b', ' ', '\n', '\r', '\r\n', '\\', 'é'];

  it('gives the line starts a scan of the new text gives, for random edits of random texts', () => {
    const r = rng(4242);
    const pick = () => ALPHABET[Math.floor(r() * ALPHABET.length)];
    const piece = (n: number) => Array.from({ length: n }, pick).join('');
    let checked = 0;
    for (let t = 0; t < 3000; t++) {
      const before = piece(Math.floor(r() * 40));
      const at = Math.floor(r() * (before.length + 1));
      const cut = Math.floor(r() * Math.min(6, before.length - at + 1));
      const after = before.slice(0, at) + piece(Math.floor(r() * 5)) + before.slice(at + cut);
      const max = Math.min(before.length, after.length);
      const prefix = commonPrefix(before, after);
      const suffix = commonSuffix(before, after, max - prefix);
      const prev = new LineIndex(before);
      const expected = starts(new LineIndex(after));
      // The parser passes the longest common prefix and suffix; any shorter ones must work too.
      for (const [p, s] of [[prefix, suffix], [Math.floor(prefix / 2), suffix], [prefix, Math.floor(suffix / 2)], [0, 0]]) {
        assert.deepEqual(starts(LineIndex.afterEdit(prev, after, p, s)), expected, `${JSON.stringify(before)} -> ${JSON.stringify(after)}, prefix ${p}, suffix ${s}`);
        checked++;
      }
    }
    assert.equal(checked, 12000);
  });

  it('answers positions and offsets as the scanned index does around a split CR LF pair', () => {
    const before = 'FROM a\r\nRUN b\r\nCMD c\r\n';
    const after = 'FROM a\rX\nRUN b\r\nCMD c\r\n'; // the first pair split in two breaks
    const x = LineIndex.afterEdit(new LineIndex(before), after, 7, before.length - 7);
    const y = new LineIndex(after);
    for (let o = 0; o <= after.length; o++) assert.deepEqual(x.positionAt(o), y.positionAt(o), `offset ${o}`);
    assert.equal(x.lineCount, 5);
  });
});
