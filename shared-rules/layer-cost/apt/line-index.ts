// Random access to the lines of the table without one offset per line: the package
// table has ~585k lines, a resolution reads a few hundred of them, and a full Uint32Array
// of line starts would cost more memory than half of the table's text.

import { BlockReader } from './block-reader';
import { MemorySource } from './byte-source';

const NEWLINE = 10;
/** Every 2^SHIFT-th line start is kept; the others are found by scanning at most that many lines. */
const SHIFT = 4;
const MASK = (1 << SHIFT) - 1;

interface Scan {
  /** Newlines seen so far. */
  line: number;
  /** Start of every 2^SHIFT-th line; grows as lines are found. */
  samples: Uint32Array;
}

// A function of its own, called once per chunk: the loop is compiled once, not again for
// every chunk as a loop nested in the constructor was.
function sampleLines(chunk: Uint8Array, base: number, scan: Scan): void {
  let line = scan.line;
  let samples = scan.samples;
  for (let i = 0; i < chunk.length; i++) {
    if (chunk[i] === NEWLINE && (++line & MASK) === 0) {
      const k = line >>> SHIFT;
      if (k === samples.length) {
        const grown = new Uint32Array(k * 2);
        grown.set(samples);
        samples = grown;
      }
      samples[k] = base + i + 1;
    }
  }
  scan.line = line;
  scan.samples = samples;
}

export class LineIndex {
  /** Lines in the source (text after the last newline counts as one, even when empty). */
  readonly count: number;
  /** The bytes the lines are in. */
  readonly reader: BlockReader;
  private readonly samples: Uint32Array;

  constructor(data: Uint8Array | BlockReader) {
    const reader = data instanceof BlockReader ? data : new BlockReader(new MemorySource(data));
    this.reader = reader;
    // One pass in large chunks (the table is 3.5 MB).
    const scan: Scan = { line: 0, samples: new Uint32Array((reader.length >>> 8) + 1) };
    for (let base = 0; base < reader.length;) {
      const chunk = reader.chunk(base);
      sampleLines(chunk, base, scan);
      base += chunk.length;
    }
    this.count = scan.line + 1;
    this.samples = scan.samples.slice(0, (scan.line >>> SHIFT) + 1);
  }

  /** Offset of line i's first byte (0 <= i < count). */
  start(i: number): number {
    let p = this.samples[i >>> SHIFT];
    for (let k = i & MASK; k > 0; k--) p = this.reader.lineEnd(p) + 1;
    return p;
  }

  /** Offset just past the line that starts at `start` (its newline, or the end of the source). */
  endFrom(start: number): number {
    return this.reader.lineEnd(start);
  }
}
