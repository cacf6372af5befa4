import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from '../../shared-rules/engine/lint';
import { allRules } from '../../shared-rules/rules/index';
import rule from '../../shared-rules/rules/syntax/syntax-error';
import { corpusDir } from '../helpers/corpus';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nRUN echo hi\n',
    { name: 'an empty file is being written, not broken', code: '' },
    { name: 'every known flag', code: 'FROM --platform=linux/amd64 alpine:3.22 AS base\nRUN --mount=type=cache,target=/root/.cache --mount=type=tmpfs,target=/tmp --network=none --security=sandbox true\nCOPY --from=base --chown=1:1 --chmod=644 --link --parents --exclude=*.md --exclude=*.txt . /app/\nADD --chown=1:1 --chmod=644 --link=false --checksum=sha256:abc --keep-git-dir=true --exclude=x --unpack=true a.tar /x/\nHEALTHCHECK --interval=30s --timeout=1m30s --start-period=0s --start-interval=5s --retries=0 CMD ["true"]\n' },
    { name: 'variables in values are not judged', code: 'ARG P=linux/amd64\nFROM --platform=$P alpine:3.22\nARG SIG=SIGTERM\nSTOPSIGNAL $SIG\nHEALTHCHECK --interval=$I CMD true\n' },
    { name: 'signals by name, number and real-time offset', code: 'FROM alpine:3.22\nSTOPSIGNAL SIGTERM\nSTOPSIGNAL 9\nSTOPSIGNAL quit\nSTOPSIGNAL SIGRTMIN+3\n' },
    { name: 'shell test with brackets is not JSON', code: 'FROM alpine:3.22\nRUN [ "$(uname -m)" = "x86_64" ] && echo yes\nCMD [ -f /x ] || exit 1\n' },
    { name: 'ENV legacy and modern forms, ARG with and without value', code: 'FROM alpine:3.22\nENV A 1\nENV B=2 C="x y"\nLABEL a=b\nARG X\nARG Y=1 Z\n' },
    { name: 'ARG and STOPSIGNAL never parse flags', code: 'FROM alpine:3.22\nARG --foo=1 A\nSTOPSIGNAL --x SIGTERM\n' },
    { name: 'HEALTHCHECK NONE ignores flags; CMD lower case is fine', code: 'FROM alpine:3.22\nHEALTHCHECK --bogus NONE\nHEALTHCHECK cmd true\n' },
    { name: 'ONBUILD triggers', code: 'FROM alpine:3.22\nONBUILD RUN --mount=type=cache,target=/c true\nONBUILD COPY . /app/\n' },
    { name: 'escape directive with backtick', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  C:\\\n' },
    { name: 'custom frontends may add flags', code: '# syntax=example.com/my/frontend:1\nFROM alpine:3.22\nRUN --magic true\n' },
    { name: 'labs frontend has RUN --device', code: '# syntax=docker/dockerfile:1-labs\nFROM alpine:3.22\nRUN --device=foo true\n' },
    { name: 'FROM a stage, scratch, and JSON form empty CMD', code: 'FROM alpine:3.22 AS base\nFROM base\nFROM scratch\nCMD []\n' },
    { name: 'duration with fractions and mixed units', code: 'FROM alpine:3.22\nHEALTHCHECK --interval=1.5m --timeout=1h2m3s CMD true\n' },
  ],
  invalid: [
    { name: 'unknown instruction with a suggestion', code: 'FROM alpine:3.22\nRUNN echo hi\n', errors: [{ line: 2, column: 1, endColumn: 5, message: 'did you mean `RUN`' }], output: 'FROM alpine:3.22\nRUN echo hi\n', safe: false },
    { name: 'unknown instruction without a suggestion', code: 'FROM alpine:3.22\n<<<<<<< HEAD\n', errors: [{ line: 2, column: 1, endColumn: 8 }], output: null },
    { name: 'flag typo', code: 'FROM alpine:3.22\nCOPY --chmown=app:app . /app\n', errors: [{ line: 2, column: 6, endColumn: 22, message: '--chown' }], output: 'FROM alpine:3.22\nCOPY --chown=app:app . /app\n', safe: false },
    { name: 'flag unknown to the instruction', code: 'FROM alpine:3.22\nCMD --doit [ "a" ]\nENV --x=1 A=b\n', errors: [{ line: 2, column: 5, endColumn: 11, message: 'takes no flags' }, { line: 3, column: 5, endColumn: 10, message: 'ENV takes no flags' }] },
    {
      name: 'a flag already given is not suggested for a misspelt one (the fix would duplicate it)',
      code: 'FROM alpine:3.22\nHEALTHCHECK --stterval=1s --interval=5s CMD true\nHEALTHCHECK --intervall=1s CMD true\n',
      errors: [{ line: 2, column: 13, endColumn: 26, message: 'HEALTHCHECK takes --interval' }, { line: 3, column: 13, endColumn: 27, message: 'did you mean `--interval`' }],
      output: 'FROM alpine:3.22\nHEALTHCHECK --stterval=1s --interval=5s CMD true\nHEALTHCHECK --interval=1s CMD true\n',
      safe: false,
    },
    { name: 'duplicate flag; repeatable flags are fine', code: 'FROM alpine:3.22\nCOPY --link --link --exclude=a --exclude=b . /app/\n', errors: [{ line: 2, column: 13, endColumn: 19, message: 'Duplicate flag `--link`' }] },
    { name: 'missing flag value and bad boolean', code: 'FROM alpine:3.22 AS build\nFROM alpine:3.22\nCOPY --from build /a /b\nCOPY --link=yes a /b\nCOPY --parents= a /b/\n', errors: [{ line: 3, column: 6, endColumn: 12, message: 'Missing a value on flag `--from`' }, { line: 4, column: 13, endColumn: 16, message: 'expects true or false' }, { line: 5, column: 6, endColumn: 16, message: 'Missing a value' }] },
    { name: 'bad durations and retries', code: 'FROM alpine:3.22\nHEALTHCHECK --interval=5 --timeout=3x --start-period=100us --retries=-1 CMD true\n', errors: [{ line: 2, column: 24, endColumn: 25, message: 'missing unit' }, { line: 2, column: 36, endColumn: 38, message: 'unknown unit "x"' }, { line: 2, column: 54, endColumn: 59, message: 'cannot be less than 1ms' }, { line: 2, column: 70, endColumn: 72, message: 'cannot be negative' }] },
    { name: 'HEALTHCHECK types', code: 'FROM alpine:3.22\nHEALTHCHECK CMND true\nHEALTHCHECK CMD\nHEALTHCHECK\n', errors: [{ line: 2, column: 13, endColumn: 17, message: 'Unknown HEALTHCHECK type' }, { line: 3, column: 13, endColumn: 16, message: 'Missing command after HEALTHCHECK CMD' }, { line: 4, column: 1, endColumn: 12, message: 'requires at least one argument' }] },
    { name: 'HEALTHCHECK NONE with arguments', code: 'FROM alpine:3.22\nHEALTHCHECK NONE curl -f x\n', errors: [{ line: 2, column: 18, endColumn: 27, message: 'takes no arguments' }], output: 'FROM alpine:3.22\nHEALTHCHECK NONE\n', safe: true },
    { name: 'FROM argument counts', code: 'FROM alpine:3.22 base\nFROM alpine:3.22 AS b extra\nFROM alpine:3.22 AZ c\n', errors: [{ line: 1, column: 18, endColumn: 22, message: 'remove `base`' }, { line: 2, column: 23, endColumn: 28, message: 'remove the extra argument' }, { line: 3, column: 18, endColumn: 20, message: 'Expected `AS`' }], output: 'FROM alpine:3.22\nFROM alpine:3.22 AS b\nFROM alpine:3.22 AS c\n', safe: true },
    { name: 'invalid stage name', code: 'FROM alpine:3.22 AS 1st\n', errors: [{ line: 1, column: 21, endColumn: 24, message: 'Invalid stage name' }] },
    { name: 'invalid reference format', code: 'FROM Ubuntu:22.04\nFROM alpine:3.22:x\n', errors: [{ line: 1, column: 6, endColumn: 18, message: 'lowercase' }, { line: 2, column: 6, endColumn: 19, message: 'Invalid image reference' }] },
    { name: '--platform value', code: 'FROM --platform=linux/amd64/v2/x alpine:3.22\nFROM --platform=linx/amd64 alpine:3.22\n', errors: [{ line: 1, column: 17, endColumn: 33, message: 'invalid platform' }, { line: 2, column: 17, endColumn: 27, message: 'unknown operating system' }] },
    { name: 'ONBUILD misuse', code: 'FROM alpine:3.22\nONBUILD ONBUILD RUN x\nONBUILD FROM alpine\nONBUILD maintainer me\nONBUILD\n', errors: [{ line: 2, column: 9, endColumn: 16, message: 'ONBUILD ONBUILD' }, { line: 3, column: 9, endColumn: 13, message: 'FROM is not allowed' }, { line: 4, column: 9, endColumn: 19, message: 'MAINTAINER is not allowed' }, { line: 5, column: 1, endColumn: 8, message: 'ONBUILD needs' }] },
    { name: 'ONBUILD trigger flags are checked', code: 'FROM alpine:3.22\nONBUILD COPY --chonw=1 . /app/\n', errors: [{ line: 2, column: 14, endColumn: 23, message: '--chown' }] },
    { name: 'SHELL not JSON', code: 'FROM alpine:3.22\nSHELL /bin/bash -o pipefail -c\n', errors: [{ line: 2, column: 7, endColumn: 31, message: 'JSON form' }], output: 'FROM alpine:3.22\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n', safe: true },
    { name: 'STOPSIGNAL values', code: 'FROM alpine:3.22\nSTOPSIGNAL SIGTERMINATE\nSTOPSIGNAL 0\nSTOPSIGNAL SIGTERM SIGKILL\n', errors: [{ line: 2, column: 12, endColumn: 24, message: 'Invalid signal' }, { line: 3, column: 12, endColumn: 13, message: 'Invalid signal: 0' }, { line: 4, column: 20, endColumn: 27, message: 'one signal' }] },
    { name: 'USER extra argument', code: 'FROM alpine:3.22\nUSER app extra\n', errors: [{ line: 2, column: 10, endColumn: 15 }], output: 'FROM alpine:3.22\nUSER app\n', safe: true },
    { name: 'missing arguments', code: 'FROM alpine:3.22\nRUN\nCOPY app\nWORKDIR\n', errors: [{ line: 2, column: 1, endColumn: 4, message: 'RUN requires at least one argument' }, { line: 3, column: 1, endColumn: 5, message: 'source and a destination' }, { line: 4, column: 1, endColumn: 8 }] },
    { name: 'ENV without a value, blank names, missing =', code: 'FROM busybox\nENV PATH\nENV =x\nENV A=1 B\nARG =y\n', errors: [{ line: 2, column: 5, endColumn: 9, message: 'ENV needs a value' }, { line: 3, column: 5, endColumn: 7, message: 'names cannot be blank' }, { line: 4, column: 9, endColumn: 10, message: 'Missing `=` in `B`' }, { line: 5, column: 5, endColumn: 7, message: 'ARG names cannot be blank' }] },
    { name: 'unterminated quote', code: 'FROM alpine:3.22\nLABEL a="b\n', errors: [{ line: 2, column: 7, endColumn: 11, message: 'Unterminated double quote' }] },
    { name: 'non-string JSON array fails the build', code: 'FROM alpine:3.22\nCMD [ "echo", [ "nested json" ] ]\n', errors: [{ line: 2, column: 5, endColumn: 34, message: 'only strings' }] },
    { name: 'single-quoted JSON runs as a shell string', code: "FROM alpine:3.22\nCMD ['node', 'app.js']\n", errors: [{ line: 2, column: 5, endColumn: 23, message: 'double quotes' }], output: 'FROM alpine:3.22\nCMD ["node", "app.js"]\n', safe: false },
    { name: 'unterminated JSON array', code: 'FROM alpine:3.22\nENTRYPOINT ["echo", "hi"\n', errors: [{ line: 2, column: 12, endColumn: 25, message: 'not valid JSON' }], output: null },
    { name: 'text after the JSON array is dropped', code: 'FROM alpine:3.22\nCMD ["a", "b"] && echo c\n', errors: [{ line: 2, column: 16, endColumn: 25, message: 'ignores everything after' }] },
    { name: 'VOLUME empty string', code: 'FROM alpine:3.22\nVOLUME [""]\n', errors: [{ line: 2, column: 9, endColumn: 11, message: 'cannot be empty' }] },
    { name: 'invalid escape directive', code: '# escape=x\nFROM alpine:3.22\n', errors: [{ line: 1, column: 10, endColumn: 11, message: 'Invalid escape character' }], output: '# escape=\\\nFROM alpine:3.22\n', safe: true },
    { name: 'repeated directive', code: '# escape=\\\n# escape=`\nFROM alpine:3.22\n', errors: [{ line: 2, column: 1, endColumn: 11, message: 'Only one `escape` parser directive' }], output: '# escape=\\\nFROM alpine:3.22\n', safe: false },
    { name: 'no FROM', code: 'ARG A=1\n', errors: [{ line: 1, column: 1, endColumn: 4, message: 'No FROM' }] },
    { name: 'only comments', code: '# Hello\n# just comments\n', errors: [{ line: 1, column: 1, message: 'no instructions' }] },
    { name: 'unterminated heredoc from the model', code: 'FROM alpine:3.22\nRUN <<EOF\necho hi\n', errors: [{ line: 2, column: 5, endColumn: 10, message: 'never closed' }] },
  ],
});

/** The corpus' deliberately broken files are reported; the official images are clean except the jq template. */
describe('syntax-error on the corpus', () => {
  const found = corpusDir();
  const corpus = found ?? '';
  beforeEach(function () {
    if (!found) this.skip();
  });
  const linter = new Linter(allRules);
  const only = { rules: Object.fromEntries(allRules.map((r) => [r.meta.id, r.meta.id === 'syntax-error' ? 'error' : 'off'] as const)) };
  const errorsIn = (repo: string, file: string) => linter.lintText(readFileSync(join(corpus, repo, file), 'utf8'), only).findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}`);
  const official = /^(docker-library__|nodejs__docker-node|nginxinc__docker-nginx|adoptium__containers)/;

  it('official images have no syntax errors except templates', function () {
    this.timeout(120_000);
    const hits: string[] = [];
    for (const repo of readdirSync(corpus).filter((r) => official.test(r))) {
      for (const f of readdirSync(join(corpus, repo))) {
        if (repo === 'docker-library__mysql' && f === 'Dockerfile.oracle') continue;
        for (const at of errorsIn(repo, f)) hits.push(`${repo}/${f}:${at}`);
      }
    }
    assert.deepEqual(hits, []);
  });

  it('reports the broken-on-purpose files where they break', () => {
    assert.deepEqual(errorsIn('sixeyed__dockerfiles-windows', 'nats-bench__Dockerfile.broken'), ['21:1', '31:1', '35:1']);
    assert.deepEqual(errorsIn('moby__buildkit', 'frontend__dockerfile__parser__testfiles-negative__env_no_value__Dockerfile'), ['3:5']);
    assert.deepEqual(errorsIn('moby__buildkit', 'frontend__dockerfile__parser__testfiles-negative__shykes-nested-json__Dockerfile'), ['1:1', '1:5']);
    assert.deepEqual(errorsIn('moby__buildkit', 'frontend__dockerfile__parser__testfiles-negative__only_comments__Dockerfile'), ['1:1']);
    assert.deepEqual(errorsIn('moby__buildkit', 'frontend__dockerfile__parser__testfiles-negative__empty_dockerfile__Dockerfile'), []);
    assert.deepEqual(errorsIn('docker__compose', 'pkg__e2e__fixtures__wrong-composefile__service1__Dockerfile'), ['17:1']);
    assert.ok(errorsIn('docker-library__mysql', 'Dockerfile.oracle').length > 0, 'the jq template is not a Dockerfile');
  });
});
