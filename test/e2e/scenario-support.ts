// What the Layerwise scenarios need beyond the generic harness: the installed
// extension's own CLI as the oracle for "what should the editor show", the
// Problems panel read row by row, source actions, and token colours.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { E2ESession, pollUntil } from './harness';
import { probeLineTokens, probeQuickOpenLabels, TokenSpan } from './scenario-probes';

export { TokenSpan };

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One finding as `layerwise lint --format json` prints it (0-based positions). */
export interface CliFinding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: { title: string; safe: boolean }[];
}

/** One diagnostic row of the Problems panel; `line`/`column` are 1-based as shown. */
export interface ProblemRow {
  severity: string;
  message: string;
  source: string;
  code: string;
  line: number;
  column: number;
}

/**
 * Folder of the extension installed from the VSIX. The harness puts
 * `--extensions-dir` next to `--user-data-dir` in its temp folder.
 */
export function installedExtensionDir(session: E2ESession): string {
  const extensions = path.join(path.dirname(session.userDataDir), 'extensions');
  const found = fs.existsSync(extensions) ? fs.readdirSync(extensions).filter((name) => /^layerwise\.layerwise-/.test(name)) : [];
  if (found.length !== 1) throw new Error(`expected one installed Layerwise extension in ${extensions}, found ${JSON.stringify(found)}`);
  return path.join(extensions, found[0]);
}

/** Runs the CLI shipped inside the installed VSIX (the same build as its language server). */
export function installedCli(session: E2ESession, args: string[], cwd: string): string {
  const cli = path.join(installedExtensionDir(session), 'dist', 'cli.js');
  try {
    return execFileSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    // Exit status 1 means "findings at or above --fail-level": its output is still the answer.
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    if (failed.status === 1 && typeof failed.stdout === 'string') return failed.stdout;
    throw new Error(`layerwise ${args.join(' ')} failed (exit ${failed.status}): ${failed.stderr ?? String(error)}`);
  }
}

/** What the engine reports for a workspace file as it is on disk. */
export function lintOnDisk(session: E2ESession, relativePath: string): CliFinding[] {
  const file = session.workspacePath(relativePath);
  const out = installedCli(session, ['lint', path.basename(file), '--format', 'json', '--fail-level', 'none'], path.dirname(file));
  return JSON.parse(out) as CliFinding[];
}

/** Rule ids the installed build registers. */
export function installedRuleIds(session: E2ESession): string[] {
  return installedCli(session, ['rules'], session.workspaceDir)
    .split('\n')
    .map((line) => line.split(/\s+/)[0])
    .filter((id) => /^[a-z][a-z0-9-]+$/.test(id));
}

/**
 * Whether the installed server estimates layer sizes in hovers. The apt
 * estimate's wording is bundled only when the hover code uses it (esbuild
 * drops unused code), so its presence decides.
 */
export function serverHasSizeEstimates(session: E2ESession): boolean {
  // The analysis and the hovers live in the server's second bundle, loaded after the handshake.
  const core = fs.readFileSync(path.join(installedExtensionDir(session), 'dist', 'server-core.js'), 'utf8');
  return core.includes('bookworm-slim baseline');
}

/** The rows the Problems panel would show for `findings` (it never lists hints). */
export function expectedProblemRows(findings: CliFinding[]): ProblemRow[] {
  const label: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' };
  return sortRows(
    findings
      .filter((f) => f.severity !== 'hint')
      .map((f) => ({
        severity: label[f.severity],
        message: f.message,
        source: 'layerwise',
        code: f.rule,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
      })),
  );
}

export function countBySeverity(findings: CliFinding[]): { errors: number; warnings: number; infos: number } {
  const count = (severity: Severity): number => findings.filter((f) => f.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info') };
}

function sortRows(rows: ProblemRow[]): ProblemRow[] {
  const key = (r: ProblemRow): string => `${String(r.line).padStart(6, '0')}:${String(r.column).padStart(6, '0')}:${r.code}:${r.message}`;
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const MARKER_ROWS = '.markers-panel .monaco-list-row';

/**
 * Opens a workspace file through Quick Open and waits until the breadcrumbs
 * show its path. Quick Open gets the absolute path: that is looked up
 * directly, while a relative query waits for the file search (seconds on a
 * busy machine, with stale rows shown meanwhile); and several fixtures are
 * called Dockerfile, so the row is chosen by name and folder.
 */
export async function openWorkspaceFile(session: E2ESession, relativePath: string): Promise<void> {
  const page = session.page;
  const parts = relativePath.split(/[\\/]/);
  const base = parts[parts.length - 1];
  const dir = parts.slice(0, -1).join('/');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // A row's aria-label is "<name> <folder>, <section>", e.g. "Dockerfile naive, file results".
  const prefix = dir ? `${base} ${dir},` : `${base},`;
  await session.dismissWidgets();
  await page.keyboard.press('Control+P');
  await input.waitFor({ state: 'visible' });
  await input.fill(session.workspacePath(relativePath));
  let seen: string[] = [];
  await pollUntil(
    `Quick Open to list ${relativePath}`,
    async () => {
      // One snapshot in the page: rows are replaced while results arrive.
      seen = await page.evaluate(probeQuickOpenLabels);
      return seen.some((label) => label.startsWith(prefix)) ? true : undefined;
    },
    session.timeoutMs,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; rows: ${JSON.stringify(seen)}`);
  });
  const row = page.locator(`.quick-input-widget .quick-input-list .monaco-list-row[aria-label^="${prefix.replace(/"/g, '\\"')}"]`).first();
  const focused = async (): Promise<boolean> => ((await row.getAttribute('class', { timeout: 2000 })) ?? '').split(/\s+/).includes('focused');
  for (let step = 0; step < 20 && !(await focused()); step++) await page.keyboard.press('ArrowDown');
  if (!(await focused())) throw new Error(`cannot focus ${relativePath} in Quick Open: ${JSON.stringify(seen)}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  const crumbs = page.locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item');
  let shown = '';
  await pollUntil(
    `breadcrumbs to show ${relativePath}`,
    async () => {
      shown = (await crumbs.allInnerTexts()).map((t) => t.trim()).join('/');
      return shown === parts.join('/') ? true : undefined;
    },
    session.timeoutMs,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; breadcrumbs: ${JSON.stringify(shown)}`);
  });
  await session.editor().waitFor({ state: 'visible' });
  await session.focusEditor();
}

/** Shows the Problems panel, maximised so its virtual list renders every row of a small file. */
export async function openProblemsPanel(session: E2ESession): Promise<void> {
  if (!(await session.page.locator('.markers-panel').isVisible())) await session.runCommand('View: Toggle Problems');
  await session.page.locator('.markers-panel').waitFor({ state: 'visible' });
  if (!(await isPanelMaximised(session))) await session.runCommand('View: Toggle Maximized Panel');
}

export async function closeProblemsPanel(session: E2ESession): Promise<void> {
  if (await isPanelMaximised(session)) await session.runCommand('View: Toggle Maximized Panel');
  if (await session.page.locator('.markers-panel').isVisible()) await session.runCommand('View: Hide Panel');
  await session.focusEditor();
}

async function isPanelMaximised(session: E2ESession): Promise<boolean> {
  // The editor area is hidden while the panel is maximised.
  return !(await session.page.locator('.part.editor').isVisible());
}

/** Diagnostic rows of the Problems panel (file rows left out), sorted by position. */
export async function problemRows(session: E2ESession): Promise<ProblemRow[]> {
  const rows = session.page.locator(MARKER_ROWS);
  const out: ProblemRow[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    if ((await row.locator('.marker-message').count()) === 0) continue;
    const aria = (await row.getAttribute('aria-label')) ?? '';
    const text = async (selector: string): Promise<string> =>
      (await row.locator(selector).count()) > 0 ? (await row.locator(selector).first().innerText()).replace(/\u00a0/g, ' ').trim() : '';
    const where = /\[Ln (\d+), Col (\d+)\]/.exec(await text('.marker-line'));
    out.push({
      severity: /^(\w+):/.exec(aria)?.[1] ?? '?',
      message: await text('.marker-message'),
      source: await text('.marker-source'),
      code: await text('.marker-code'),
      line: Number(where?.[1] ?? 0),
      column: Number(where?.[2] ?? 0),
    });
  }
  return sortRows(out);
}

/** Waits until the Problems panel shows exactly `expected` (it can lag the squiggles). */
export async function waitForProblemRows(session: E2ESession, expected: ProblemRow[]): Promise<ProblemRow[]> {
  const want = JSON.stringify(sortRows(expected));
  let last: ProblemRow[] = [];
  try {
    return await pollUntil(
      'the Problems panel rows',
      async () => {
        last = await problemRows(session);
        return JSON.stringify(last) === want ? last : undefined;
      },
      session.timeoutMs,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}\nexpected: ${want}\nshown:    ${JSON.stringify(last)}`);
  }
}

/**
 * Runs "Source Action..." in the active editor and applies the action whose
 * title matches `label`; returns the titles the menu offered. Reopens the
 * menu until the action is listed (the server may still be linting).
 */
export async function applySourceAction(session: E2ESession, label: string | RegExp): Promise<string[]> {
  const page = session.page;
  const rows = page.locator('.action-widget .monaco-list-row.action');
  const matches = (title: string): boolean => (typeof label === 'string' ? title === label : label.test(title));
  let titles: string[] = [];
  await pollUntil(
    `source action ${String(label)}`,
    async () => {
      await session.runCommand('Source Action...');
      await rows.first().waitFor({ state: 'visible', timeout: 5000 });
      titles = [];
      for (let i = 0; i < (await rows.count()); i++) {
        titles.push((await rows.nth(i).locator('.title').first().innerText()).replace(/\u00a0/g, ' ').trim());
      }
      if (titles.some(matches)) return true;
      await page.keyboard.press('Escape');
      return undefined;
    },
    session.timeoutMs,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; menu showed: ${JSON.stringify(titles)}`);
  });
  const row = rows.nth(titles.findIndex(matches));
  const focused = async (): Promise<boolean> => ((await row.getAttribute('class')) ?? '').split(/\s+/).includes('focused');
  // The menu shields the page from the pointer: move the focus with the keyboard.
  for (let step = 0; step <= titles.length * 2 && !(await focused()); step++) await page.keyboard.press('ArrowDown');
  if (!(await focused())) throw new Error(`cannot focus source action ${String(label)} in ${JSON.stringify(titles)}`);
  await page.keyboard.press('Enter');
  await rows.first().waitFor({ state: 'hidden' });
  return titles;
}

/** Token spans (text, `mtkN` class, computed colour) of a rendered 1-based line of the active editor. */
export async function lineTokens(session: E2ESession, line: number): Promise<TokenSpan[]> {
  return session.editor().evaluate(probeLineTokens, line);
}
