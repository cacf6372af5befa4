// Random access to a ByteSource through a small cache of fixed-size blocks: a resolution
// reads a few hundred short lines scattered over the table, each within one or two
// blocks, and nothing but the blocks read last stays in memory. A MemorySource is read in
// place (its bytes are one block that is always there).
//
// The hot paths return a buffer plus a position in it (`spanOffset`) instead of a
// subarray: a view per line read would be an allocation per line.

import { MemorySource, type ByteSource } from './byte-source';

export interface BlockCacheOptions {
  /** Bytes per block (default 4096). */
  blockSize?: number;
  /** Blocks kept (default 32); at least 2. */
  blocks?: number;
}

const NEWLINE = 10;
const EMPTY = new Uint8Array(0);
const utf8 = new TextDecoder('utf-8');

export class BlockReader {
  readonly length: number;
  /** Where the first byte of the last `span` is in the buffer it returned. */
  spanOffset = 0;
  private readonly blockSize: number;
  /** All cached blocks back to back; also the buffer `chunk` streams through. */
  private readonly pool: Uint8Array;
  private readonly slots: Uint8Array[] = [];
  private readonly slotBlock: Int32Array;
  private readonly slotUse: Float64Array;
  private readonly slotOf = new Map<number, number>();
  private clock = 0;
  /** The block the last access hit: its bytes, and the source offsets it covers. */
  private cur: Uint8Array;
  private curStart = 0;
  private curEnd = 0;
  private scratch = new Uint8Array(256);

  constructor(private readonly source: ByteSource, options: BlockCacheOptions = {}) {
    this.length = source.length;
    if (source instanceof MemorySource) {
      this.blockSize = Math.max(1, source.length);
      this.pool = EMPTY;
      this.slotBlock = new Int32Array(0);
      this.slotUse = new Float64Array(0);
      this.cur = source.bytes;
      this.curEnd = source.length;
      return;
    }
    const blockSize = options.blockSize ?? 4096;
    const blocks = options.blocks ?? 32;
    if (!(Number.isInteger(blockSize) && blockSize > 0 && Number.isInteger(blocks) && blocks >= 2)) {
      throw new RangeError(`block cache: bad options ${blockSize} x ${blocks}`);
    }
    this.blockSize = blockSize;
    this.pool = new Uint8Array(blockSize * blocks);
    for (let s = 0; s < blocks; s++) this.slots.push(this.pool.subarray(s * blockSize, (s + 1) * blockSize));
    this.slotBlock = new Int32Array(blocks).fill(-1);
    this.slotUse = new Float64Array(blocks);
    this.cur = EMPTY;
  }

  /** Offset of the first newline at or after `start`, or the length (`start` itself when it is past the end). */
  lineEnd(start: number): number {
    if (start >= this.length) return start;
    let p = start;
    while (p < this.length) {
      if (p < this.curStart || p >= this.curEnd) this.load(p);
      const buf = this.cur;
      const base = this.curStart;
      const n = this.curEnd - base;
      let i = p - base;
      while (i < n && buf[i] !== NEWLINE) i++;
      if (i < n) return base + i;
      p = base + n;
    }
    return this.length;
  }

  /** The line that starts at `start`, without its newline, decoded as UTF-8 ('' past the end). */
  lineText(start: number): string {
    const end = this.lineEnd(start);
    if (end === start) return '';
    const bytes = this.span(start, end);
    return utf8.decode(bytes.subarray(this.spanOffset, this.spanOffset + end - start));
  }

  /**
   * Bytes [start, end) of the source, at `spanOffset` in the returned buffer. The buffer
   * is the reader's (a cached block or its scratch): read it before the next call.
   */
  span(start: number, end: number): Uint8Array {
    if (!(start >= 0 && start <= end && end <= this.length)) throw new RangeError(`block cache: span ${start}..${end} outside 0..${this.length}`);
    if (start === end) {
      this.spanOffset = 0;
      return EMPTY;
    }
    if (start < this.curStart || start >= this.curEnd) this.load(start);
    if (end <= this.curEnd) {
      this.spanOffset = start - this.curStart;
      return this.cur;
    }
    // Across blocks (rare: a line over a block boundary): gathered in the scratch buffer.
    if (this.scratch.length < end - start) this.scratch = new Uint8Array(Math.max(end - start, this.scratch.length * 2));
    const out = this.scratch;
    for (let p = start; p < end;) {
      if (p < this.curStart || p >= this.curEnd) this.load(p);
      const stop = Math.min(end, this.curEnd);
      const buf = this.cur;
      for (let i = p - this.curStart, o = p - start; p < stop; p++, i++, o++) out[o] = buf[i];
    }
    this.spanOffset = 0;
    return out;
  }

  /**
   * Bytes from `offset` on, as many as one read gives (the whole rest for a MemorySource):
   * for one pass over the source at load. The pool's blocks are reused for this, so the
   * cache is emptied; the buffer is valid until the next call.
   */
  chunk(offset: number): Uint8Array {
    if (!(offset >= 0 && offset <= this.length)) throw new RangeError(`block cache: chunk at ${offset} outside 0..${this.length}`);
    if (this.pool === EMPTY) return this.cur.subarray(offset);
    this.slotOf.clear();
    this.slotBlock.fill(-1);
    this.cur = EMPTY;
    this.curStart = this.curEnd = 0;
    const n = Math.min(this.pool.length, this.length - offset);
    this.fill(offset, this.pool.subarray(0, n));
    return this.pool.subarray(0, n);
  }

  private load(p: number): void {
    const block = Math.floor(p / this.blockSize);
    let slot = this.slotOf.get(block);
    if (slot === undefined) {
      slot = 0;
      for (let s = 1; s < this.slotUse.length; s++) if (this.slotUse[s] < this.slotUse[slot]) slot = s;
      // Emptied before the read, so a failed read leaves no stale block behind.
      if (this.slotBlock[slot] >= 0) this.slotOf.delete(this.slotBlock[slot]);
      this.slotBlock[slot] = -1;
      const start = block * this.blockSize;
      const n = Math.min(this.blockSize, this.length - start);
      this.fill(start, n === this.blockSize ? this.slots[slot] : this.slots[slot].subarray(0, n));
      this.slotBlock[slot] = block;
      this.slotOf.set(block, slot);
    }
    this.slotUse[slot] = ++this.clock;
    this.cur = this.slots[slot];
    this.curStart = block * this.blockSize;
    this.curEnd = Math.min(this.curStart + this.blockSize, this.length);
  }

  private fill(offset: number, target: Uint8Array): void {
    const n = this.source.readInto(offset, target);
    if (n !== target.length) throw new Error(`apt table: read ${n} of ${target.length} bytes at offset ${offset} (the source is shorter than its length ${this.length})`);
  }
}
