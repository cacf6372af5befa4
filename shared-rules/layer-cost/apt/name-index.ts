// Name <-> ref for the package table, read from the table's bytes when asked: one JS string
// (plus a Map entry) per name would cost ~9 MB of heap for ~70k names, of which a
// resolution needs a few dozen.
//
// Real package names are front-coded (first char: base-36 count of chars shared with the
// previous name), so a name can only be rebuilt from an earlier complete one: every 16th
// name is kept decoded ("anchors"), and the others are rebuilt from their anchor. Both
// name lists are sorted (the generator writes them that way; checked here), so a lookup
// is a binary search. Package names are ASCII (Debian policy 5.6.1; checked here), which
// makes chars and bytes the same thing.

import type { BlockReader } from './block-reader';
import type { LineIndex } from './line-index';

const SHIFT = 4;
const MASK = (1 << SHIFT) - 1;

function malformed(what: string): Error {
  return new Error(`apt table: ${what}`);
}

function base36Digit(c: number): number {
  const l = c | 0x20;
  return c >= 48 && c <= 57 ? c - 48 : l >= 97 && l <= 122 ? l - 87 : -1;
}

/** Sign of a[as..ae) compared with b[bs..be), bytewise. */
function compareBytes(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): number {
  const n = Math.min(ae - as, be - bs);
  for (let k = 0; k < n; k++) {
    const d = a[as + k] - b[bs + k];
    if (d !== 0) return d;
  }
  return ae - as - (be - bs);
}

function hasNonAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** `into` (grown if needed) holding bytes[start..end). */
function copyOf(into: Uint8Array, bytes: Uint8Array, start: number, end: number): Uint8Array {
  const out = into.length >= end - start ? into : new Uint8Array((end - start) * 2);
  for (let i = start; i < end; i++) out[i - start] = bytes[i];
  return out;
}

const ascii = new TextDecoder('utf-8');

export class NameIndex {
  /** Real packages, then names that are only provided. */
  readonly count: number;
  /** Decoded names of refs 0, 16, 32, ..., back to back. */
  private readonly anchors: Uint8Array;
  /** End of anchor k in `anchors` (it starts where anchor k - 1 ends). */
  private readonly anchorEnds: Uint32Array;
  private scratch = new Uint8Array(128);
  private query = new Uint8Array(128);
  private readonly reader: BlockReader;

  constructor(
    private readonly lines: LineIndex,
    /** Line of the first (front-coded) real name. */
    private readonly realLine: number,
    private readonly packages: number,
    /** Line of the first virtual name (plain text). */
    private readonly virtualLine: number,
    virtual: number,
  ) {
    const reader = lines.reader;
    this.reader = reader;
    this.count = packages + virtual;
    const anchorEnds = new Uint32Array((packages + MASK) >>> SHIFT);
    let anchors = new Uint8Array(anchorEnds.length * 32);
    let anchorsLength = 0;
    // One pass over the front-coded lines, byte by byte (no views or strings: this runs
    // for every name at load), checking order and ASCII as it rebuilds each name.
    let p = packages > 0 ? lines.start(realLine) : 0;
    let length = 0;
    for (let i = 0; i < packages; i++) {
      const end = reader.lineEnd(p);
      const bytes = reader.span(p, end);
      const s = reader.spanOffset;
      const e = s + end - p;
      const shared = e > s ? base36Digit(bytes[s]) : -1;
      if (shared < 0 || shared > length) throw malformed(`bad front coding in name ${i}`);
      // > 0: this name sorts after the previous one; 0: equal so far.
      let order = i === 0 ? 1 : 0;
      let k = shared;
      for (let q = s + 1; q < e; q++) {
        const b = bytes[q];
        if (b >= 0x80) throw malformed(`name ${i} is not ASCII`);
        if (order === 0) order = k < length ? b - this.scratch[k] : 1;
        if (k === this.scratch.length) this.ensureScratch(k + 1);
        this.scratch[k++] = b;
      }
      if (order <= 0) throw malformed(`names not sorted at ${i}`);
      length = k;
      if ((i & MASK) === 0) {
        if (anchorsLength + length > anchors.length) {
          const grown = new Uint8Array(Math.max(anchors.length * 2, anchorsLength + length));
          grown.set(anchors);
          anchors = grown;
        }
        for (let j = 0; j < length; j++) anchors[anchorsLength + j] = this.scratch[j];
        anchorsLength += length;
        anchorEnds[i >>> SHIFT] = anchorsLength;
      }
      p = end + 1;
    }
    this.anchors = anchors.slice(0, anchorsLength);
    this.anchorEnds = anchorEnds;

    // The previous name is copied out: it may be in a block the next read replaces.
    let prev: Uint8Array = new Uint8Array(128);
    let prevLength = 0;
    let start = virtual > 0 ? lines.start(virtualLine) : 0;
    for (let k = 0; k < virtual; k++) {
      const end = reader.lineEnd(start);
      const bytes = reader.span(start, end);
      const s = reader.spanOffset;
      const e = s + end - start;
      if (hasNonAscii(bytes, s, e)) throw malformed(`virtual name ${k} is not ASCII`);
      if (k > 0 && compareBytes(bytes, s, e, prev, 0, prevLength) <= 0) throw malformed(`virtual names not sorted at ${k}`);
      prev = copyOf(prev, bytes, s, e);
      prevLength = e - s;
      start = end + 1;
    }
  }

  /** The name of `ref` (0 <= ref < count). */
  name(ref: number): string {
    if (!(ref >= 0 && ref < this.count && Number.isInteger(ref))) throw new RangeError(`apt table: no name ref ${ref}`);
    if (ref < this.packages) return ascii.decode(this.scratch.subarray(0, this.rebuild(ref)));
    return this.reader.lineText(this.lines.start(this.virtualLine + ref - this.packages));
  }

  /** Ref of a real or virtual name; undefined when the table does not have it. */
  ref(name: string): number | undefined {
    const q = this.encodeQuery(name);
    if (q < 0) return undefined;
    return this.findReal(q) ?? this.findVirtual(q);
  }

  /** Writes `name` into `query` as bytes; -1 when it cannot be a package name (not ASCII). */
  private encodeQuery(name: string): number {
    if (name.length > this.query.length) this.query = new Uint8Array(name.length * 2);
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i);
      if (c >= 0x80) return -1;
      this.query[i] = c;
    }
    return name.length;
  }

  private findReal(q: number): number | undefined {
    // The last anchor <= the query; the name, if present, is in that anchor's block.
    let lo = 0;
    let hi = this.anchorEnds.length - 1;
    let block = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareBytes(this.anchors, mid > 0 ? this.anchorEnds[mid - 1] : 0, this.anchorEnds[mid], this.query, 0, q);
      if (c === 0) return mid << SHIFT;
      if (c < 0) {
        block = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (block < 0) return undefined;
    const first = block << SHIFT;
    this.loadAnchor(block);
    const reader = this.reader;
    let p = reader.lineEnd(this.lines.start(this.realLine + first)) + 1;
    const last = Math.min(this.packages, first + MASK + 1);
    for (let i = first + 1; i < last; i++) {
      const end = reader.lineEnd(p);
      const bytes = reader.span(p, end);
      const s = reader.spanOffset;
      const length = this.applySuffix(base36Digit(bytes[s]), bytes, s + 1, s + end - p);
      const c = compareBytes(this.scratch, 0, length, this.query, 0, q);
      if (c === 0) return i;
      if (c > 0) return undefined;
      p = end + 1;
    }
    return undefined;
  }

  private findVirtual(q: number): number | undefined {
    let lo = 0;
    let hi = this.count - this.packages - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = this.lines.start(this.virtualLine + mid);
      const end = this.reader.lineEnd(start);
      const bytes = this.reader.span(start, end);
      const s = this.reader.spanOffset;
      const c = compareBytes(bytes, s, s + end - start, this.query, 0, q);
      if (c === 0) return this.packages + mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Puts real name `ref` into `scratch`; returns its length. */
  private rebuild(ref: number): number {
    const reader = this.reader;
    const block = ref >>> SHIFT;
    let length = this.loadAnchor(block);
    let p = reader.lineEnd(this.lines.start(this.realLine + (block << SHIFT))) + 1;
    for (let i = (block << SHIFT) + 1; i <= ref; i++) {
      const end = reader.lineEnd(p);
      const bytes = reader.span(p, end);
      const s = reader.spanOffset;
      length = this.applySuffix(base36Digit(bytes[s]), bytes, s + 1, s + end - p);
      p = end + 1;
    }
    return length;
  }

  // `scratch` already holds the longest real name (the constructor rebuilt them all), so
  // rebuilding one needs no bounds checks.
  private loadAnchor(block: number): number {
    const start = block > 0 ? this.anchorEnds[block - 1] : 0;
    const length = this.anchorEnds[block] - start;
    for (let j = 0; j < length; j++) this.scratch[j] = this.anchors[start + j];
    return length;
  }

  /** Replaces what follows the first `shared` bytes of `scratch` by bytes[start..end); returns the new length. */
  private applySuffix(shared: number, bytes: Uint8Array, start: number, end: number): number {
    for (let j = start; j < end; j++) this.scratch[shared + j - start] = bytes[j];
    return shared + end - start;
  }

  private ensureScratch(length: number): void {
    if (length <= this.scratch.length) return;
    const grown = new Uint8Array(length * 2);
    grown.set(this.scratch);
    this.scratch = grown;
  }
}
