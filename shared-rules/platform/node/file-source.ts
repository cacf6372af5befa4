// A ByteSource over a file, read with positioned reads on demand: the package table stays
// on disk (and in the OS page cache) instead of in the process.

import { closeSync, fstatSync, openSync, readSync } from 'fs';
import type { ByteSource } from '../../layer-cost/apt/byte-source';

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class FileSource implements ByteSource {
  readonly length: number;
  private fd: number | undefined;
  /** The first read failure: kept and thrown again, so a broken file fails fast on every later read. */
  private failure: Error | undefined;

  /** Opens `file` (the descriptor stays open until `close`); throws an Error when it cannot. */
  constructor(readonly file: string) {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (e) {
      throw new Error(`cannot open ${file}: ${message(e)}`);
    }
    try {
      this.length = fstatSync(fd).size;
    } catch (e) {
      closeSync(fd);
      throw new Error(`cannot stat ${file}: ${message(e)}`);
    }
    this.fd = fd;
  }

  readInto(offset: number, target: Uint8Array): number {
    if (this.failure) throw this.failure;
    if (this.fd === undefined) throw new Error(`${this.file} is closed`);
    if (!(offset >= 0)) throw new RangeError(`negative offset ${offset}`);
    const want = Math.max(0, Math.min(target.length, this.length - offset));
    let done = 0;
    try {
      while (done < want) {
        const n = readSync(this.fd, target, done, want - done, offset + done);
        if (n === 0) break;
        done += n;
      }
    } catch (e) {
      this.failure = new Error(`cannot read ${this.file}: ${message(e)}`);
      throw this.failure;
    }
    if (done < want) {
      this.failure = new Error(`${this.file} changed after it was opened: ${this.length} bytes then, ${offset + done} now`);
      throw this.failure;
    }
    return done;
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
