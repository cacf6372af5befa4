import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyEdits, Finding, fixAll, LintResult } from '../../shared-rules/index';
import { corpusDir, corpusFiles, everyRuleLinter } from '../helpers/corpus';

/**
 * Robustness over ~2,150 real Dockerfiles: every rule, every file, no
 * exception; every fix applies cleanly and keeps the file lintable; fix-all
 * converges. Hangs are caught by mocha's timeout.
 */
describe('corpus', function () {
  const dir = corpusDir();
  it('lints every file of ../shared/corpus with every rule on, without an exception', function () {
    if (!dir) {
      console.warn('    ../shared/corpus not found: set LAYERWISE_CORPUS');
      this.skip();
    }
    const { linter, config } = everyRuleLinter();
    const files = corpusFiles(dir!);
    assert.ok(files.length > 2000, `expected the whole corpus, found ${files.length} files`);
    const failures: string[] = [];
    let findings = 0;
    for (const f of files) {
      const text = readFileSync(f.path, 'utf8');
      try {
        const r = linter.lintText(text, config);
        findings += r.findings.length;
        for (const e of r.ruleErrors) failures.push(`${f.repo}/${f.file}: ${e.ruleId}: ${e.error.split('\n')[0]}`);
      } catch (e) {
        failures.push(`${f.repo}/${f.file}: ${String(e)}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(findings > 0);
  });

  it('applies every fix of every finding: edits in range and apart, the text changes, and the result lints without an exception or a new syntax finding', function () {
    if (!dir) this.skip();
    this.timeout(180_000);
    const { linter, config, syntaxRules } = everyRuleLinter();
    const syntaxCount = (r: LintResult) => r.findings.filter((f) => syntaxRules.has(f.ruleId)).length;
    const failures: string[] = [];
    let applied = 0;
    for (const f of corpusFiles(dir!)) {
      const text = readFileSync(f.path, 'utf8');
      const before = linter.lintText(text, config);
      const { lines } = before.model;
      const end = lines.positionAt(text.length);
      const where = (x: Finding, title: string) => `${f.repo}/${f.file}:${x.range.start.line + 1}: ${x.ruleId} "${title}"`;
      for (const finding of before.findings) {
        for (const fix of finding.fixes) {
          if (fix.edits.length === 0) continue;
          const offsets = fix.edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)]).sort((a, b) => a[0] - b[0]);
          const outside = fix.edits.some((e) => e.range.end.line > end.line || (e.range.end.line === end.line && e.range.end.character > end.character));
          const overlap = offsets.some(([s], k) => k > 0 && s < offsets[k - 1][1]);
          if (outside || overlap) {
            failures.push(`${where(finding, fix.title)}: edits ${outside ? 'outside the text' : 'overlap'}`);
            continue;
          }
          const fixed = applyEdits(text, fix.edits);
          if (fixed === text) {
            failures.push(`${where(finding, fix.title)}: changes nothing`);
            continue;
          }
          applied++;
          const after = linter.lintText(fixed, config);
          for (const e of after.ruleErrors) failures.push(`${where(finding, fix.title)}: then ${e.ruleId} throws: ${e.error.split('\n')[0]}`);
          if (syntaxCount(after) > syntaxCount(before)) failures.push(`${where(finding, fix.title)}: adds a syntax finding`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(applied > 5000, `expected thousands of fixes over the corpus, applied ${applied}`);
  });

  it('fix-all converges on every file and leaves no safe fix behind', function () {
    if (!dir) this.skip();
    this.timeout(180_000);
    const { linter, config } = everyRuleLinter();
    const failures: string[] = [];
    for (const f of corpusFiles(dir!)) {
      const result = fixAll(linter, readFileSync(f.path, 'utf8'), config);
      // fixAll stops after 10 passes; a file that needs that many is going round in circles.
      if (result.passes >= 10) failures.push(`${f.repo}/${f.file}: still fixing after ${result.passes} passes`);
      const left = linter.lintText(result.text, config).findings.filter((x) => x.fixes.some((fix) => fix.safe && fix.edits.length > 0 && !fix.createFiles));
      for (const x of left) failures.push(`${f.repo}/${f.file}:${x.range.start.line + 1}: ${x.ruleId} still offers a safe fix`);
    }
    assert.deepEqual(failures, []);
  });
});
