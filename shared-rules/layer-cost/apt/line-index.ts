// Random access to the lines of a byte buffer without one offset per line: the package
// table has ~585k lines, a resolution reads a few hundred of them, and a full Uint32Array
// of line starts would cost more memory than half of the table's text.

const NEWLINE = 10;
/** Every 2^SHIFT-th line start is kept; the others are found by scanning at most that many lines. */
const SHIFT = 4;
const MASK = (1 << SHIFT) - 1;

export class LineIndex {
  /** Lines in the buffer (text after the last newline counts as one, even when empty). */
  readonly count: number;
  private readonly samples: Uint32Array;

  constructor(private readonly bytes: Uint8Array) {
    // One pass (the table is 3.5 MB): the sample array grows as lines are found.
    let samples = new Uint32Array((bytes.length >>> 8) + 1);
    let line = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === NEWLINE && (++line & MASK) === 0) {
        const k = line >>> SHIFT;
        if (k === samples.length) {
          const grown = new Uint32Array(k * 2);
          grown.set(samples);
          samples = grown;
        }
        samples[k] = i + 1;
      }
    }
    this.count = line + 1;
    this.samples = samples.slice(0, (line >>> SHIFT) + 1);
  }

  /** Offset of line i's first byte (0 <= i < count). */
  start(i: number): number {
    // A plain loop: lines are short (~6 bytes), too short for indexOf's call overhead.
    const bytes = this.bytes;
    let p = this.samples[i >>> SHIFT];
    for (let k = i & MASK; k > 0; k--) {
      while (bytes[p] !== NEWLINE) p++;
      p++;
    }
    return p;
  }

  /** Offset just past the line that starts at `start` (its newline, or the end of the buffer). */
  endFrom(start: number): number {
    const bytes = this.bytes;
    let p = start;
    while (p < bytes.length && bytes[p] !== NEWLINE) p++;
    return p;
  }
}
