import assert from 'node:assert/strict';
import { generateDockerfile, rng } from '../../scripts/bench/generate';
import { IncrementalLinter } from '../../shared-rules/engine/incremental';
import { LintConfig, Linter, LintResult } from '../../shared-rules/engine/lint';
import { parseDockerfile } from '../../shared-rules/model/parse';
import { DockerfileModel } from '../../shared-rules/model/types';
import { allRules } from '../../shared-rules/rules/index';
import { HostInfo, Rule } from '../../shared-rules/engine/types';
import { loadDebianTable } from '../../shared-rules/platform/node/debian-table';

/**
 * The judge of incremental analysis: random edits typed into documents, and
 * after every one the incremental model and findings must equal a parse and
 * lint from scratch, byte for byte.
 */

// Constructs that change the structure: stages, global ARGs, escape, heredocs, continuations, Windows, suppressions, CRLF.
const SNIPPETS = [
  'FROM alpine:3.20 AS extra\n',
  'FROM builder\n',
  'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
  'FROM scratch\n',
  'ARG DEBIAN_VERSION=trixie\n',
  'ARG TOKEN=abc123secretvalue\n',
  '# escape=`\n',
  '# syntax=docker/dockerfile:1\n',
  '# check=skip=JSONArgsRecommended\n',
  'RUN <<EOF\napt-get install curl\n',
  'EOF\n',
  'RUN <<-EOT bash\n\tapt update\nEOT\n',
  ' \\\n',
  '\\',
  '\n',
  '\n\n',
  '\r\n',
  '#',
  '# a comment\n',
  '# layerwise ignore=apt-no-install-recommends\n',
  '# hadolint global ignore=DL3008\n',
  'SHELL ["powershell", "-Command"]\n',
  'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n',
  'USER root\n',
  'USER app\n',
  'WORKDIR app\n',
  'ENV PIP_NO_CACHE_DIR=1\n',
  'ENV A=1 B=$A\n',
  'CMD node server.js\n',
  'CMD ["node", "server.js"]\n',
  'ENTRYPOINT /bin/sh\n',
  'HEALTHCHECK CMD true\n',
  'EXPOSE 22\n',
  'COPY --from=0 / /\n',
  'COPY --from=builder /out /usr/bin/\n',
  'COPY a b c\n',
  'ADD https://example.com/x.tgz /tmp/\n',
  'ONBUILD RUN apt-get update\n',
  'MAINTAINER me\n',
  'RUN apt-get update\n',
  'RUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
  'RUN apk add curl\n',
  'RUN pip install flask\n',
  'RUN curl -sSL https://x.sh | sh\n',
  'RUN cd /tmp && make\n',
  'RUN sudo make install\n',
  'run echo lower\n',
  'RUN echo ${UNCLOSED\n',
  'a',
  ' ',
  '"',
  '[',
  '$',
];

const BASE_EXTRA = [
  'ARG BASE=debian:bookworm-slim',
  'FROM ${BASE} AS builder',
  'RUN apt-get update',
  'RUN apt-get install -y build-essential',
  'RUN <<EOF',
  'set -e',
  'make all',
  'EOF',
  'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS win',
  'RUN dir',
  'FROM builder AS final',
  'ONBUILD COPY . /src',
  'COPY --from=builder /out /usr/local/bin/',
  'CMD run-it --now',
  '',
].join('\n');

function modelJson(m: DockerfileModel): string {
  return JSON.stringify({ e: m.escape, d: m.directives, c: m.comments, i: m.instructions, s: m.stages, g: m.globalArgs, p: m.problems });
}

function describeDiff(inc: LintResult, scratch: LintResult): string {
  const a = inc.findings.map((f) => JSON.stringify(f));
  const b = scratch.findings.map((f) => JSON.stringify(f));
  const onlyInc = a.filter((x) => !b.includes(x)).slice(0, 3);
  const onlyScratch = b.filter((x) => !a.includes(x)).slice(0, 3);
  return `only incremental:\n  ${onlyInc.join('\n  ')}\nonly from scratch:\n  ${onlyScratch.join('\n  ')}`;
}

function randomEdit(text: string, r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const kind = r();
  // Edits near the top reach the directives and global ARGs.
  const at = r() < 0.1 ? Math.floor(r() * Math.min(text.length, 80)) : Math.floor(r() * (text.length + 1));
  if (kind < 0.5) return text.slice(0, at) + pick(SNIPPETS) + text.slice(at);
  if (kind < 0.7) return text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 40));
  if (kind < 0.85) {
    // Typing: one character at a time is what editors send most.
    return text.slice(0, at) + pick(['a', ' ', '\\', '\n', '-', '=', '$', '{', '}', '"']) + text.slice(at);
  }
  // Move a block of lines elsewhere.
  const lines = text.split('\n');
  const from = Math.floor(r() * lines.length);
  const block = lines.splice(from, 1 + Math.floor(r() * 6));
  lines.splice(Math.floor(r() * (lines.length + 1)), 0, ...block);
  return lines.join('\n');
}

describe('incremental analysis equals analysis from scratch', function () {
  this.timeout(600_000);
  const linter = new Linter(allRules);
  const everyRule: LintConfig = { rules: Object.fromEntries(allRules.map((r) => [r.meta.id, 'warning'])) };

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`random edits, seed ${seed}`, () => {
      const r = rng(seed * 7919);
      let text = (seed % 2 === 0 ? BASE_EXTRA : '') + generateDockerfile(60 + seed * 20, seed);
      if (seed === 3) text = text.replace(/\n/g, '\r\n');
      if (seed === 5) text = '# escape=`\n' + text;
      let model = parseDockerfile(text);
      const inc = new IncrementalLinter(linter);
      inc.lint(model, everyRule);
      for (let step = 0; step < 150; step++) {
        text = randomEdit(text, r);
        model = parseDockerfile(text, model);
        const scratchModel = parseDockerfile(text);
        assert.equal(modelJson(model), modelJson(scratchModel), `model differs after step ${step}`);
        const a = inc.lint(model, everyRule);
        const b = linter.lint(scratchModel, everyRule);
        assert.deepEqual(a.ruleErrors.map((e) => e.ruleId), b.ruleErrors.map((e) => e.ruleId), `rule errors differ after step ${step}`);
        if (JSON.stringify(a.findings) !== JSON.stringify(b.findings)) assert.fail(`findings differ after step ${step} (seed ${seed}):\n${describeDiff(a, b)}\n--- text ---\n${text}`);
      }
    });
  }

  it('a change of host data re-runs only the rules that read it, and gives the result from scratch', () => {
    const model = parseDockerfile(generateDockerfile(400, 5));
    const calls = new Map<string, number>();
    const counted: Rule[] = allRules.map((r) => ({ ...r, check(ctx) { calls.set(r.meta.id, (calls.get(r.meta.id) ?? 0) + 1); r.check(ctx); } }));
    const counting = new Linter(counted);
    const inc = new IncrementalLinter(counting);
    const before: HostInfo = {};
    const after: HostInfo = { aptTable: loadDebianTable(), contextEntries: ['src', 'package.json', 'node_modules'], hasDockerignore: false };
    const scopedRuns = () => new Set(allRules.filter((r) => r.meta.scope !== undefined && r.meta.scope !== 'file' && calls.has(r.meta.id)).map((r) => r.meta.id));
    const a = inc.lint(model, everyRule, before);
    // What re-runs anyway on an unchanged document: segments whose findings could not be cached.
    calls.clear();
    inc.lint(model, everyRule, before);
    const always = scopedRuns();
    calls.clear();
    const b = inc.lint(model, everyRule, after);
    const rerun = [...scopedRuns()].filter((id) => !always.has(id)).sort();
    // The scoped rules that read the host on this file; every other scoped rule kept its results.
    assert.deepEqual(rerun, ['apt-no-install-recommends', 'copy-before-dependency-install']);
    assert.equal(JSON.stringify(b.findings), JSON.stringify(counting.lint(model, everyRule, after).findings));
    assert.notEqual(JSON.stringify(b.findings), JSON.stringify(a.findings), 'the host data changes some findings (fix titles with savings)');
  });

  it('reuses the model before an edit and re-checks only the edited stage', () => {
    const text = generateDockerfile(2000, 11);
    const first = parseDockerfile(text);
    const at = text.indexOf('RUN', Math.floor(text.length / 2));
    const edited = text.slice(0, at) + 'RUN apt-get install curl\n' + text.slice(at);
    const second = parseDockerfile(edited, first);
    assert.equal(second.instructions[0], first.instructions[0], 'instructions before the edit are the same objects');
    assert.equal(modelJson(second), modelJson(parseDockerfile(edited)));
    let calls = 0;
    const counting = new Linter([{ ...allRules.find((x) => x.meta.id === 'apt-no-install-recommends')!, check(ctx) { calls += ctx.model.instructions.length; allRules.find((x) => x.meta.id === 'apt-no-install-recommends')!.check(ctx); } }]);
    const inc = new IncrementalLinter(counting);
    inc.lint(first);
    const whole = calls;
    calls = 0;
    const res = inc.lint(second);
    assert.ok(calls > 0 && calls * 20 < whole, `re-checked ${calls} instructions of ${whole}`);
    assert.equal(JSON.stringify(res.findings), JSON.stringify(counting.lint(parseDockerfile(edited)).findings));
  });
});
