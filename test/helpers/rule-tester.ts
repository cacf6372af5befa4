import assert from 'node:assert/strict';
import { Linter } from '../../shared-rules/engine/lint';
import { Finding, HostInfo, Rule, SeveritySetting } from '../../shared-rules/engine/types';
import { allRules } from '../../shared-rules/rules/index';
import { applyEdits } from '../../shared-rules/text/edits';

/**
 * Table-driven rule tests in the style of ESLint's RuleTester: exact ranges,
 * exact fixed output, and the checks every fix must pass (re-lint is clean for
 * that rule at that place, and no new error appears).
 */
export interface ExpectedError {
  /** 1-based line and column of the start, like an editor shows them. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A substring or pattern the message must match. */
  message?: string | RegExp;
}

export interface ValidCase {
  code: string;
  name?: string;
  host?: HostInfo;
  options?: { trustedRegistries?: string[] };
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** Text after applying the first fix of every finding; null = no fix offered. Omit to skip. */
  output?: string | null;
  /** Which fix of each finding `output` applies (default 0). */
  fixIndex?: number;
  /** Expected `safe` flag of the applied fix. */
  safe?: boolean;
}

function lintWith(rule: Rule, c: ValidCase, severity?: SeveritySetting): Finding[] {
  const linter = new Linter(allRules.some((r) => r === rule) ? allRules : [...allRules, rule]);
  const rules: Record<string, SeveritySetting> = { [rule.meta.id]: severity ?? rule.meta.severity };
  return linter.lintText(c.code, { rules, options: c.options }, c.host ?? {}).findings.filter((f) => f.ruleId === rule.meta.id);
}

function errorsOf(linter: Linter, text: string, c: ValidCase): Finding[] {
  return linter.lintText(text, { options: c.options }, c.host ?? {}).findings.filter((f) => f.severity === 'error');
}

function describeFinding(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.message}`;
}

/**
 * `docsHost`: what the host knows when the docs examples are linted (for rules that need the build context).
 * `docsOptions`: the options they are linted with (for rules that are silent until configured).
 */
export function ruleTester(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[]; docsHost?: HostInfo; docsOptions?: ValidCase['options'] }): void {
  const id = rule.meta.id;
  describe(`rule ${id}`, () => {
    it('documents a flagged and a clean example that really behave so', () => {
      assert.ok(lintWith(rule, { code: rule.meta.docs.bad, host: cases.docsHost, options: cases.docsOptions }).length > 0, 'docs.bad must be flagged');
      assert.deepEqual(lintWith(rule, { code: rule.meta.docs.good, host: cases.docsHost, options: cases.docsOptions }).map(describeFinding), [], 'docs.good must be clean');
    });
    cases.valid.forEach((v, i) => {
      const c = typeof v === 'string' ? { code: v } : v;
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        assert.deepEqual(lintWith(rule, c).map(describeFinding), []);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const found = lintWith(rule, c);
        assert.equal(found.length, c.errors.length, `expected ${c.errors.length} finding(s), got:\n${found.map(describeFinding).join('\n')}`);
        c.errors.forEach((e, k) => {
          const f = found[k];
          assert.equal(f.range.start.line + 1, e.line, `finding ${k + 1} line`);
          assert.equal(f.range.start.character + 1, e.column, `finding ${k + 1} column`);
          if (e.endLine !== undefined) assert.equal(f.range.end.line + 1, e.endLine, `finding ${k + 1} end line`);
          if (e.endColumn !== undefined) assert.equal(f.range.end.character + 1, e.endColumn, `finding ${k + 1} end column`);
          if (e.message !== undefined) {
            if (typeof e.message === 'string') assert.ok(f.message.includes(e.message), `message "${f.message}" lacks "${e.message}"`);
            else assert.match(f.message, e.message);
          }
        });
        if (c.output === undefined) return;
        const fixIndex = c.fixIndex ?? 0;
        const fixes = found.map((f) => f.fixes[fixIndex]).filter((x) => x !== undefined && !x.createFiles);
        if (c.output === null) {
          assert.equal(fixes.length, 0, 'expected no fix');
          return;
        }
        assert.ok(fixes.length > 0, 'expected a fix');
        if (c.safe !== undefined) fixes.forEach((x) => assert.equal(x.safe, c.safe, `fix "${x.title}" safe flag`));
        const fixed = applyEdits(c.code, fixes.flatMap((x) => x.edits));
        assert.equal(fixed, c.output);
        const linter = new Linter(allRules);
        const again = lintWith(rule, { ...c, code: fixed });
        assert.ok(again.length < found.length, `the fix must resolve the finding; after fixing:\n${again.map(describeFinding).join('\n')}`);
        const before = new Set(errorsOf(linter, c.code, c).map((f) => f.ruleId + f.message));
        const newErrors = errorsOf(linter, fixed, c).filter((f) => !before.has(f.ruleId + f.message));
        assert.deepEqual(newErrors.map(describeFinding), [], 'the fix must not introduce errors');
      });
    });
  });
}
