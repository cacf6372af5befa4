import { Finding } from '../../shared-rules/engine/types';
import { bisect } from '../../shared-rules/text/bisect';
import { comparePositions, Position, Range, rangesOverlap } from '../../shared-rules/text/types';

/** A diagnostic as the client sends it back in a code-action request: what identifies a finding. */
export interface DiagnosticKey {
  code?: string | number;
  range: Range;
}

export function sameFinding(f: Finding, d: DiagnosticKey): boolean {
  return d.code === f.ruleId && comparePositions(d.range.start, f.range.start) === 0 && comparePositions(d.range.end, f.range.end) === 0;
}

/** The finding overlaps the range or starts where it starts (a cursor on an empty or one-point finding). */
function touches(f: Finding, range: Range): boolean {
  return rangesOverlap(f.range, range) || comparePositions(f.range.start, range.start) === 0;
}

/** Whether the light bulb at `range` shows `f`: it touches the range or is one of the diagnostics the client sent. */
export function isFindingAt(f: Finding, range: Range, diagnostics: readonly DiagnosticKey[]): boolean {
  return touches(f, range) || diagnostics.some((d) => sameFinding(f, d));
}

const hasSafeFix = (f: Finding): boolean => f.fixes.some((x) => x.safe);

interface FindingIndex {
  /** reach[i]: the furthest end among findings[0..i]; never decreases, so it can be bisected. */
  reach: Position[];
  hasSafeFix: boolean;
}

// One index per result: a version's findings never change, and every
// light-bulb request on that version reuses it.
const indexes = new WeakMap<readonly Finding[], FindingIndex | null>();

/** Null when the findings are not in start order (the engine sorts them; then a plain scan). */
function indexOf(findings: readonly Finding[]): FindingIndex | null {
  let index = indexes.get(findings);
  if (index !== undefined) return index;
  const reach: Position[] = new Array<Position>(findings.length);
  let anySafe = false;
  let sorted = true;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (i > 0 && comparePositions(findings[i - 1].range.start, f.range.start) > 0) sorted = false;
    reach[i] = i > 0 && comparePositions(reach[i - 1], f.range.end) >= 0 ? reach[i - 1] : f.range.end;
    if (!anySafe) anySafe = hasSafeFix(f);
  }
  index = sorted ? { reach, hasSafeFix: anySafe } : null;
  indexes.set(findings, index);
  return index;
}

/**
 * The findings the light bulb at `range` shows (`isFindingAt`), in their
 * order. At 20,000 lines there are ~2,500 findings and a request came to
 * scanning them all; with findings in start order, only those that start
 * before the range ends and reach its start are looked at, plus the ones
 * starting where a sent diagnostic starts.
 */
export function findingsAt(findings: readonly Finding[], range: Range, diagnostics: readonly DiagnosticKey[]): Finding[] {
  const index = indexOf(findings);
  if (!index) return findings.filter((f) => isFindingAt(f, range, diagnostics));
  const n = findings.length;
  // Overlapping or starting at range.start: start <= range.end and end >= range.start.
  const hi = bisect(0, n, (i) => comparePositions(findings[i].range.start, range.end) > 0);
  const lo = bisect(0, hi, (i) => comparePositions(index.reach[i], range.start) >= 0);
  const picked = new Set<number>();
  // The sent diagnostics are matched by the loop below, wherever they are.
  for (let i = lo; i < hi; i++) if (touches(findings[i], range)) picked.add(i);
  for (const d of diagnostics) {
    for (let i = bisect(0, n, (k) => comparePositions(findings[k].range.start, d.range.start) >= 0); i < n && comparePositions(findings[i].range.start, d.range.start) === 0; i++) {
      if (sameFinding(findings[i], d)) picked.add(i);
    }
  }
  return [...picked].sort((a, b) => a - b).map((i) => findings[i]);
}

/** Whether any finding has a safe fix (what decides whether fix-all is offered). */
export function anySafeFix(findings: readonly Finding[]): boolean {
  const index = indexOf(findings);
  return index ? index.hasSafeFix : findings.some(hasSafeFix);
}
