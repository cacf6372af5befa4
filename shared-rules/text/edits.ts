import { LineIndex } from './line-index';
import { TextEdit, comparePositions, shiftLines } from './types';

/**
 * Applies non-overlapping edits. Overlapping edits are a bug in a fix, so the
 * later one is dropped rather than corrupting the text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  let out = '';
  let cursor = 0;
  for (const e of sorted) {
    const start = index.offsetAt(e.range.start);
    const end = index.offsetAt(e.range.end);
    if (start < cursor) continue;
    out += text.slice(cursor, start) + e.newText;
    cursor = end;
  }
  return out + text.slice(cursor);
}

/** Edits moved with the text they apply to, `lines` lines down: for cached fixes whose lines moved. */
export function shiftEdits(edits: readonly TextEdit[], lines: number): TextEdit[] {
  return edits.map((e) => ({ range: shiftLines(e.range, lines), newText: e.newText }));
}

export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  for (const x of a) {
    for (const y of b) {
      const xs = x.range.start, xe = x.range.end, ys = y.range.start, ye = y.range.end;
      // Two insertions at the same point conflict too: their order would be arbitrary.
      if (comparePositions(xs, ye) < 0 && comparePositions(ys, xe) < 0) return true;
      if (comparePositions(xs, ys) === 0) return true;
    }
  }
  return false;
}
