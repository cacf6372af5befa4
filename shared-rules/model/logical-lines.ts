import { LineIndex } from '../text/line-index';
import { EscapeChar } from './types';
import { NONE } from './none';

/**
 * Splits a Dockerfile into the units BuildKit's parser sees. We do this
 * ourselves instead of trusting dockerfile-ast's grouping because the two
 * differ (a line ending in an escaped escape, `C:\\dir\\`, does not continue
 * in BuildKit), and because per-instruction units let the model re-parse only
 * the instructions an edit touched.
 */
export type LogicalUnit =
  | { kind: 'directive'; line: number; name: string; value: string; nameStart: number; nameEnd: number; valueStart: number; valueEnd: number }
  | { kind: 'comment'; line: number }
  | { kind: 'instruction'; startLine: number; endLine: number; logicalEndLine: number; heredocs: readonly HeredocSpan[]; emptyContinuationLines: readonly number[] };

export interface HeredocSpan {
  name: string;
  stripTabs: boolean;
  quoted: boolean;
  /** Offset of the `<<` marker within the joined logical line. */
  markerIndex: number;
  markerLength: number;
  /** First body line; bodyEndLine < bodyStartLine when the body is empty. */
  bodyStartLine: number;
  bodyEndLine: number;
  /** Line of the closing delimiter; -1 when unterminated. */
  endLine: number;
}

const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/;
const KNOWN_DIRECTIVES = new Set(['escape', 'syntax', 'check']);

function isBlank(s: string): boolean {
  return /^[ \t\f\v\u00a0\ufeff]*$/.test(s);
}

function isCommentLine(s: string): boolean {
  return /^[ \t]*#/.test(s);
}

/** BuildKit: `([^E])E[ \t]*$|^E[ \t]*$` — an escaped escape does not continue. */
export function continues(line: string, escape: EscapeChar): boolean {
  let i = line.length - 1;
  while (i >= 0 && (line[i] === ' ' || line[i] === '\t')) i--;
  if (i < 0 || line[i] !== escape) return false;
  return i === 0 || line[i - 1] !== escape;
}

/**
 * The line where the text of an instruction (lines `startLine..endLine`) ends,
 * when that line continues: a continuation left open at the end of the file,
 * which takes in whatever is added after it. Undefined otherwise.
 */
export function danglingContinuationLine(index: LineIndex, escape: EscapeChar, startLine: number, endLine: number): number | undefined {
  let l = endLine;
  while (l > startLine && (isBlank(index.lineText(l)) || isCommentLine(index.lineText(l)))) l--;
  return continues(index.lineText(l), escape) ? l : undefined;
}

/** The escape character declared by the directives at the top of the file. */
export function detectEscape(index: LineIndex): EscapeChar {
  for (let l = 0; l < index.lineCount; l++) {
    let text = index.lineText(l);
    if (l === 0) text = text.replace(/^\ufeff/, '');
    const m = DIRECTIVE.exec(text);
    if (!m) break;
    if (m[1].toLowerCase() === 'escape' && m[2] === '`') return '`';
  }
  return '\\';
}

/**
 * `startLine` > 0 resumes splitting after the directives (incremental
 * re-parse); `stopAt` ends the split before a unit that starts on a line it
 * accepts, so a re-parse stops where it meets the old units again.
 */
export function splitLogicalUnits(index: LineIndex, escape: EscapeChar, startLine = 0, stopAt?: (line: number) => boolean): LogicalUnit[] {
  const units: LogicalUnit[] = [];
  let lookingForDirectives = startLine === 0;
  const seen = new Set<string>();
  let l = startLine;
  const n = index.lineCount;
  while (l < n) {
    let text = index.lineText(l);
    if (stopAt && !isBlank(text) && stopAt(l)) break;
    if (l === 0) text = text.replace(/^\ufeff/, '');
    if (lookingForDirectives) {
      const m = DIRECTIVE.exec(text);
      const name = m?.[1].toLowerCase();
      if (m && name && KNOWN_DIRECTIVES.has(name) && !seen.has(name)) {
        seen.add(name);
        const nameStart = text.indexOf(m[1]);
        const valueStart = text.indexOf(m[2], nameStart + m[1].length);
        units.push({ kind: 'directive', line: l, name, value: m[2], nameStart, nameEnd: nameStart + m[1].length, valueStart, valueEnd: valueStart + m[2].length });
        l++;
        continue;
      }
      lookingForDirectives = false;
    }
    if (isCommentLine(text)) {
      units.push({ kind: 'comment', line: l });
      l++;
      continue;
    }
    if (isBlank(text)) {
      l++;
      continue;
    }
    const startLine = l;
    let joined = text;
    const emptyContinuationLines: number[] = [];
    let cont = continues(text, escape);
    if (cont) joined = stripContinuation(joined, escape);
    while (cont && l + 1 < n) {
      l++;
      const next = index.lineText(l);
      if (isCommentLine(next)) continue;
      if (isBlank(next)) {
        // The empty line after the newline that ends the file is no line to
        // BuildKit, which reads lines as Go's scanner does.
        if (!(l === n - 1 && next === '')) emptyContinuationLines.push(l);
        continue;
      }
      cont = continues(next, escape);
      joined += cont ? stripContinuation(next, escape) : next;
    }
    // Trailing comment/blank lines swallowed by a dangling continuation at EOF
    // belong to the instruction in BuildKit too, but ranges should end on text.
    let logicalEndLine = l;
    while (logicalEndLine > startLine && (isBlank(index.lineText(logicalEndLine)) || isCommentLine(index.lineText(logicalEndLine)))) logicalEndLine--;
    const heredocs: HeredocSpan[] = [];
    if (/^\s*(RUN|COPY|ADD)\b/i.test(joined) || /^\s*ONBUILD\s+(RUN|COPY|ADD)\b/i.test(joined)) {
      for (const marker of findHeredocMarkers(joined)) {
        const bodyStartLine = l + 1;
        let endLine = -1;
        let k = bodyStartLine;
        for (; k < n; k++) {
          let candidate = index.lineText(k);
          if (marker.stripTabs) candidate = candidate.replace(/^\t+/, '');
          if (candidate === marker.name) {
            endLine = k;
            break;
          }
        }
        heredocs.push({ ...marker, bodyStartLine, bodyEndLine: (endLine === -1 ? n : endLine) - 1, endLine });
        l = endLine === -1 ? n - 1 : endLine;
        if (endLine === -1) break;
      }
    }
    units.push({ kind: 'instruction', startLine, endLine: l, logicalEndLine, heredocs: heredocs.length > 0 ? heredocs : NONE, emptyContinuationLines: emptyContinuationLines.length > 0 ? emptyContinuationLines : NONE });
    l++;
  }
  return units;
}

function stripContinuation(line: string, escape: EscapeChar): string {
  const i = line.lastIndexOf(escape);
  return line.slice(0, i);
}

interface Marker {
  name: string;
  stripTabs: boolean;
  quoted: boolean;
  markerIndex: number;
  markerLength: number;
}

/**
 * Finds `<<WORD` heredoc markers outside quotes, as BuildKit's
 * heredocsFromLine does with its shell word splitter (`<<<` is a here-string).
 */
export function findHeredocMarkers(line: string): Marker[] {
  const out: Marker[] = [];
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '<' && line[i + 1] === '<' && line[i + 2] !== '<' && atWordStart(line, i)) {
      let j = i + 2;
      const stripTabs = line[j] === '-';
      if (stripTabs) j++;
      const m = /^(["']?)([^\s"'<>|&;()]+)\1/.exec(line.slice(j));
      if (m && m[2]) {
        out.push({ name: m[2], stripTabs, quoted: m[1] !== '', markerIndex: i, markerLength: j - i + m[0].length });
        i = j + m[0].length - 1;
      }
    }
  }
  return out;
}

/** BuildKit matches `^(\d*)<<` against whole shell words, so `cat<<EOF` and `$((1<<2))` are not heredocs. */
function atWordStart(line: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && line[k] >= '0' && line[k] <= '9') k--;
  return k < 0 || line[k] === ' ' || line[k] === '\t';
}
