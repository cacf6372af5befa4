import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/lsp-client';

const CLI = join(REPO, 'dist', 'cli.js');

function cli(args: string[], opts: { input?: string; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input: opts.input, cwd: opts.cwd ?? REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'layerwise-cli-'));
}

describe('CLI', () => {
  it('lints the bundled sample as text with code frames and exits 1', () => {
    const r = cli(['lint', 'samples/Dockerfile']);
    assert.equal(r.code, 1);
    assert.match(r.out, /samples\/Dockerfile:5:13: warning Add `--no-install-recommends`.*\(apt-no-install-recommends\) \[unsafe fix\]/);
    assert.match(r.out, /\n {4}RUN apt-get install -y curl git\n {16}\^{7}\n/);
    assert.match(r.out, /\d+ findings \(\d+ error, \d+ warning, \d+ info, 0 hint\) in 1 file\./);
    assert.equal(r.err, '');
  });

  it('prints the stable JSON shape, sorted, with 0-based positions', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.22\nMAINTAINER me\nUSER nobody\n');
    writeFileSync(join(dir, 'a.dockerfile'), 'FROM example.com/base:1.0\nUSER root\n');
    const r = cli(['lint', dir, '--format', 'json']);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out) as unknown[];
    assert.deepEqual(json, [
      {
        file: join(dir, 'Dockerfile'),
        rule: 'maintainer-deprecated',
        severity: 'warning',
        message: 'MAINTAINER is deprecated: use `LABEL org.opencontainers.image.authors="…"`.',
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } },
        fixes: [{ title: 'Replace with LABEL org.opencontainers.image.authors', safe: true }],
      },
      {
        file: join(dir, 'a.dockerfile'),
        rule: 'runs-as-root',
        severity: 'warning',
        message: 'The image runs as root: switch to a non-root user in the final stage.',
        range: { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } },
        fixes: [],
      },
    ].sort((a, b) => (a.file < b.file ? -1 : 1)));
  });

  it('writes SARIF 2.1.0 with rules and 1-based regions', () => {
    const r = cli(['lint', '-', '--format', 'sarif'], { input: 'FROM alpine:3.22\nMAINTAINER me\nUSER app\n' });
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.out);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'layerwise');
    assert.equal(run.tool.driver.rules[0].id, 'maintainer-deprecated');
    assert.deepEqual(run.results[0].locations[0].physicalLocation.region, { startLine: 2, startColumn: 1, endLine: 2, endColumn: 11 });
  });

  it('respects --fail-level and --rule', () => {
    const input = 'FROM alpine:3.22\nRUN a\nRUN b\nUSER app\n';
    assert.equal(cli(['lint', '-'], { input }).code, 0, 'info findings do not fail at the default level');
    assert.equal(cli(['lint', '-', '--fail-level', 'info'], { input }).code, 1);
    const off = cli(['lint', '-', '--fail-level', 'info', '--rule', 'merge-consecutive-runs=off'], { input });
    assert.equal(off.code, 0);
    assert.match(off.out, /No findings/);
  });

  it('applies safe fixes in place with --fix and leaves unsafe ones', () => {
    const dir = tmp();
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, 'FROM alpine:3.22\nMAINTAINER me\nRUN a\nRUN b\nRUN apt-get install -y x && rm -rf /var/lib/apt/lists/*\nUSER app\n');
    const r = cli(['lint', file, '--fix', '--format', 'json']);
    assert.match(r.err, /applied \d+ fix/);
    const fixed = readFileSync(file, 'utf8');
    assert.equal(fixed, 'FROM alpine:3.22\nLABEL org.opencontainers.image.authors="me"\nRUN a && \\\n    b && \\\n    apt-get install -y x && rm -rf /var/lib/apt/lists/*\nUSER app\n');
    const left = JSON.parse(r.out) as { rule: string }[];
    assert.deepEqual(left.map((x) => x.rule), ['apt-no-install-recommends'], 'the unsafe fix is not applied');
    cli(['lint', file, '--fix-unsafe']);
    assert.match(readFileSync(file, 'utf8'), /apt-get install --no-install-recommends -y x/);
  });

  it('explains a rule from its documentation, also by hadolint code', () => {
    const r = cli(['explain', 'apt-no-install-recommends']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^# apt-no-install-recommends/);
    assert.match(r.out, /## Why it matters/);
    assert.match(r.out, /hadolint DL3015/);
    assert.match(cli(['lint', '--explain', 'DL3015']).out, /^# apt-no-install-recommends/);
  });

  it('fails with exit 2 and one clear line, never a stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['lint', '/definitely/not/here'], /^layerwise: \/definitely\/not\/here: no such file or directory\n$/],
      [['lint', '--format', 'xml', 'x'], /^layerwise: --format must be text, json or sarif/],
      [['frobnicate'], /^layerwise: unknown command `frobnicate`/],
      [['explain', 'no-such-rule'], /^layerwise: unknown rule `no-such-rule`/],
      [['lint', '--rule', 'nope=warning', 'samples/Dockerfile'], /^layerwise: unknown rule `nope`/],
      [['lint', '--bogus'], /^layerwise: unknown option `--bogus`/],
    ];
    for (const [args, err] of cases) {
      const r = cli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, err);
      assert.doesNotMatch(r.err, /\n\s+at /);
    }
  });

  it('stops quietly with the lint\'s exit code when the reader closes the pipe early (`| head`)', async () => {
    // The sample's findings fill one JSON array; the reading end is gone before it is written.
    const child = spawn(process.execPath, [CLI, 'lint', 'samples/Dockerfile', '--format', 'json'], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.destroy();
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    assert.equal(err, '');
    assert.equal(code, 1);
  });

  it('says in one line that it cannot write the results to a full disk, and exits 2', function () {
    if (!existsSync('/dev/full')) this.skip();
    const out = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, 'lint', 'samples/Dockerfile'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', out, 'pipe'] });
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'layerwise: cannot write the results: ENOSPC\n');
    } finally {
      closeSync(out);
    }
  });

  it('rejects a binary file, accepts an empty one, and finds no Dockerfile in an empty folder', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bin.dockerfile'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    const bin = cli(['lint', join(dir, 'bin.dockerfile')]);
    assert.equal(bin.code, 2);
    assert.match(bin.err, /not a text file/);
    writeFileSync(join(dir, 'Dockerfile'), '');
    const empty = cli(['lint', join(dir, 'Dockerfile')]);
    assert.equal(empty.code, 0);
    assert.match(empty.out, /No findings in 1 file/);
    const emptyDir = join(dir, 'none');
    mkdirSync(emptyDir);
    const none = cli(['lint', emptyDir]);
    assert.equal(none.code, 2);
    assert.match(none.err, /no Dockerfile found/);
  });

  it('prints help and version', () => {
    assert.match(cli(['--help']).out, /Usage:/);
    assert.match(cli(['--version']).out, /^\d+\.\d+\.\d+\n$/);
  });
});

describe('CLI: layers', () => {
  it('prints one row per instruction and the totals, and the stable JSON shape', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', 'blob'), Buffer.alloc(1_000_000, 7));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM golang:1.25 AS build\nRUN go build -o /app .\nFROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nCOPY . /srv\nCOPY --from=build /app /app\nCMD ["/app"]\n');
    const text = cli(['layers', join(dir, 'Dockerfile')]);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /stage 0 \(build\) FROM golang:1\.25: .* — build only, not in the image/);
    assert.match(text.out, /\n {2}4 {5}RUN apt-get update && apt-get install -y … {2}yes {7}[ \d.]+ MB {2}apt {8}/);
    assert.match(text.out, /\n {2}5 {5}COPY \. \/srv .*yes .* 1 MB {2}context {4}node_modules 1 MB/);
    assert.match(text.out, /\nimage ≥ [\d.]+ MB/);
    const json = JSON.parse(cli(['layers', join(dir, 'Dockerfile'), '--format', 'json']).out);
    assert.deepEqual(Object.keys(json), ['file', 'stages', 'imageBytes']);
    assert.deepEqual(Object.keys(json.stages[0]), ['name', 'base', 'baseBytes', 'final', 'instructions', 'totalBytes']);
    assert.deepEqual(json.stages.map((s: { name: string | null; final: boolean }) => [s.name, s.final]), [['build', false], [null, true]]);
    const copy = json.stages[1].instructions[1];
    assert.deepEqual([copy.line, copy.keyword, copy.createsLayer, copy.basis], [4, 'COPY', true, 'context']);
    assert.ok(copy.bytes >= 1_000_000);
    const run = json.stages[1].instructions[0];
    assert.equal(run.basis, 'apt');
    assert.ok(run.bytes > 1_000_000);
    assert.equal(json.stages[1].instructions[2].bytes, null, 'COPY --from has no estimate');
    assert.equal(json.imageBytes, json.stages[1].totalBytes);
  });

  it('rejects a bad layers call with exit 2', () => {
    const r = cli(['layers']);
    assert.equal(r.code, 2);
    assert.match(r.err, /layers takes exactly one Dockerfile/);
  });
});

describe('CLI: --fix on a naive Dockerfile', () => {
  it('applies every safe fix together and leaves a Dockerfile that still builds the same software', () => {
    const dir = tmp();
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, 'FROM ubuntu:24.04\nRUN apt-get update\nRUN apt-get install -y curl\nRUN mkdir /app\nMAINTAINER me\nCMD python3 app.py\n');
    cli(['lint', file, '--fix']);
    assert.equal(
      readFileSync(file, 'utf8'),
      'FROM ubuntu:24.04\nRUN apt-get update && \\\n    apt-get install -y curl && rm -rf /var/lib/apt/lists/* && \\\n    mkdir /app\nLABEL org.opencontainers.image.authors="me"\nCMD ["python3", "app.py"]\n',
    );
  });
});

describe('CLI: savings in fix titles', () => {
  it('a missing .dockerignore: the fix title says how much the COPY shrinks with the suggested file', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'x', 'blob'), Buffer.alloc(2_000_000, 1));
    writeFileSync(join(dir, 'package.json'), '{}\n');
    writeFileSync(join(dir, 'server.js'), 'require("http")\n');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n');
    const json = JSON.parse(cli(['lint', join(dir, 'Dockerfile'), '--format', 'json']).out) as { rule: string; fixes: { title: string }[] }[];
    const finding = json.find((f) => f.rule === 'copy-whole-context-without-dockerignore');
    assert.ok(finding, 'the rule fires without a .dockerignore');
    assert.match(finding!.fixes[0].title, /^Create a \.dockerignore for this context \(COPY shrinks from 2 MB to \d+ B\)$/);
  });

  it('Dockerfiles in one folder share its measurement, each with its own ignore file', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'x', 'blob'), Buffer.alloc(2_000_000, 1));
    writeFileSync(join(dir, 'package.json'), '{}\n');
    const dockerfile = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';
    writeFileSync(join(dir, 'Dockerfile'), dockerfile);
    writeFileSync(join(dir, 'Dockerfile.dev'), dockerfile);
    // BuildKit reads Dockerfile.dev.dockerignore for Dockerfile.dev only.
    writeFileSync(join(dir, 'Dockerfile.dev.dockerignore'), 'node_modules\n');
    type Row = { file: string; rule: string; fixes: { title: string }[] };
    const lint = (files: string[]) => JSON.parse(cli(['lint', ...files.map((f) => join(dir, f)), '--format', 'json']).out) as Row[];
    const alone = lint(['Dockerfile']);
    // Dockerfile.dev first: its measurer, which leaves node_modules out, must not size Dockerfile's COPY.
    const together = lint(['Dockerfile.dev', 'Dockerfile']);
    assert.deepEqual(together.filter((f) => f.file === join(dir, 'Dockerfile')), alone);
    const title = alone.find((f) => f.rule === 'copy-whole-context-without-dockerignore')?.fixes[0].title;
    assert.match(title ?? '', /COPY shrinks from 2 MB to \d+ B/);
    assert.deepEqual(together.filter((f) => f.file === join(dir, 'Dockerfile.dev') && f.rule === 'copy-whole-context-without-dockerignore'), []);
    // A folder listed earlier in the run says nothing about another one: this one has a .dockerignore.
    const sibling = tmp();
    writeFileSync(join(sibling, 'Dockerfile'), dockerfile);
    writeFileSync(join(sibling, '.dockerignore'), 'node_modules\n');
    const both = JSON.parse(cli(['lint', join(dir, 'Dockerfile'), join(sibling, 'Dockerfile'), '--format', 'json']).out) as Row[];
    assert.deepEqual(both.filter((f) => f.file === join(sibling, 'Dockerfile') && f.rule === 'copy-whole-context-without-dockerignore'), []);
    assert.deepEqual(both.filter((f) => f.file === join(dir, 'Dockerfile')), alone);
  });
});
