import { detach } from '../text/detach';

/**
 * Text assembled from pieces of the document (continuation lines joined,
 * comment lines dropped) together with the way back to document offsets, so
 * every word found in it can be reported at its exact place in the file.
 */
export interface Segment {
  /** Offset in the assembled text. */
  at: number;
  /** Offset in the document. */
  doc: number;
  length: number;
}

export class MappedText {
  constructor(readonly text: string, readonly segments: readonly Segment[]) {}

  /** Document offset of an offset in the assembled text. An end offset maps to the end of its segment. */
  toDocument(offset: number, isEnd = false): number {
    const segs = this.segments;
    if (segs.length === 0) return 0;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const s = segs[mid];
      if (s.at < offset || (!isEnd && s.at === offset)) lo = mid;
      else hi = mid - 1;
    }
    const s = segs[lo];
    return s.doc + Math.min(Math.max(0, offset - s.at), s.length);
  }

  /** Offset in the assembled text of a document offset, or -1 when it was dropped. */
  fromDocument(doc: number): number {
    for (const s of this.segments) {
      if (doc >= s.doc && doc <= s.doc + s.length) return s.at + (doc - s.doc);
    }
    return -1;
  }

  slice(start: number, end = this.text.length): MappedText {
    const segs: Segment[] = [];
    for (const s of this.segments) {
      const a = Math.max(start, s.at);
      const b = Math.min(end, s.at + s.length);
      if (b > a || (a === b && s.length === 0)) segs.push({ at: a - start, doc: s.doc + (a - s.at), length: b - a });
    }
    return new MappedText(this.text.slice(start, end), segs);
  }
}

export class MappedTextBuilder {
  private text = '';
  private readonly segments: Segment[] = [];

  append(piece: string, docOffset: number): void {
    if (piece.length === 0) return;
    this.segments.push({ at: this.text.length, doc: docOffset, length: piece.length });
    this.text += piece;
  }

  build(): MappedText {
    // Joined lines are kept by later versions of the model: a copy, not views of this version's text.
    return new MappedText(detach(this.text), this.segments);
  }
}
