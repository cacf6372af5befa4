import { Range } from './types';

/**
 * Base of model objects that exist by the ten thousand in a large file (the
 * words and commands of its RUNs) and whose ranges few readers ask for: a
 * finding or a fix that names one. The range is kept as four numbers (32
 * bytes in the object) and built when read, instead of a Range and its two
 * Positions (~116 bytes). Each read returns a new Range.
 */
export abstract class PackedRange {
  protected constructor(
    protected readonly sl: number,
    protected readonly sc: number,
    protected readonly el: number,
    protected readonly ec: number,
  ) {}

  get range(): Range {
    return { start: { line: this.sl, character: this.sc }, end: { line: this.el, character: this.ec } };
  }

  /** Serialized as the plain object it stands for: its own fields and `range`. */
  toJSON(): Record<string, unknown> {
    const { sl, sc, el, ec, ...fields } = this;
    return { ...fields, range: this.range };
  }
}
