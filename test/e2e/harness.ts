// Drives a real VS Code (code-server from test/e2e/host) in Debian's Chromium for
// end-to-end tests. One code-server and one browser per run, reused across
// scenarios (the test machines have 2 cores). Facts behind the flags and
// selectors: /work/shared/e2e-recipe.md.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { probeRenderedLines, probeSquiggles, RenderedLine, SquiggleSpan } from './page-probes';

export { RenderedLine, SquiggleSpan };

export type SquiggleKind = 'error' | 'warning' | 'info' | 'hint';

export interface SessionOptions {
  /** Folder to open; copied to a temp dir first so scenarios may edit and save freely. */
  workspace: string;
  /** Extension to install before start (`--install-extension`), e.g. the packaged `layerwise-*.vsix`. */
  vsix?: string;
  /** User settings merged over the quiet defaults. */
  settings?: Record<string, unknown>;
  /** Default 30 000 ms: a real language server's first results can take a while. */
  timeoutMs?: number;
  /** Where screenshots and failure captures go; default `<repo>/test/e2e/artifacts`. */
  artifactsDir?: string;
  /** Open the workspace copy in place of the original? Default true. */
  copyWorkspace?: boolean;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

interface WaitOptions {
  timeoutMs?: number;
}

const QUIET_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.editor.enablePreview': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 150,
  'editor.wordWrap': 'off',
  // Typed text must land exactly as given.
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoSurround': 'never',
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.autoIndent': 'none',
  'files.hotExit': 'off',
};

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const SEL = {
  workbench: '.monaco-workbench',
  // The editor of the active group (split layouts have several).
  editor: '.editor-group-container.active .editor-instance .monaco-editor',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  hover: '.monaco-hover:not(.hidden) .monaco-hover-content',
  actionRow: '.action-widget .monaco-list-row.action',
  problems: '[id="status.problems"]',
  activeTab: '.tabs-container .tab.active',
};

/** Repo root: the nearest folder up from this file or the cwd holding test/e2e/host/package.json. */
export function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, 'test', 'e2e', 'host', 'package.json'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error('cannot find the repo root (test/e2e/host/package.json) from ' + __dirname);
}

/** Absolute path of a folder under test/e2e/fixtures. */
export function fixturePath(...segments: string[]): string {
  return path.join(repoRoot(), 'test', 'e2e', 'fixtures', ...segments);
}

/** The newest `layerwise-*.vsix` in the repo root, or undefined. */
export function findVsix(): string | undefined {
  const root = repoRoot();
  const candidates = fs
    .readdirSync(root)
    .filter((name) => /^layerwise-.*\.vsix$/.test(name))
    .map((name) => path.join(root, name))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return candidates[0];
}

/** Polls `probe` until it returns a value other than undefined; throws with `what` on timeout. */
export async function pollUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2000, () => request.destroy());
  });
}

function codeServerEntry(root: string): string {
  const bin = path.join(root, 'test', 'e2e', 'host', 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(bin)) throw new Error(`code-server is not installed (${bin}); run scripts/e2e-setup.sh`);
  return fs.realpathSync(bin);
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);
}

function normaliseText(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

export class E2ESession {
  private readonly consoleLines: string[] = [];
  private closed = false;
  private readonly killOnExit = (): void => this.killServer('SIGKILL');

  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: ChildProcess,
    /** http://127.0.0.1:<port> */
    readonly url: string,
    /** The folder VS Code has open (the temp copy unless copyWorkspace is false). */
    readonly workspaceDir: string,
    /** code-server's --user-data-dir; logs land in `<userDataDir>/logs`. */
    readonly userDataDir: string,
    readonly artifactsDir: string,
    private readonly tempDir: string,
    private readonly serverLog: string,
    readonly timeoutMs: number,
  ) {
    process.once('exit', this.killOnExit);
    page.on('console', (message) => this.consoleLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => this.consoleLines.push(`[pageerror] ${error.message}`));
  }

  /** Starts code-server (installing `vsix` first), opens Chromium on the workspace and waits for the workbench. */
  static async start(options: SessionOptions): Promise<E2ESession> {
    const root = repoRoot();
    const timeoutMs = options.timeoutMs ?? 30_000;
    const artifactsDir = options.artifactsDir ?? path.join(root, 'test', 'e2e', 'artifacts');
    fs.mkdirSync(artifactsDir, { recursive: true });
    const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-e2e-'));
    const dirs = {
      userData: path.join(tempDir, 'user-data'),
      extensions: path.join(tempDir, 'extensions'),
      xdgConfig: path.join(tempDir, 'xdg-config'),
      xdgData: path.join(tempDir, 'xdg-data'),
      xdgCache: path.join(tempDir, 'xdg-cache'),
    };
    for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
    let workspaceDir = path.resolve(options.workspace);
    if (options.copyWorkspace ?? true) {
      const copy = path.join(tempDir, 'workspace', path.basename(workspaceDir));
      fs.cpSync(workspaceDir, copy, { recursive: true });
      workspaceDir = copy;
    }
    fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
    fs.writeFileSync(
      path.join(dirs.userData, 'User', 'settings.json'),
      JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2),
    );

    const entry = codeServerEntry(root);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      XDG_CONFIG_HOME: dirs.xdgConfig,
      XDG_DATA_HOME: dirs.xdgData,
      XDG_CACHE_HOME: dirs.xdgCache,
    };
    const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
    const serverLog = path.join(tempDir, 'code-server.log');

    if (options.vsix) {
      const vsix = path.resolve(options.vsix);
      if (!fs.existsSync(vsix)) throw new Error(`VSIX not found: ${vsix}`);
      const { code, output } = await runToEnd(process.execPath, [entry, ...common, '--install-extension', vsix], env);
      fs.appendFileSync(serverLog, `--install-extension ${vsix}\n${output}\n`);
      if (code !== 0) throw new Error(`installing ${vsix} failed (exit ${code}):\n${output}`);
    }

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const logFd = fs.openSync(serverLog, 'a');
    const server = spawn(
      process.execPath,
      [
        entry,
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        ...common,
        workspaceDir,
      ],
      // Own process group, so teardown can stop the extension hosts it forks too.
      { env, detached: true, stdio: ['ignore', logFd, logFd] },
    );
    fs.closeSync(logFd);

    let browser: Browser | undefined;
    try {
      await pollUntil(
        `code-server on ${url}/healthz (log: ${serverLog})`,
        async () => {
          if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}`);
          return (await httpOk(`${url}/healthz`)) ? true : undefined;
        },
        timeoutMs,
      );
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      page.setDefaultTimeout(timeoutMs);
      const session = new E2ESession(
        page, browser, server, url, workspaceDir, dirs.userData, artifactsDir, tempDir, serverLog, timeoutMs,
      );
      await page.goto(`${url}/?folder=${encodeURIComponent(workspaceDir)}`);
      await page.locator(SEL.workbench).waitFor({ state: 'visible' });
      await page.locator(SEL.problems).waitFor({ state: 'visible' });
      return session;
    } catch (error) {
      await browser?.close().catch(() => undefined);
      killGroup(server, 'SIGKILL');
      throw error;
    }
  }

  // ---------- editor ----------

  /** The active text editor. */
  editor(): Locator {
    return this.page.locator(SEL.editor).first();
  }

  /** Opens a workspace file by its relative path through Quick Open and waits for its tab to be active. */
  async openFile(relativePath: string): Promise<void> {
    const base = path.basename(relativePath);
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator(SEL.quickInputBox);
    await input.waitFor({ state: 'visible' });
    await input.fill(relativePath);
    await pollUntil(
      `Quick Open to list ${relativePath}`,
      async () => {
        const first = this.page.locator(`${SEL.quickInputRow}[aria-label*="${base}"]`).first();
        return (await first.isVisible()) ? true : undefined;
      },
      this.timeoutMs,
    );
    await this.page.keyboard.press('Enter');
    await this.page.locator(`${SEL.activeTab}[aria-label^="${base}"]`).waitFor({ state: 'visible' });
    await this.editor().waitFor({ state: 'visible' });
    await this.focusEditor();
  }

  /** Gives the active editor keyboard focus (clicking its first line only when it lacks focus). */
  async focusEditor(): Promise<void> {
    const editor = this.editor();
    if (((await editor.getAttribute('class')) ?? '').split(/\s+/).includes('focused')) return;
    await editor.locator('.view-lines').click({ position: { x: 1, y: 1 }, force: true });
  }

  /** Rendered lines of the active editor (only what is scrolled into view; fine for fixture-sized files). */
  async renderedLines(options: { withInlayHints?: boolean } = {}): Promise<RenderedLine[]> {
    return this.editor().evaluate(probeRenderedLines, options.withInlayHints ?? false);
  }

  /** Text of the active editor as rendered, lines joined with `\n`, `\u00a0` normalised to spaces, inlay hints left out. */
  async editorText(options: { withInlayHints?: boolean } = {}): Promise<string> {
    return (await this.renderedLines(options)).map((line) => line.text).join('\n');
  }

  /** Waits until `editorText()` equals `expected` (string) or satisfies it (predicate); returns the text. */
  async waitForEditorText(expected: string | ((text: string) => boolean), options: WaitOptions = {}): Promise<string> {
    const matches = typeof expected === 'string' ? (text: string) => text === expected : expected;
    let last = '';
    try {
      return await pollUntil(
        'editor text',
        async () => {
          last = await this.editorText();
          return matches(last) ? last : undefined;
        },
        options.timeoutMs ?? this.timeoutMs,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; last text:\n${last}`);
    }
  }

  /** Places the cursor at a 1-based line and column (Go to Line). */
  async moveCursor(line: number, column = 1): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator(SEL.quickInputBox);
    await input.waitFor({ state: 'visible' });
    // Keep the ":" prefix: without it the same box searches files.
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }

  /** Types at the cursor with real key presses (`\n` presses Enter). */
  async typeText(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** Replaces the whole document (select all + paste-like insert, no auto-indent). */
  async setEditorText(text: string): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.insertText(text);
  }

  async saveFile(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator(`${SEL.activeTab}.dirty`).waitFor({ state: 'detached' });
  }

  // ---------- diagnostics ----------

  /** All current squiggles of `kind` in the active editor, with the text they underline. */
  async squiggles(kind: SquiggleKind): Promise<SquiggleSpan[]> {
    return this.editor().evaluate(probeSquiggles, kind);
  }

  /**
   * Waits for a squiggle of `kind`; with `text`, for one whose underlined text
   * equals it (string) or matches it (RegExp); with `line`, on that line.
   */
  async waitForSquiggle(
    kind: SquiggleKind,
    options: { text?: string | RegExp; line?: number; timeoutMs?: number } = {},
  ): Promise<SquiggleSpan> {
    const wanted = (span: SquiggleSpan): boolean =>
      (options.line === undefined || span.line === options.line) &&
      (options.text === undefined ||
        (typeof options.text === 'string' ? span.text === options.text : options.text.test(span.text)));
    let seen: SquiggleSpan[] = [];
    try {
      return await pollUntil(
        `a ${kind} squiggle${options.text ? ` on "${options.text}"` : ''}`,
        async () => {
          seen = await this.squiggles(kind);
          return seen.find(wanted);
        },
        options.timeoutMs ?? this.timeoutMs,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; squiggles seen: ${JSON.stringify(seen)}`);
    }
  }

  /** Waits until no squiggle of `kind` (optionally: on `text`) is left. */
  async waitForNoSquiggle(kind: SquiggleKind, options: { text?: string | RegExp; timeoutMs?: number } = {}): Promise<void> {
    await pollUntil(
      `${kind} squiggles${options.text ? ` on "${options.text}"` : ''} to disappear`,
      async () => {
        const left = (await this.squiggles(kind)).filter(
          (span) =>
            options.text === undefined ||
            (typeof options.text === 'string' ? span.text === options.text : options.text.test(span.text)),
        );
        return left.length === 0 ? true : undefined;
      },
      options.timeoutMs ?? this.timeoutMs,
    );
  }

  /** Counts from the status bar's problems item (it can lag an edit; prefer squiggles for "gone"). */
  async problemsCount(): Promise<ProblemCounts> {
    const item = this.page.locator(SEL.problems).first();
    const label = `${(await item.getAttribute('aria-label')) ?? ''} ${await item.innerText()}`;
    const count = (pattern: RegExp): number => Number(pattern.exec(label)?.[1] ?? 0);
    return {
      errors: count(/Errors?:\s*(\d+)/i),
      warnings: count(/Warnings?:\s*(\d+)/i),
      infos: count(/Infos?:\s*(\d+)/i),
    };
  }

  /** Waits until `problemsCount()` satisfies `predicate`; returns the counts. */
  async waitForProblems(predicate: (counts: ProblemCounts) => boolean, options: WaitOptions = {}): Promise<ProblemCounts> {
    return pollUntil(
      'problem counts',
      async () => {
        const counts = await this.problemsCount();
        return predicate(counts) ? counts : undefined;
      },
      options.timeoutMs ?? this.timeoutMs,
    );
  }

  // ---------- hovers and quick fixes ----------

  /**
   * Hovers the mouse over the character at a 1-based line/column and returns
   * the hover's text. With `contains`, waits until the hover text includes it
   * (a language server's part can arrive after the diagnostic's).
   */
  async hoverAt(line: number, column: number, options: { contains?: string; timeoutMs?: number } = {}): Promise<string> {
    await this.dismissWidgets();
    await this.moveCursor(line, column);
    const cursor = this.editor().locator('.cursors-layer .cursor').first();
    const box = await pollUntil('the cursor to be drawn', async () => (await cursor.boundingBox()) ?? undefined, this.timeoutMs);
    // The character at `column` starts where the cursor is drawn.
    const x = box.x + 4;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x - 30, y + 200);
    await this.page.mouse.move(x, y, { steps: 3 });
    const hover = this.page.locator(SEL.hover).last();
    let last = '';
    try {
      return await pollUntil(
        `a hover at ${line}:${column}${options.contains ? ` containing "${options.contains}"` : ''}`,
        async () => {
          if (!(await hover.isVisible())) return undefined;
          last = normaliseText(await hover.innerText()).trim();
          if (last === '' || /^Loading\.*$/.test(last)) return undefined;
          return options.contains === undefined || last.includes(options.contains) ? last : undefined;
        },
        options.timeoutMs ?? this.timeoutMs,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; last hover text: ${JSON.stringify(last)}`);
    }
  }

  /** Hovers over the `occurrence`-th (1-based) appearance of `text` in the rendered editor text. */
  async hoverOnText(text: string, options: { occurrence?: number; contains?: string; timeoutMs?: number } = {}): Promise<string> {
    const { line, column } = await this.locateText(text, options.occurrence ?? 1);
    return this.hoverAt(line, column, options);
  }

  /** 1-based position of the `occurrence`-th appearance of `text` in the rendered lines. */
  async locateText(text: string, occurrence = 1): Promise<{ line: number; column: number }> {
    let seen = 0;
    for (const rendered of await this.renderedLines()) {
      for (let at = rendered.text.indexOf(text); at >= 0; at = rendered.text.indexOf(text, at + 1)) {
        if (++seen === occurrence) return { line: rendered.lineNumber, column: at + 1 };
      }
    }
    throw new Error(`"${text}" (occurrence ${occurrence}) is not in the editor`);
  }

  /**
   * Opens the quick-fix menu (Ctrl+.) at a 1-based line/column and returns the
   * labels of its actions (group headers left out). With `apply`, chooses the
   * action whose label equals it (string) or matches it (RegExp) and presses
   * Enter; otherwise closes the menu.
   */
  async quickFixAt(
    line: number,
    column: number,
    options: { apply?: string | RegExp; expect?: string | RegExp; timeoutMs?: number } = {},
  ): Promise<string[]> {
    await this.dismissWidgets();
    await this.moveCursor(line, column);
    const wanted = options.expect ?? options.apply;
    const matches = (label: string): boolean =>
      wanted === undefined || (typeof wanted === 'string' ? label === wanted : wanted.test(label));
    let labels: string[] = [];
    const rows = this.page.locator(SEL.actionRow);
    // Code actions may arrive after the diagnostic: reopen the menu until the wanted one is listed.
    await pollUntil(
      `quick fixes at ${line}:${column}${wanted ? ` including ${String(wanted)}` : ''}`,
      async () => {
        if (!(await rows.first().isVisible())) {
          await this.page.keyboard.press('Control+.');
          await rows.first().waitFor({ state: 'visible', timeout: 3000 });
        }
        labels = await this.actionLabels();
        if (labels.some(matches)) return true;
        await this.page.keyboard.press('Escape');
        return undefined;
      },
      options.timeoutMs ?? this.timeoutMs,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; menu showed: ${JSON.stringify(labels)}`);
    });
    if (options.apply === undefined) {
      await this.page.keyboard.press('Escape');
      return labels;
    }
    const index = labels.findIndex(matches);
    const row = rows.nth(index);
    // The menu blocks pointer events behind a shield; walk the focus with the keyboard instead.
    const isFocused = async (): Promise<boolean> => ((await row.getAttribute('class')) ?? '').split(/\s+/).includes('focused');
    for (let step = 0; step <= labels.length * 2 && !(await isFocused()); step++) {
      await this.page.keyboard.press('ArrowDown');
    }
    if (!(await isFocused())) throw new Error(`cannot focus quick fix "${labels[index]}" in ${JSON.stringify(labels)}`);
    await this.page.keyboard.press('Enter');
    await rows.first().waitFor({ state: 'hidden' });
    return labels;
  }

  private async actionLabels(): Promise<string[]> {
    const rows = this.page.locator(SEL.actionRow);
    const labels: string[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      const title = row.locator('.title');
      const text = (await title.count()) > 0 ? await title.first().innerText() : await row.innerText();
      labels.push(normaliseText(text).trim());
    }
    return labels;
  }

  // ---------- workbench ----------

  /** Runs a command by its palette title (e.g. "View: Close All Editors"); exact title match preferred. */
  async runCommand(title: string): Promise<void> {
    await this.dismissWidgets();
    await this.page.keyboard.press('F1');
    const input = this.page.locator(SEL.quickInputBox);
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = await pollUntil(
      `command "${title}" in the palette`,
      async () => {
        const rows = this.page.locator(SEL.quickInputRow);
        const count = await rows.count();
        for (let i = 0; i < count; i++) {
          const label = normaliseText((await rows.nth(i).locator('.label-name').first().innerText().catch(() => ''))).trim();
          if (label === title) return rows.nth(i);
        }
        return undefined;
      },
      this.timeoutMs,
    );
    await row.click();
    await this.page.locator(SEL.quickInput).waitFor({ state: 'hidden' });
  }

  /** Closes open menus, hovers and quick inputs. */
  async dismissWidgets(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      const open =
        (await this.page.locator(SEL.quickInput).isVisible()) ||
        (await this.page.locator(SEL.actionRow).first().isVisible()) ||
        (await this.page.locator(SEL.hover).first().isVisible());
      if (!open) return;
      await this.page.keyboard.press('Escape');
    }
  }

  /** Reverts and closes every editor, so the next scenario starts from an empty editor area. */
  async closeAllEditors(): Promise<void> {
    for (let i = 0; i < 50 && (await this.page.locator('.tabs-container .tab').count()) > 0; i++) {
      await this.runCommand('View: Revert and Close Editor');
    }
  }

  /**
   * Sets (or with `undefined` removes) a user setting and waits until VS Code
   * has saved it. code-server does not notice outside writes to the user
   * settings.json, so the file is edited through "Preferences: Open User
   * Settings (JSON)" like a user would; the previously active editor is focused again.
   */
  async setUserSetting(key: string, value: unknown): Promise<void> {
    const file = path.join(this.userDataDir, 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (value === undefined) delete settings[key];
    else settings[key] = value;
    const text = JSON.stringify(settings, null, 2) + '\n';
    const activeTab = this.page.locator(SEL.activeTab);
    const previous = (await activeTab.count()) > 0 ? await activeTab.first().getAttribute('aria-label') : null;
    await this.runCommand('Preferences: Open User Settings (JSON)');
    await this.page.locator(`${SEL.activeTab}[aria-label^="settings.json"]`).waitFor({ state: 'visible' });
    await this.editor().waitFor({ state: 'visible' });
    await this.setEditorText(text);
    await this.saveFile();
    await pollUntil('settings.json to be saved', async () => (fs.readFileSync(file, 'utf8') === text ? true : undefined), this.timeoutMs);
    await this.runCommand('View: Close Editor');
    if (previous) {
      const tab = this.page.locator(`.tabs-container .tab[aria-label="${previous.replace(/"/g, '\\"')}"]`);
      if ((await tab.count()) > 0) {
        await tab.first().click();
        await this.focusEditor();
      }
    }
  }

  /** Absolute path of a file in the opened workspace. */
  workspacePath(...segments: string[]): string {
    return path.join(this.workspaceDir, ...segments);
  }

  // ---------- artifacts and teardown ----------

  /** Saves a PNG of the page as `<artifactsDir>/<name>.png`; returns its path. */
  async screenshot(name: string): Promise<string> {
    const file = path.join(this.artifactsDir, `${safeName(name)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /**
   * Saves what helps explain a failure into `<artifactsDir>/failures/<name>/`:
   * screenshot, code-server's logs (extension host logs and the extensions'
   * output channels under `exthost*`), its stdout, and the browser console.
   */
  async captureFailure(name: string): Promise<string> {
    const dir = path.join(this.artifactsDir, 'failures', safeName(name));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    await this.page.screenshot({ path: path.join(dir, 'screenshot.png') }).catch(() => undefined);
    const logs = path.join(this.userDataDir, 'logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, path.join(dir, 'logs'), { recursive: true });
    if (fs.existsSync(this.serverLog)) fs.copyFileSync(this.serverLog, path.join(dir, 'code-server.log'));
    fs.writeFileSync(path.join(dir, 'browser-console.log'), this.consoleLines.join('\n') + '\n');
    return dir;
  }

  /**
   * Output-channel logs written so far by extensions, e.g. the Layerwise
   * client's channel: `logs/<ts>/exthost<N>/<extension-id>/<Channel>.log` for
   * log channels, `logs/<ts>/exthost<N>/output_logging_<ts>/<n>-<Channel>.log`
   * for plain ones.
   */
  outputChannelLogs(): string[] {
    const found: string[] = [];
    const walk = (dir: string, inExtHost: boolean): void => {
      if (!fs.existsSync(dir)) return;
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full, inExtHost || /^exthost\d+$/.test(entry.name));
        else if (inExtHost && entry.name.endsWith('.log') && path.basename(dir).indexOf('exthost') !== 0) found.push(full);
      }
    };
    walk(path.join(this.userDataDir, 'logs'), false);
    return found.sort();
  }

  /** Text of the output channel named exactly `channel` ('' until it has written something). */
  outputChannelText(channel: string): string {
    const file = this.outputChannelLogs().find((log) => path.basename(log).replace(/^\d+-/, '').replace(/\.log$/, '') === channel);
    return file ? fs.readFileSync(file, 'utf8') : '';
  }

  /**
   * Leaves the page for about:blank (otherwise code-server keeps the window's
   * extension host alive), closes Chromium, stops code-server's process group
   * and deletes the temp dirs (kept when LAYERWISE_E2E_KEEP=1).
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.page.goto('about:blank', { timeout: 10_000 }).catch(() => undefined);
    await this.browser.close().catch(() => undefined);
    this.killServer('SIGTERM');
    const exited = await pollUntil('code-server to exit', async () => (this.server.exitCode !== null || this.server.signalCode !== null ? true : undefined), 5000).catch(() => false);
    if (!exited) this.killServer('SIGKILL');
    // Stragglers in the group (extension hosts, language servers) get no grace.
    this.killServer('SIGKILL');
    process.removeListener('exit', this.killOnExit);
    if (process.env.LAYERWISE_E2E_KEEP !== '1') fs.rmSync(this.tempDir, { recursive: true, force: true });
  }

  private killServer(signal: NodeJS.Signals): void {
    killGroup(this.server, signal);
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

// ---------- mocha wiring ----------

let current: { key: string; session: Promise<E2ESession> } | undefined;

/**
 * The run's one session: reused while the options are the same, replaced
 * (old one closed first) when they differ. Closed by `closeSharedSession`
 * (registered as a root hook in test/e2e/hooks.ts).
 */
export async function sharedSession(options: SessionOptions): Promise<E2ESession> {
  const key = JSON.stringify({ ...options, workspace: path.resolve(options.workspace) });
  if (current && current.key !== key) await closeSharedSession();
  if (!current) {
    const session = E2ESession.start(options);
    current = { key, session };
    session.catch(() => {
      if (current?.session === session) current = undefined;
    });
  }
  return current.session;
}

export async function closeSharedSession(): Promise<void> {
  const closing = current;
  current = undefined;
  if (closing) await (await closing.session.catch(() => undefined))?.close();
}

/**
 * Mocha wiring for a `describe` block: gets the shared session before its
 * tests, closes all editors before each test (keeps scenarios independent),
 * and captures screenshot + logs after a failed test. Read `.session` inside
 * tests.
 */
export function useE2ESession(options: SessionOptions): { readonly session: E2ESession } {
  let session: E2ESession | undefined;
  before(async function () {
    this.timeout(180_000);
    session = await sharedSession(options);
  });
  beforeEach(async function () {
    await session?.closeAllEditors();
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (session && test?.state === 'failed') {
      const dir = await session.captureFailure(test.fullTitle()).catch(() => undefined);
      if (dir) console.log(`    e2e failure capture: ${dir}`);
    }
  });
  return {
    get session(): E2ESession {
      if (!session) throw new Error('the e2e session has not started (did the before hook fail?)');
      return session;
    },
  };
}
