import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyEdits, LintResult, parseDockerfile } from '../../shared-rules/index';
import { corpusDir, corpusFiles, everyRuleLinter } from '../helpers/corpus';

/**
 * Fixes in files caught half-typed. Every tenth corpus file is broken in the
 * ways an editor sees mid-keystroke (an unclosed quote or `${` in a RUN, a
 * heredoc never closed, a continuation left open at the end), and every fix
 * offered must still do its job: apply cleanly, change the text, leave it
 * lintable, and lower its rule's finding count. Syntax rules are exempt from
 * the last: fixing a misspelt keyword may reveal its missing argument.
 */
const BREAKAGES: { name: string; apply(text: string): string | undefined }[] = [
  { name: 'an unclosed quote in a RUN', apply: (t) => insertInFirstRun(t, "'") },
  { name: 'an unclosed ${ in a RUN', apply: (t) => insertInFirstRun(t, '${') },
  // At the end, so that the commands before it still parse and get findings whose fixes append after them.
  { name: 'an unclosed quote ending a RUN', apply: (t) => appendToFirstRun(t, " 'x") },
  { name: 'an unclosed ${ ending a RUN', apply: (t) => appendToFirstRun(t, ' ${x') },
  { name: 'a heredoc never closed', apply: (t) => t.replace(/^RUN /m, 'RUN cat <<NEVER_CLOSED && ') },
  { name: 'a continuation left open at the end', apply: (t) => t.trimEnd() + ' \\\n' },
];

function appendToFirstRun(text: string, what: string): string | undefined {
  const run = parseDockerfile(text).instructions.find((i) => i.keyword === 'RUN' && !i.jsonForm && i.heredocs.length === 0);
  return run ? text.slice(0, run.end) + what + text.slice(run.end) : undefined;
}

/** After the first word that follows the first RUN keyword. */
function insertInFirstRun(text: string, what: string): string | undefined {
  const m = /^RUN\s+\S+/m.exec(text);
  return m ? text.slice(0, m.index + m[0].length) + ' ' + what + text.slice(m.index + m[0].length) : undefined;
}

describe('corpus: fixes in half-typed files', function () {
  const dir = corpusDir();
  it('every fix offered in a broken file applies cleanly and does its job', function () {
    if (!dir) this.skip();
    this.timeout(180_000);
    const { linter, config, syntaxRules: syntax } = everyRuleLinter();
    const count = (r: LintResult, id: string) => r.findings.filter((f) => f.ruleId === id).length;
    const failures: string[] = [];
    let checked = 0;
    const files = corpusFiles(dir!).filter((_, i) => i % 10 === 0);
    for (const f of files) {
      const original = readFileSync(f.path, 'utf8');
      for (const b of BREAKAGES) {
        const text = b.apply(original);
        if (text === undefined || text === original) continue;
        const before = linter.lintText(text, config);
        for (const e of before.ruleErrors) failures.push(`${f.repo}/${f.file} (${b.name}): ${e.ruleId} throws`);
        for (const finding of before.findings) {
          for (const fix of finding.fixes) {
            if (fix.edits.length === 0) continue;
            const where = `${f.repo}/${f.file} (${b.name}):${finding.range.start.line + 1}: ${finding.ruleId} "${fix.title}"`;
            let fixed: string;
            try {
              fixed = applyEdits(text, fix.edits);
            } catch (e) {
              failures.push(`${where}: does not apply: ${String(e)}`);
              continue;
            }
            checked++;
            if (fixed === text) {
              failures.push(`${where}: changes nothing`);
              continue;
            }
            const after = linter.lintText(fixed, config);
            for (const e of after.ruleErrors) failures.push(`${where}: then ${e.ruleId} throws`);
            if (!syntax.has(finding.ruleId) && count(after, finding.ruleId) >= count(before, finding.ruleId)) failures.push(`${where}: leaves as many ${finding.ruleId} findings`);
          }
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(checked > 1000, `expected over a thousand fixes in broken files, checked ${checked}`);
  });
});
