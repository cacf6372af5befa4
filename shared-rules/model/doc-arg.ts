import { LineIndex } from '../text/line-index';
import { PackedRange } from '../text/packed-range';
import { Range } from '../text/types';
import type { Arg } from './types';

/** An instruction argument in the model: its range packed (a 20,000-line file has ~38,000 arguments). */
export class DocArg extends PackedRange implements Arg {
  readonly raw: string;
  readonly value: string;

  constructor(raw: string, value: string, sl: number, sc: number, el: number, ec: number) {
    super(sl, sc, el, ec);
    this.raw = raw;
    this.value = value;
  }

  /** The argument from offset `start` to `end` of `lines`. */
  static at(lines: LineIndex, raw: string, value: string, start: number, end: number): DocArg {
    const s = lines.positionAt(start);
    const e = lines.positionAt(end);
    return new DocArg(raw, value, s.line, s.character, e.line, e.character);
  }

  /** The argument over `r` moved `d` lines. */
  static over(raw: string, value: string, r: Range, d = 0): DocArg {
    return new DocArg(raw, value, r.start.line + d, r.start.character, r.end.line + d, r.end.character);
  }

  /**
   * `a` as a DocArg: itself, or a packed copy of another implementation of
   * Arg. Copies go through here, never a spread, which would lose the range.
   */
  static of(a: Arg): DocArg {
    return a instanceof DocArg ? a : DocArg.over(a.raw, a.value, a.range);
  }

  /** The same argument `d` lines later. */
  moved(d: number): DocArg {
    return new DocArg(this.raw, this.value, this.sl + d, this.sc, this.el + d, this.ec);
  }

  /** The same place with another value (a JSON string's decoded value). */
  withValue(value: string): DocArg {
    return new DocArg(this.raw, value, this.sl, this.sc, this.el, this.ec);
  }
}
