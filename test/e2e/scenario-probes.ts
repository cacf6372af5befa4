// Functions that run inside the VS Code page (serialised by playwright's
// evaluate): each must stay self-contained. The project compiles without the DOM lib, so the DOM shapes
// used are declared here.

interface TokenProbeElement {
  className: string;
  textContent: string | null;
  children: ArrayLike<TokenProbeElement>;
  getBoundingClientRect(): { top: number };
  querySelectorAll(selector: string): ArrayLike<TokenProbeElement>;
  ownerDocument: { defaultView: { getComputedStyle(el: TokenProbeElement): { color: string } } | null };
}

/** One syntax token as rendered: its text, its `mtkN` colour class and the colour it resolves to. */
export interface TokenSpan {
  text: string;
  className: string;
  color: string;
}

/**
 * Tokens of the rendered line `lineNumber` (1-based, read from the gutter) of
 * the editor `root` (`.monaco-editor`); [] when that line is not rendered.
 * Each `.view-line > span > span` is one token coloured by an `mtkN` class.
 */
export function probeLineTokens(root: TokenProbeElement, lineNumber: number): TokenSpan[] {
  const gutter = Array.from(root.querySelectorAll('.margin-view-overlays .line-numbers')).find(
    (el) => Number((el.textContent ?? '').trim()) === lineNumber,
  );
  if (!gutter) return [];
  const top = gutter.getBoundingClientRect().top;
  const line = Array.from(root.querySelectorAll('.view-lines .view-line')).find(
    (el) => Math.abs(el.getBoundingClientRect().top - top) < 4,
  );
  if (!line || line.children.length === 0) return [];
  const view = line.ownerDocument.defaultView;
  return Array.from(line.children[0].children).map((span) => ({
    text: (span.textContent ?? '').replace(/\u00a0/g, ' '),
    className: String(span.className),
    color: view ? view.getComputedStyle(span).color : '',
  }));
}

/** aria-labels of the Quick Open rows, read in one go (the list re-renders while results arrive). */
export function probeQuickOpenLabels(): string[] {
  const doc = (globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }> } }).document;
  return Array.from(doc.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')).map((row) => row.getAttribute('aria-label') ?? '');
}
