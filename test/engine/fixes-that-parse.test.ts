import assert from 'node:assert/strict';
import { Linter } from '../../shared-rules/engine/lint';
import { Rule } from '../../shared-rules/engine/types';
import { parseDockerfile } from '../../shared-rules/model/parse';
import aptNoInstallRecommends from '../../shared-rules/rules/size/apt-no-install-recommends';
import packageManagerCache from '../../shared-rules/rules/size/package-manager-cache-not-cleaned';
import runsAsRoot from '../../shared-rules/rules/security/runs-as-root';

/** No fix edits text that does not parse; the finding stays. */

function fixesOf(rule: Rule, text: string): string[][] {
  const { findings } = new Linter([rule]).lint(parseDockerfile(text), { rules: { [rule.meta.id]: 'warning' } });
  assert.ok(findings.length > 0, `${rule.meta.id} reports on:\n${text}`);
  return findings.map((f) => f.fixes.map((x) => x.title));
}

describe('engine: fixes only where the text parses', () => {
  it('no fix inside a shell script with a syntax error (an unclosed quote), the finding kept', () => {
    assert.deepEqual(fixesOf(packageManagerCache, "FROM centos:7\nRUN yum -y install openssl gcc\n"), [['Append yum clean all']]);
    assert.deepEqual(fixesOf(packageManagerCache, "FROM centos:7\nRUN yum -y install open'ssl gcc; yum clean all\n"), [[]]);
  });

  it('no fix in the lines an unclosed heredoc swallows', () => {
    const closed = 'FROM python:3-alpine\nRUN cat <<EOF > /a\nx\nEOF\nCMD ["python3"]\n';
    assert.equal(fixesOf(runsAsRoot, closed)[0].length, 1);
    const unclosed = 'FROM python:3-alpine\nRUN cat <<EOF > /a\nx\nCMD ["python3"]\n';
    assert.deepEqual(fixesOf(runsAsRoot, unclosed), [[]]);
  });

  it('no fix after a continuation left open at the end of the file, which would take the new lines in', () => {
    assert.equal(fixesOf(runsAsRoot, 'FROM debian:bookworm-slim\nENV A=1 \\\n    B=2\n')[0].length, 1);
    assert.deepEqual(fixesOf(runsAsRoot, 'FROM debian:bookworm-slim\nENV A=1 \\\n    B=2 \\\n'), [[]]);
    assert.deepEqual(fixesOf(runsAsRoot, 'FROM debian:bookworm-slim\nENV A=1 \\\n# a comment\n\n'), [[]]);
  });

  it('a heredoc script that parses keeps its fixes, though the RUN line `<<EOF` alone does not parse as a script', () => {
    assert.deepEqual(fixesOf(aptNoInstallRecommends, 'FROM debian:bookworm-slim\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n').map((f) => f.length), [1]);
  });
});
