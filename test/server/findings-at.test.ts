import assert from 'node:assert/strict';
import { generateDockerfile, rng } from '../../scripts/bench/generate';
import { anySafeFix, DiagnosticKey, findingsAt, isFindingAt } from '../../server/handlers/findings-at';
import { Finding } from '../../shared-rules/engine/types';
import { allRules, defaultLinter } from '../../shared-rules/index';
import { Range } from '../../shared-rules/text/types';

const everyRule = Object.fromEntries(allRules.map((r) => [r.meta.id, 'warning' as const]));

function finding(ruleId: string, range: Range, safe = false): Finding {
  return { ruleId, severity: 'warning', message: ruleId, range, fixes: safe ? [{ title: 'fix', safe: true, edits: [] }] : [], tags: [], instructionIndex: undefined };
}

const r = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const ids = (fs: Finding[]) => fs.map((f) => f.ruleId);

describe('findings at a code-action range', () => {
  // Sorted by start, as the engine returns them.
  const findings = [finding('whole-run', r(1, 0, 9, 4)), finding('a', r(2, 4, 2, 8)), finding('point', r(3, 2, 3, 2)), finding('b', r(5, 0, 5, 3), true), finding('c', r(7, 1, 7, 5))];

  it('finds a finding that starts many lines before the cursor and spans it', () => {
    assert.deepEqual(ids(findingsAt(findings, r(8, 0, 8, 0), [])), ['whole-run']);
  });

  it('finds a one-point finding from a cursor on it, and overlaps by strict comparison', () => {
    assert.deepEqual(ids(findingsAt(findings, r(3, 2, 3, 2), [])), ['whole-run', 'point']);
    // Nothing before it reaches past the cursor: the point finding is still found.
    assert.deepEqual(ids(findingsAt(findings.slice(1), r(3, 2, 3, 2), [])), ['point']);
    // Touching ends do not overlap: a range ending where `a` starts does not select it.
    assert.deepEqual(ids(findingsAt(findings, r(2, 0, 2, 4), [])), ['whole-run']);
  });

  it('adds the diagnostics the client sent, also away from the range, in the findings order', () => {
    const sent: DiagnosticKey[] = [{ code: 'c', range: r(7, 1, 7, 5) }, { code: 'other-rule', range: r(5, 0, 5, 3) }];
    assert.deepEqual(ids(findingsAt(findings, r(0, 0, 0, 1), sent)), ['c']);
  });

  it('falls back to a scan when the findings are not in start order', () => {
    const shuffled = [findings[3], findings[0], findings[4]];
    assert.deepEqual(ids(findingsAt(shuffled, r(7, 2, 7, 2), [])), ['whole-run', 'c']);
  });

  it('tells whether any finding has a safe fix', () => {
    assert.equal(anySafeFix(findings), true);
    assert.equal(anySafeFix(findings.filter((f) => f.ruleId !== 'b')), false);
  });

  it('selects exactly what scanning every finding selects, on real findings and random ranges', () => {
    const linter = defaultLinter();
    for (let seed = 1; seed <= 4; seed++) {
      const { findings: real } = linter.lintText(generateDockerfile(1000, seed), { rules: everyRule });
      assert.ok(real.length > 80, `seed ${seed}: ${real.length} findings`);
      const rand = rng(seed);
      const lastLine = real[real.length - 1].range.end.line + 2;
      for (let k = 0; k < 300; k++) {
        const a = { line: Math.floor(rand() * lastLine), character: Math.floor(rand() * 30) };
        const b = rand() < 0.5 ? a : { line: a.line + Math.floor(rand() * 4), character: Math.floor(rand() * 30) };
        const range = { start: a, end: b };
        // Half the requests send back one real diagnostic, from anywhere in the file.
        const pick = real[Math.floor(rand() * real.length)];
        const sent: DiagnosticKey[] = rand() < 0.5 ? [{ code: pick.ruleId, range: pick.range }] : [];
        assert.deepEqual(findingsAt(real, range, sent), real.filter((f) => isFindingAt(f, range, sent)), `seed ${seed}, request ${k}`);
      }
    }
  });
});
