// Functions that run inside the VS Code page (serialised by playwright's evaluate).
// They must be self-contained: no imports, no calls to other module functions.
// The project compiles without the DOM lib, so the few DOM shapes used here are
// declared locally.

interface ProbeRect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface ProbeNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<ProbeNode>;
  parentElement: ProbeElement | null;
}

interface ProbeElement extends ProbeNode {
  className: string;
  getBoundingClientRect(): ProbeRect;
  querySelectorAll(selector: string): ArrayLike<ProbeElement>;
  ownerDocument: { createRange(): ProbeRange };
}

interface ProbeRange {
  setStart(node: ProbeNode, offset: number): void;
  setEnd(node: ProbeNode, offset: number): void;
  getBoundingClientRect(): ProbeRect;
}

/** One line as the editor renders it; `lineNumber` is 1-based. */
export interface RenderedLine {
  lineNumber: number;
  text: string;
}

/** A decorated stretch of one line; columns are 1-based, `endColumn` exclusive (VS Code's convention). */
export interface SquiggleSpan {
  kind: string;
  line: number;
  startColumn: number;
  endColumn: number;
  text: string;
}

/**
 * Rendered lines of the editor `root` (`.monaco-editor`), sorted, with line
 * numbers taken from the gutter. Inlay hints are injected into the line DOM as
 * real text; spans of the inlay-hint decorations are skipped when
 * `withInlayHints` is false.
 */
export function probeRenderedLines(root: ProbeElement, withInlayHints: boolean): RenderedLine[] {
  const isInjected = (el: ProbeElement | null, stop: ProbeElement): boolean => {
    for (let cur = el; cur && cur !== stop; cur = cur.parentElement) {
      if (/\b(dyn-rule-|ced-)/.test(String(cur.className))) return true;
    }
    return false;
  };
  const textOf = (line: ProbeElement): string => {
    let out = '';
    const walk = (node: ProbeNode): void => {
      if (node.nodeType === 3) {
        if (withInlayHints || !isInjected(node.parentElement, line)) out += node.textContent ?? '';
        return;
      }
      for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    };
    walk(line);
    return out.replace(/\u00a0/g, ' ');
  };
  const numbers = Array.from(root.querySelectorAll('.margin-view-overlays .line-numbers')).map((el) => ({
    top: el.getBoundingClientRect().top,
    n: Number((el.textContent ?? '').trim()),
  }));
  const lines = Array.from(root.querySelectorAll('.view-lines .view-line'))
    .map((el) => ({ top: el.getBoundingClientRect().top, text: textOf(el) }))
    .sort((a, b) => a.top - b.top);
  return lines.map((line, index) => {
    let lineNumber = index + 1;
    let best = Number.POSITIVE_INFINITY;
    for (const candidate of numbers) {
      const distance = Math.abs(candidate.top - line.top);
      if (distance < best && distance < 4 && Number.isInteger(candidate.n) && candidate.n > 0) {
        best = distance;
        lineNumber = candidate.n;
      }
    }
    return { lineNumber, text: line.text };
  });
}

/**
 * Squiggles of one kind (`.squiggly-<kind>`) in the editor `root`, mapped back
 * to the characters they underline by comparing on-screen boxes.
 */
export function probeSquiggles(root: ProbeElement, kind: string): SquiggleSpan[] {
  const lineNumberAt = (top: number): number => {
    for (const el of Array.from(root.querySelectorAll('.margin-view-overlays .line-numbers'))) {
      const rect = el.getBoundingClientRect();
      if (Math.abs(rect.top - top) < 4) return Number((el.textContent ?? '').trim());
    }
    return 0;
  };
  // Inlay hints and other injected text are not document columns (see probeRenderedLines).
  const isInjected = (el: ProbeElement | null, stop: ProbeElement): boolean => {
    for (let cur = el; cur && cur !== stop; cur = cur.parentElement) {
      if (/\b(dyn-rule-|ced-)/.test(String(cur.className))) return true;
    }
    return false;
  };
  const lines = Array.from(root.querySelectorAll('.view-lines .view-line'));
  const spans: SquiggleSpan[] = [];
  for (const squiggle of Array.from(root.querySelectorAll(`.squiggly-${kind}`))) {
    const box = squiggle.getBoundingClientRect();
    const middle = (box.top + box.bottom) / 2;
    const line = lines.find((el) => {
      const rect = el.getBoundingClientRect();
      return rect.top <= middle && middle < rect.bottom;
    });
    if (!line) continue;
    const lineRect = line.getBoundingClientRect();
    const range = line.ownerDocument.createRange();
    let column = 0;
    let start = -1;
    let text = '';
    const walk = (node: ProbeNode): void => {
      if (node.nodeType === 3) {
        if (isInjected(node.parentElement, line)) return;
        const content = node.textContent ?? '';
        for (let i = 0; i < content.length; i++) {
          column++;
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const r = range.getBoundingClientRect();
          const centre = (r.left + r.right) / 2;
          if (centre >= box.left && centre <= box.right) {
            if (start < 0) start = column;
            text += content[i];
          }
        }
        return;
      }
      for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    };
    walk(line);
    if (start < 0) continue;
    spans.push({
      kind,
      line: lineNumberAt(lineRect.top),
      startColumn: start,
      endColumn: start + text.length,
      text: text.replace(/\u00a0/g, ' '),
    });
  }
  return spans.sort((a, b) => a.line - b.line || a.startColumn - b.startColumn);
}
