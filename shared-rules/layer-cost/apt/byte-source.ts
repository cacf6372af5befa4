// Where the package table's bytes come from: memory (tests, the web build, a table
// gunzipped at load) or a file the platform layer reads on demand, so the 3.5 MB of
// text need not stay in the process.

export interface ByteSource {
  /** Size in bytes; fixed for the source's lifetime. */
  readonly length: number;
  /**
   * Copies bytes from `offset` into `target` (as many as fit, up to the end of the
   * source); returns how many were copied, 0 at or past the end. Throws an Error
   * when the bytes cannot be read.
   */
  readInto(offset: number, target: Uint8Array): number;
}

/** Bytes already in memory: readers use them in place instead of copying blocks. */
export class MemorySource implements ByteSource {
  readonly length: number;

  constructor(readonly bytes: Uint8Array) {
    this.length = bytes.length;
  }

  readInto(offset: number, target: Uint8Array): number {
    if (!(offset >= 0)) throw new RangeError(`negative offset ${offset}`);
    const n = Math.max(0, Math.min(target.length, this.length - offset));
    if (n > 0) target.set(this.bytes.subarray(offset, offset + n));
    return n;
  }
}
