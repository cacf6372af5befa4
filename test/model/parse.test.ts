import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseDockerfile } from '../../shared-rules/model/parse';
import { splitReference } from '../../shared-rules/model/image-ref';
import { expandVariables, findVariableRefs } from '../../shared-rules/model/variables';
import { defaultLinter } from '../../shared-rules/index';
import { corpusDir } from '../helpers/corpus';

describe('model: parseDockerfile', () => {
  it('splits stages, names, bases and image references', () => {
    const m = parseDockerfile('ARG V=3.13\nFROM --platform=$BUILDPLATFORM python:${V}-slim AS Build\nRUN echo\nFROM build\nFROM scratch\nFROM ghcr.io/org/img:1.2@sha256:abc\n');
    assert.equal(m.stages.length, 4);
    assert.equal(m.globalArgs.length, 1);
    const [a, b, c, d] = m.stages;
    assert.equal(a.name, 'build');
    assert.equal(a.baseKind, 'variable');
    assert.equal(a.image?.resolved, 'python:3.13-slim');
    assert.equal(a.image?.tag, '3.13-slim');
    assert.equal(a.platform?.value, '$BUILDPLATFORM');
    assert.equal(a.instructions.length, 1);
    assert.equal(b.baseKind, 'stage');
    assert.equal(b.baseStage, 0);
    assert.equal(c.baseKind, 'scratch');
    assert.equal(d.image?.registry, 'ghcr.io');
    assert.equal(d.image?.repository, 'org/img');
    assert.equal(d.image?.tag, '1.2');
    assert.equal(d.image?.digest, 'sha256:abc');
    assert.deepEqual(d.image?.tagRange, { start: { line: 5, character: 21 }, end: { line: 5, character: 24 } });
  });

  it('gives exact ranges for keyword, flags and arguments across continuation lines', () => {
    const m = parseDockerfile('FROM alpine:3.22\nCOPY --chown=app:app \\\n  --link src/ /app/\n');
    const copy = m.instructions[1];
    assert.equal(copy.keyword, 'COPY');
    assert.deepEqual(copy.keywordRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
    assert.deepEqual(copy.flags.map((f) => [f.name, f.value]), [['chown', 'app:app'], ['link', undefined]]);
    assert.deepEqual(copy.flags[1].range, { start: { line: 2, character: 2 }, end: { line: 2, character: 8 } });
    assert.deepEqual(copy.args.map((a) => a.value), ['src/', '/app/']);
    assert.deepEqual(copy.args[1].range, { start: { line: 2, character: 14 }, end: { line: 2, character: 19 } });
    assert.equal(copy.endLine, 2);
  });

  it('detects JSON form, and falls back to shell form on a malformed array as BuildKit does', () => {
    const m = parseDockerfile('FROM alpine:3.22\nCMD ["a", "b c"]\nCMD [a, b]\n');
    assert.equal(m.instructions[1].jsonForm, true);
    assert.deepEqual(m.instructions[1].args.map((a) => a.value), ['a', 'b c']);
    assert.equal(m.instructions[2].jsonForm, false);
    assert.equal(m.instructions[2].jsonInvalid, true);
  });

  it('reads heredocs: names, quoting, tab stripping and bodies', () => {
    const m = parseDockerfile('FROM alpine:3.22\nRUN <<-"EOF" bash\n\techo hi\n\tEOF\nCOPY <<A <<B /x/\na\nA\nb\nB\nRUN echo done\n');
    const run = m.instructions[1];
    assert.equal(run.heredocs.length, 1);
    assert.equal(run.heredocs[0].name, 'EOF');
    assert.equal(run.heredocs[0].quoted, true);
    assert.equal(run.heredocs[0].stripTabs, true);
    assert.equal(run.heredocs[0].body, '\techo hi');
    assert.equal(run.endLine, 3);
    const copy = m.instructions[2];
    assert.deepEqual(copy.heredocs.map((h) => [h.name, h.body]), [['A', 'a'], ['B', 'b']]);
    assert.equal(m.instructions[3].keyword, 'RUN');
    assert.equal(m.instructions[3].startLine, 9);
  });

  it('does not treat `cat<<EOF` or arithmetic shifts as heredocs (BuildKit matches whole words)', () => {
    const m = parseDockerfile('FROM alpine:3.22\nRUN echo $((1<<2))\nRUN echo "<<EOF"\nCMD x\n');
    assert.equal(m.instructions.length, 4);
    assert.ok(m.instructions.every((i) => i.heredocs.length === 0));
  });

  it('follows BuildKit: a line ending in an escaped escape does not continue', () => {
    const text = 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY --from=x \\\n\tC:\\\\a.dll \\\n\tC:\\\\Windows\\\\System32\\\\\n\n# comment\nENV MONGO_VERSION 8.2.11\n';
    const m = parseDockerfile(text);
    assert.deepEqual(m.instructions.map((i) => i.keyword), ['FROM', 'COPY', 'ENV']);
    assert.equal(m.instructions[1].endLine, 3);
    assert.equal(m.instructions[2].startLine, 6);
  });

  it('honours the backtick escape directive', () => {
    const m = parseDockerfile('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n  b\nRUN dir C:\\\n');
    assert.equal(m.escape, '`');
    assert.equal(m.directives[0].name, 'escape');
    assert.deepEqual(m.instructions.map((i) => [i.keyword, i.startLine, i.endLine]), [['FROM', 1, 1], ['RUN', 2, 3], ['RUN', 4, 4]]);
    assert.equal(m.stages[0].windows, true);
  });

  it('skips comment lines and flags empty lines inside continuations', () => {
    const m = parseDockerfile('FROM alpine:3.22\nRUN a \\\n# note\n\n  b\n');
    assert.equal(m.instructions.length, 2);
    assert.equal(m.instructions[1].endLine, 4);
    assert.deepEqual(m.problems.map((p) => [p.code, p.range.start.line]), [['empty-continuation-line', 3]]);
  });

  it('never throws, whatever the text', () => {
    const inputs = ['', '\n\n', '\\', 'FROM', 'RUN <<EOF', 'FROM a\nRUN [', '\u0000\u0001binary', '# escape=`\n`', 'ONBUILD', 'ONBUILD RUN x', '\ufeffFROM a', 'FROM a\r\nRUN b \\\r\n c\r\n', '${', 'ENV ${'];
    for (const t of inputs) assert.doesNotThrow(() => defaultLinter().lintText(t), `input ${JSON.stringify(t)}`);
  });

  it('the Windows mongo files of the corpus build fine and get no diagnostic from the double escape', function () {
    const dir = corpusDir();
    if (!dir) this.skip();
    const file = join(dir!, 'docker-library__mongo', '8.2__windows__nanoserver-ltsc2022__Dockerfile');
    if (!existsSync(file)) this.skip();
    const text = readFileSync(file, 'utf8');
    const m = parseDockerfile(text);
    const env = m.instructions.find((i) => i.keyword === 'ENV');
    assert.ok(env, 'ENV MONGO_VERSION must be its own instruction');
    assert.equal(env!.args[0].value, 'MONGO_VERSION');
    const findings = defaultLinter().lint(m).findings.filter((f) => f.ruleId === 'syntax-error' || f.severity === 'error');
    assert.deepEqual(findings.map((f) => f.message), []);
  });
});

describe('model: image references and variables', () => {
  it('splits references like the distribution grammar', () => {
    assert.deepEqual(
      [splitReference('ubuntu'), splitReference('localhost:5000/a/b:c'), splitReference('docker.io/library/node:22@sha256:ff')].map((r) => [r.registry, r.repository, r.tag, r.digest]),
      [[undefined, 'ubuntu', undefined, undefined], ['localhost:5000', 'a/b', 'c', undefined], [undefined, 'node', '22', 'sha256:ff']],
    );
  });

  it('expands ${VAR:-default} forms and reports unresolved names', () => {
    const vars = new Map([['A', 'x'], ['E', '']]);
    const look = (n: string) => vars.get(n);
    assert.deepEqual(expandVariables('$A-${B:-d}-${E:-e}-${E-f}-${A:+y}-$C', look), { value: 'x-d-e--y-', unresolved: ['C'] });
    assert.deepEqual(findVariableRefs("'$A' \\$B ${C").map((r) => [r.name, r.unclosed]), [['C', true]]);
  });
});
