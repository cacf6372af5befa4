import { LineIndex } from '../text/line-index';
import { PackedRange } from '../text/packed-range';
import type { Redirect, Separator, SimpleCommand, Word } from './model';

/** A word of a script, placed in the document. */
export class DocWord extends PackedRange implements Word {
  readonly text: string;
  readonly value: string;
  readonly static: boolean;
  readonly start: number;
  readonly end: number;

  constructor(text: string, value: string, isStatic: boolean, start: number, end: number, sl: number, sc: number, el: number, ec: number) {
    super(sl, sc, el, ec);
    this.text = text;
    this.value = value;
    this.static = isStatic;
    this.start = start;
    this.end = end;
  }

  /** The word from document offset `start` to `end`. */
  static at(lines: LineIndex, text: string, value: string, isStatic: boolean, start: number, end: number): DocWord {
    const s = lines.positionAt(start);
    const e = lines.positionAt(end);
    return new DocWord(text, value, isStatic, start, end, s.line, s.character, e.line, e.character);
  }

  /**
   * `w` as a DocWord: itself, or a packed copy of another implementation of
   * Word. Copies go through here, never a spread, which would lose the range.
   */
  static of(w: Word): DocWord {
    if (w instanceof DocWord) return w;
    const r = w.range;
    return new DocWord(w.text, w.value, w.static, w.start, w.end, r.start.line, r.start.character, r.end.line, r.end.character);
  }

  /** The same place with another text and value: an option's value written inside its word (`--url=…`, `-ofile`, `--file=x.tar`). */
  retexted(text: string, value: string): DocWord {
    return new DocWord(text, value, this.static, this.start, this.end, this.sl, this.sc, this.el, this.ec);
  }

  /** The same word `dOff` characters and `d` lines later (its lines moved whole). */
  moved(dOff: number, d: number): DocWord {
    return new DocWord(this.text, this.value, this.static, this.start + dOff, this.end + dOff, this.sl + d, this.sc, this.el + d, this.ec);
  }
}

/** The fields of a SimpleCommand other than its range and offsets. */
export type CommandParts = Omit<SimpleCommand, 'start' | 'end' | 'range'>;

/** A simple command of a script, placed in the document. */
export class DocCommand extends PackedRange implements SimpleCommand {
  readonly name: string;
  readonly nameWord: Word;
  readonly args: Word[];
  readonly assignments: readonly { name: string; value: string; word?: Word }[];
  readonly redirects: readonly Redirect[];
  readonly separator: Separator | undefined;
  readonly inSubstitution: boolean;
  readonly conditional: boolean;
  readonly start: number;
  readonly end: number;
  readonly index: number;

  constructor(parts: CommandParts, start: number, end: number, sl: number, sc: number, el: number, ec: number) {
    super(sl, sc, el, ec);
    this.name = parts.name;
    this.nameWord = parts.nameWord;
    this.args = parts.args;
    this.assignments = parts.assignments;
    this.redirects = parts.redirects;
    this.separator = parts.separator;
    this.inSubstitution = parts.inSubstitution;
    this.conditional = parts.conditional;
    this.start = start;
    this.end = end;
    this.index = parts.index;
  }

  /** The command from document offset `start` to `end`. */
  static at(lines: LineIndex, parts: CommandParts, start: number, end: number): DocCommand {
    const s = lines.positionAt(start);
    const e = lines.positionAt(end);
    return new DocCommand(parts, start, end, s.line, s.character, e.line, e.character);
  }

  /** `c` as a DocCommand: itself, or a packed copy of another implementation of SimpleCommand. */
  static of(c: SimpleCommand): DocCommand {
    if (c instanceof DocCommand) return c;
    const r = c.range;
    return new DocCommand(c, c.start, c.end, r.start.line, r.start.character, r.end.line, r.end.character);
  }

  /** This command's place `dOff` characters and `d` lines later, with `parts` (its words moved the same way). */
  moved(parts: CommandParts, dOff: number, d: number): DocCommand {
    return new DocCommand(parts, this.start + dOff, this.end + dOff, this.sl + d, this.sc, this.el + d, this.ec);
  }
}
