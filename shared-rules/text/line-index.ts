import { bisect } from './bisect';
import { Position, Range } from './types';

let nextId = 1;

/** Offset <-> position conversion over one immutable text. */
export class LineIndex {
  private readonly starts: number[];
  /**
   * Names this index without holding it: memos keyed by objects that later
   * versions share (instructions) check it, where keeping the index itself
   * would keep that version's whole text alive.
   */
  readonly id = nextId++;

  /** `starts`: the line starts of `text` when the caller has them (afterEdit); scanned from the text otherwise. */
  constructor(
    readonly text: string,
    starts?: number[],
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /**
   * The index of `text`, an edit of `prev.text` that kept the first `prefix`
   * and the last `suffix` characters (prefix + suffix at most either length).
   * Equal to `new LineIndex(text)`, but only the edited span is scanned: the
   * starts before it are copied and those after it moved. A keystroke in a
   * 20,000-line file scanned ~550,000 characters for this.
   *
   * A line start s depends only on the characters at s - 1 and s (a CR
   * followed by LF starts the line after the LF). So the starts below
   * `prefix` are the old ones, and those from `length - suffix + 1` on are the
   * old ones moved by the change in length.
   */
  static afterEdit(prev: LineIndex, text: string, prefix: number, suffix: number): LineIndex {
    const old = prev.starts;
    const starts = old.slice(0, bisect(0, old.length, (k) => old[k] >= prefix));
    if (starts.length === 0) starts.push(0);
    const limit = text.length - suffix + 1;
    for (let i = Math.max(0, prefix - 1); i < text.length; i++) {
      const c = text.charCodeAt(i);
      let start = -1;
      if (c === 10) start = i + 1;
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
      if (start === -1) {
        if (i >= limit) break;
        continue;
      }
      if (start >= limit) break;
      starts.push(start);
    }
    const delta = text.length - prev.text.length;
    const resume = prev.text.length - suffix + 1;
    for (let k = bisect(0, old.length, (j) => old[j] >= resume); k < old.length; k++) starts.push(old[k] + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** End of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[p.line] + Math.max(0, p.character), this.lineEnd(p.line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  slice(r: Range): string {
    return this.text.slice(this.offsetAt(r.start), this.offsetAt(r.end));
  }
}

