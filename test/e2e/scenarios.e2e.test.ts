// What a user of the packaged extension sees in a real VS Code (code-server):
// squiggles, Problems, hovers, quick fixes, fix-all, settings, ignore comments,
// .dockerignore watching, typing in a large file and heredoc highlighting.
// Fixtures: test/e2e/fixtures/scenarios/<scenario>/Dockerfile (the session
// opens a temp copy, so scenarios may edit and save). The installed VSIX's own
// CLI is the oracle where a list of findings is compared.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { E2ESession, findVsix, fixturePath, pollUntil, SquiggleKind, SquiggleSpan, useE2ESession } from './harness';
import {
  applySourceAction,
  closeProblemsPanel,
  countBySeverity,
  expectedProblemRows,
  installedRuleIds,
  lineTokens,
  lintOnDisk,
  openProblemsPanel,
  openWorkspaceFile,
  ProblemRow,
  serverHasSizeEstimates,
  TokenSpan,
  waitForProblemRows,
} from './scenario-support';

const QUICKFIX_TEXT = fixtureText('quickfix');
const FIXALL_TEXT = fixtureText('fixall');

/** fixall/Dockerfile after every safe fix (MAINTAINER, apt lists, merge, exec-form CMD). */
const FIXALL_FIXED = [
  'FROM debian:bookworm-slim',
  'LABEL org.opencontainers.image.authors="dev@example.com"',
  'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* && \\',
  '    mkdir -p /app',
  'USER nobody',
  'CMD ["curl", "--version"]',
  '',
].join('\n');

const CONTEXT_RULE = 'copy-whole-context-without-dockerignore';

/**
 * The environment of this session's Layerwise server process (its command
 * line names the session's extensions folder); undefined without /proc.
 */
function layerwiseServerEnv(session: E2ESession): Map<string, string> | undefined {
  if (!fs.existsSync('/proc/self/environ')) return undefined;
  const sessionDir = path.dirname(session.userDataDir);
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let cmdline: string;
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    if (!cmdline.includes(sessionDir) || !cmdline.includes(path.join('dist', 'server.js'))) continue;
    const entries = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
    return new Map(entries.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  }
  throw new Error(`no Layerwise server process under ${sessionDir}`);
}

function fixtureText(scenario: string): string {
  return fs.readFileSync(fixturePath('scenarios', scenario, 'Dockerfile'), 'utf8');
}

/** Opens a workspace file and waits until the editor shows exactly what is on disk. */
async function openExactly(session: E2ESession, relativePath: string): Promise<string> {
  await openWorkspaceFile(session, relativePath);
  const onDisk = fs.readFileSync(session.workspacePath(relativePath), 'utf8');
  await session.waitForEditorText(onDisk);
  return onDisk;
}

/** Waits until a workspace file on disk holds `expected` (the tab's dirty mark can clear before the write lands). */
async function waitForDisk(session: E2ESession, relativePath: string, expected: string): Promise<void> {
  let last = '';
  await pollUntil(
    `${relativePath} to be saved`,
    async () => {
      last = fs.readFileSync(session.workspacePath(relativePath), 'utf8');
      return last === expected ? true : undefined;
    },
    session.timeoutMs,
  ).catch((error: Error) => {
    assert.strictEqual(last, expected, error.message);
  });
}

/** Waits for no squiggle of any kind on a 1-based line. */
async function waitForCleanLine(session: E2ESession, line: number): Promise<void> {
  let seen: SquiggleSpan[] = [];
  await pollUntil(
    `no squiggles on line ${line}`,
    async () => {
      seen = [];
      for (const kind of ['error', 'warning', 'info', 'hint'] as SquiggleKind[]) seen.push(...(await session.squiggles(kind)).filter((s) => s.line === line));
      return seen.length === 0 ? true : undefined;
    },
    session.timeoutMs,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; left: ${JSON.stringify(seen)}`);
  });
}

/** Hovers until the hover text contains `wanted` (re-hovering: a shown hover does not refresh itself). */
async function hoverUntil(session: E2ESession, line: number, column: number, wanted: string): Promise<string> {
  let last = '';
  return pollUntil(
    `a hover at ${line}:${column} containing "${wanted}"`,
    async () => {
      last = await session.hoverAt(line, column, { timeoutMs: 5000 });
      return last.includes(wanted) ? last : undefined;
    },
    session.timeoutMs,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last hover: ${JSON.stringify(last)}`);
  });
}

describe('e2e scenarios: Layerwise in a real VS Code', function () {
  const vsix = findVsix();
  before(function () {
    if (!vsix) throw new Error('no layerwise-*.vsix in the repo root: run `npm run package` first');
  });
  const e2e = useE2ESession({ workspace: fixturePath('scenarios'), vsix });

  afterEach(async function () {
    // Screenshot-bearing scenarios leave panels and hovers open when they fail.
    await e2e.session.dismissWidgets().catch(() => undefined);
  });

  it('1. a naive Dockerfile: squiggles on the exact words, the Problems panel and the status bar agree with the engine', async function () {
    const session = e2e.session;
    await openExactly(session, 'naive/Dockerfile');

    // pin-base-image-tag on the image name, apt-no-install-recommends on `install`, merge-consecutive-runs on the second RUN.
    assert.deepStrictEqual(await session.waitForSquiggle('warning', { text: 'ubuntu', line: 1 }), { kind: 'warning', line: 1, startColumn: 6, endColumn: 12, text: 'ubuntu' });
    assert.deepStrictEqual(await session.waitForSquiggle('warning', { text: 'install', line: 3 }), { kind: 'warning', line: 3, startColumn: 13, endColumn: 20, text: 'install' });
    assert.deepStrictEqual(await session.waitForSquiggle('info', { text: 'RUN', line: 3 }), { kind: 'info', line: 3, startColumn: 1, endColumn: 4, text: 'RUN' });

    const findings = lintOnDisk(session, 'naive/Dockerfile');
    const expected = expectedProblemRows(findings);
    const headline: ProblemRow[] = [
      { severity: 'Warning', message: 'No tag means `latest`, which moves with every push: pin a concrete tag (e.g. `ubuntu:26.04`).', source: 'layerwise', code: 'pin-base-image-tag', line: 1, column: 6 },
      { severity: 'Warning', message: 'Add `--no-install-recommends` so apt installs only what you asked for.', source: 'layerwise', code: 'apt-no-install-recommends', line: 3, column: 13 },
      { severity: 'Info', message: '3 consecutive RUN instructions could be one layer: merge them with `&&`.', source: 'layerwise', code: 'merge-consecutive-runs', line: 3, column: 1 },
    ];
    for (const row of headline) assert.ok(expected.some((e) => JSON.stringify(e) === JSON.stringify(row)), `the engine no longer reports ${JSON.stringify(row)}`);

    // The client starts the server with the environment server/launch.ts adds (a user's own value wins).
    const env = layerwiseServerEnv(session);
    if (env) assert.strictEqual(env.get('MALLOC_ARENA_MAX'), process.env.MALLOC_ARENA_MAX ?? '2', 'the server process environment');

    await openProblemsPanel(session);
    try {
      const rows = await waitForProblemRows(session, expected);
      for (const row of headline) assert.ok(rows.some((r) => JSON.stringify(r) === JSON.stringify(row)), `Problems lacks ${JSON.stringify(row)}`);
      const counts = countBySeverity(findings);
      assert.deepStrictEqual(counts, {
        errors: rows.filter((r) => r.severity === 'Error').length,
        warnings: rows.filter((r) => r.severity === 'Warning').length,
        infos: rows.filter((r) => r.severity === 'Info').length,
      });
      const shown = await session.waitForProblems((c) => JSON.stringify(c) === JSON.stringify(counts)).catch(async () => session.problemsCount());
      assert.deepStrictEqual(shown, counts, 'status-bar problem counts');
      await session.screenshot('scenario-1-naive-problems');
    } finally {
      await closeProblemsPanel(session);
    }
  });

  it('2. hovering the RUN keyword of an apt-get install explains its layer (and its size when estimated)', async function () {
    const session = e2e.session;
    // quickfix/Dockerfile line 2: the install RUN whose keyword carries no diagnostic, so the hover is the layer's alone.
    await openExactly(session, 'quickfix/Dockerfile');
    await session.waitForSquiggle('warning', { text: 'install', line: 2 });
    const estimates = serverHasSizeEstimates(session);
    const hover = await hoverUntil(session, 2, 2, estimates ? 'Adds ≈' : 'Adds a filesystem layer.');
    assert.ok(hover.startsWith('RUN — Runs a command in a new layer and records the files it changed.'), hover);
    assert.match(hover, /\nCache: \S/);
    if (estimates) assert.match(hover, /\nAdds ≈ \d[\d.]* (kB|MB|GB)\b[^\n(]*\(apt: curl \+ \d+ dependencies; /);
    else console.log('      (the installed server has no size estimates: checked the layer explanation only)');
    await session.screenshot('scenario-2-hover-run');
  });

  it('3a. Ctrl+. pins the base image tag', async function () {
    const session = e2e.session;
    await openExactly(session, 'quickfix/Dockerfile');
    await session.waitForSquiggle('warning', { text: 'ubuntu', line: 1 });
    // The suggested tag comes from the bundled base-image table (e.g. "Pin to :26.04").
    const pin = lintOnDisk(session, 'quickfix/Dockerfile').find((f) => f.rule === 'pin-base-image-tag')?.fixes[0]?.title ?? '';
    const tag = /^Pin to :([\w.-]+)$/.exec(pin)?.[1];
    assert.ok(tag, `pin-base-image-tag offers ${JSON.stringify(pin)}`);
    await session.quickFixAt(1, 6, { apply: `Pin to :${tag} (unsafe)` });
    await session.waitForEditorText(QUICKFIX_TEXT.replace('FROM ubuntu\n', `FROM ubuntu:${tag}\n`));
    await session.waitForNoSquiggle('warning', { text: /ubuntu/ });
    await session.screenshot('scenario-3-pin');
  });

  it('3b. Ctrl+. adds --no-install-recommends', async function () {
    const session = e2e.session;
    await openExactly(session, 'quickfix/Dockerfile');
    await session.waitForSquiggle('warning', { text: 'install', line: 2 });
    const title = serverHasSizeEstimates(session)
      ? /^Add --no-install-recommends \(saves ≈ \d[\d.]* (kB|MB|GB)\) \(unsafe\)$/
      : /^Add --no-install-recommends( \(saves ≈ [^)]+\))? \(unsafe\)$/;
    await session.quickFixAt(2, 31, { apply: title });
    await session.waitForEditorText(QUICKFIX_TEXT.replace('apt-get install -y curl', 'apt-get install --no-install-recommends -y curl'));
    await session.waitForNoSquiggle('warning', { text: 'install' });
    await session.screenshot('scenario-3-no-install-recommends');
  });

  it('3c. Ctrl+. merges consecutive RUNs', async function () {
    const session = e2e.session;
    await openExactly(session, 'quickfix/Dockerfile');
    await session.waitForSquiggle('info', { text: 'RUN', line: 3 });
    await session.quickFixAt(3, 1, { apply: 'Merge 3 RUN instructions into one' });
    await session.waitForEditorText(
      QUICKFIX_TEXT.replace(
        'rm -rf /var/lib/apt/lists/*\nRUN mkdir -p /app\nRUN echo ok > /app/ok\n',
        'rm -rf /var/lib/apt/lists/* && \\\n    mkdir -p /app && \\\n    echo ok > /app/ok\n',
      ),
    );
    await session.waitForNoSquiggle('info');
    await session.screenshot('scenario-3-merge');
  });

  it('3d. "Source Action..." → "Fix all auto-fixable Layerwise problems" applies every safe fix at once', async function () {
    const session = e2e.session;
    await openExactly(session, 'fixall/Dockerfile');
    await session.waitForSquiggle('info', { text: 'RUN', line: 4 });
    const safeFixes = lintOnDisk(session, 'fixall/Dockerfile').filter((f) => f.fixes.some((x) => x.safe)).length;
    assert.strictEqual(safeFixes, 4);
    await applySourceAction(session, 'Fix all auto-fixable Layerwise problems (4)');
    await session.waitForEditorText(FIXALL_FIXED);
    await session.waitForNoSquiggle('warning');
    await session.waitForNoSquiggle('info');
    await session.screenshot('scenario-3-fix-all');
  });

  it('3e. editor.codeActionsOnSave { "source.fixAll.layerwise": "explicit" } fixes on save', async function () {
    const session = e2e.session;
    assert.strictEqual(fixtureText('onsave'), FIXALL_TEXT);
    await session.setUserSetting('editor.codeActionsOnSave', { 'source.fixAll.layerwise': 'explicit' });
    try {
      const lines = (await openExactly(session, 'onsave/Dockerfile')).split('\n').length;
      await session.waitForSquiggle('info', { text: 'RUN', line: 4 });
      await session.moveCursor(lines, 1);
      await session.typeText('# saved');
      await session.waitForEditorText(FIXALL_TEXT + '# saved');
      await session.saveFile();
      await session.waitForEditorText(FIXALL_FIXED + '# saved');
      await waitForDisk(session, 'onsave/Dockerfile', FIXALL_FIXED + '# saved');
      await session.waitForNoSquiggle('warning');
      await session.waitForNoSquiggle('info');
      await session.screenshot('scenario-3-fix-all-on-save');
    } finally {
      await session.setUserSetting('editor.codeActionsOnSave', undefined);
    }
  });

  it('4. turning a rule off in settings removes its diagnostic without a reload', async function () {
    const session = e2e.session;
    await openExactly(session, 'quickfix/Dockerfile');
    await session.waitForSquiggle('warning', { text: 'install', line: 2 });
    await session.setUserSetting('layerwise.rules', { 'apt-no-install-recommends': 'off' });
    try {
      await session.waitForNoSquiggle('warning', { text: 'install' });
      await session.waitForSquiggle('warning', { text: 'ubuntu', line: 1 });
      await session.screenshot('scenario-4-rule-off');
    } finally {
      await session.setUserSetting('layerwise.rules', undefined);
    }
    await session.waitForSquiggle('warning', { text: 'install', line: 2 });
  });

  it('5. a `# hadolint ignore=DL3015` comment silences apt-no-install-recommends on the next RUN', async function () {
    const session = e2e.session;
    await openExactly(session, 'quickfix/Dockerfile');
    await session.waitForSquiggle('warning', { text: 'install', line: 2 });
    await session.moveCursor(2, 1);
    await session.typeText('# hadolint ignore=DL3015\n');
    await session.waitForEditorText(QUICKFIX_TEXT.replace('FROM ubuntu\n', 'FROM ubuntu\n# hadolint ignore=DL3015\n'));
    await session.waitForNoSquiggle('warning', { text: 'install' });
    // Only that rule, only there.
    await session.waitForSquiggle('warning', { text: 'ubuntu', line: 1 });
    await session.waitForSquiggle('info', { text: 'RUN', line: 4 });
    await session.screenshot('scenario-5-hadolint-ignore');
  });

  it(`6. creating a .dockerignore clears ${CONTEXT_RULE}`, async function () {
    const session = e2e.session;
    if (!installedRuleIds(session).includes(CONTEXT_RULE)) {
      console.log(`      skipped: \`layerwise rules\` of the installed VSIX does not list ${CONTEXT_RULE} yet`);
      this.skip();
    }
    const finding = lintOnDisk(session, 'context/Dockerfile').find((f) => f.rule === CONTEXT_RULE);
    assert.ok(finding, `the engine reports no ${CONTEXT_RULE} for context/Dockerfile`);
    await openExactly(session, 'context/Dockerfile');
    const kind = finding.severity as SquiggleKind;
    const line = finding.range.start.line + 1;
    assert.strictEqual(line, 3, 'the finding is on `COPY . .`');
    await session.waitForSquiggle(kind, { line });
    await session.screenshot('scenario-6-before-dockerignore');
    fs.writeFileSync(session.workspacePath('context', '.dockerignore'), '.git\n*.log\n');
    await waitForCleanLine(session, line);
    assert.deepStrictEqual(lintOnDisk(session, 'context/Dockerfile').filter((f) => f.rule === CONTEXT_RULE), []);
    await session.screenshot('scenario-6-after-dockerignore');
  });

  it('7. typing fast at the end of a 2,000-line Dockerfile: every keystroke lands and the diagnostics match the final text', async function () {
    const session = e2e.session;
    const relative = path.join('large', 'Dockerfile');
    const lines = ['FROM debian:bookworm-slim'];
    for (let i = 1; lines.length < 1999; i++) {
      const n = String(i).padStart(4, '0');
      lines.push(`ENV STEP_${n}=${i}`);
      lines.push(i % 100 === 0 ? `RUN apt-get update && apt-get install -y pkg-${n} && rm -rf /var/lib/apt/lists/*` : `RUN echo ${i} > /tmp/step-${n}`);
    }
    lines.push('USER nobody');
    assert.strictEqual(lines.length, 2000);
    fs.mkdirSync(session.workspacePath('large'), { recursive: true });
    fs.writeFileSync(session.workspacePath(relative), lines.join('\n') + '\n');
    const initial = lintOnDisk(session, relative);
    assert.strictEqual(initial.filter((f) => f.rule === 'apt-no-install-recommends').length, 9);

    await openWorkspaceFile(session, relative);
    await session.waitForProblems((c) => JSON.stringify(c) === JSON.stringify(countBySeverity(initial)));
    await session.moveCursor(2001, 1);
    const typed = [
      'ENV STEP_1000=1000',
      'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
      'RUN echo done > /tmp/done',
    ];
    await session.typeText(typed.join('\n'));
    const tail = await pollUntil(
      'the typed lines to be shown',
      async () => {
        const shown = (await session.renderedLines()).filter((l) => l.lineNumber >= 2000);
        const texts = shown.map((l) => l.text);
        return JSON.stringify(texts) === JSON.stringify(['USER nobody', ...typed]) ? texts : undefined;
      },
      session.timeoutMs,
    );
    assert.deepStrictEqual(tail, ['USER nobody', ...typed]);
    assert.deepStrictEqual(await session.waitForSquiggle('warning', { text: 'install', line: 2002 }), { kind: 'warning', line: 2002, startColumn: 31, endColumn: 38, text: 'install' });

    await session.saveFile();
    await waitForDisk(session, relative, [...lines, ...typed].join('\n'));
    const findings = lintOnDisk(session, relative);
    assert.strictEqual(findings.filter((f) => f.rule === 'apt-no-install-recommends').length, 10);
    const counts = countBySeverity(findings);
    const shown = await session.waitForProblems((c) => JSON.stringify(c) === JSON.stringify(counts)).catch(async () => session.problemsCount());
    assert.deepStrictEqual(shown, counts, 'status-bar counts against `layerwise lint` of the saved text');
    await session.screenshot('scenario-7-large-file');
  });

  it('8. heredoc bodies: RUN <<EOF is highlighted as shell, COPY <<EOF as plain text', async function () {
    const session = e2e.session;
    const text = await openExactly(session, 'heredoc/Dockerfile');
    const runLine = text.split('\n').indexOf('apt-get update') + 1;
    const copyLine = text.split('\n').lastIndexOf('apt-get update') + 1;
    assert.deepStrictEqual([runLine, copyLine], [4, 9]);
    const words = (tokens: TokenSpan[]): string[] => tokens.map((t) => t.text);
    // Tokenising is asynchronous: wait until the RUN body is split into shell tokens.
    const run = await pollUntil(
      'shell tokens in the RUN heredoc',
      async () => {
        const tokens = await lineTokens(session, runLine);
        return JSON.stringify(words(tokens)) === JSON.stringify(['apt-get', ' ', 'update']) ? tokens : undefined;
      },
      session.timeoutMs,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}; tokens: ${JSON.stringify(await lineTokens(session, runLine))}`);
    });
    const copy = await lineTokens(session, copyLine);
    assert.deepStrictEqual(words(copy), ['apt-get update'], `COPY heredoc body tokens: ${JSON.stringify(copy)}`);
    const [command, , argument] = run;
    // The command and its argument get different colours in the shell body...
    assert.notStrictEqual(command.className, argument.className, JSON.stringify(run));
    assert.notStrictEqual(command.color, argument.color, JSON.stringify(run));
    // ...while the same words in a COPY body are one plain-text token, coloured unlike the shell command.
    assert.notStrictEqual(copy[0].className, command.className, JSON.stringify({ run, copy }));
    assert.notStrictEqual(copy[0].color, command.color, JSON.stringify({ run, copy }));
    await session.screenshot('scenario-8-heredoc');
  });
});
