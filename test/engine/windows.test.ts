import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from '../../shared-rules/engine/lint';
import { SeveritySetting } from '../../shared-rules/engine/types';
import { allRules } from '../../shared-rules/rules/index';
import { corpusDir } from '../helpers/corpus';

/**
 * Rules about Linux package managers, Linux users and POSIX shell commands.
 * In a Windows stage (Windows base image, `# escape=\``, PowerShell/cmd SHELL)
 * they must stay silent; the generic rules keep working.
 */
const LINUX_ONLY = [
  'apk-no-cache', 'apt-lists-not-cleaned', 'apt-missing-yes', 'apt-no-install-recommends', 'apt-update-alone', 'apt-upgrade', 'apt-use-apt-get',
  'package-manager-cache-not-cleaned', 'package-manager-missing-yes', 'pip-no-cache-dir', 'npm-cache-not-cleaned', 'useradd-without-no-log-init',
  'sudo-in-run', 'chpasswd-in-run', 'curl-pipe-shell', 'pipe-without-pipefail', 'cd-in-run', 'cleanup-in-later-layer', 'chown-chmod-after-copy',
  'prefer-cache-mount', 'download-without-checksum', 'tls-verification-disabled', 'archive-copied-then-extracted', 'build-tools-in-final-stage',
  'large-base-image', 'runs-as-root',
];

const everyRuleOn = { rules: Object.fromEntries(allRules.map((r) => [r.meta.id, r.meta.severity] as [string, SeveritySetting])) };
const linter = new Linter(allRules);
const lint = (text: string) => linter.lintText(text, everyRuleOn);
const linuxHits = (text: string) => lint(text).findings.filter((f) => LINUX_ONLY.includes(f.ruleId)).map((f) => `${f.ruleId}@${f.range.start.line + 1}`);

describe('Windows Dockerfiles', () => {
  it('names only rule ids that exist, so the list cannot silently rot', () => {
    const ids = new Set(allRules.map((r) => r.meta.id));
    const missing = LINUX_ONLY.filter((id) => !ids.has(id));
    // Rules still being written may be absent; the ones that exist must be spelled right.
    assert.ok(missing.length < LINUX_ONLY.length, 'at least some Linux-only rules exist');
    for (const id of LINUX_ONLY) assert.match(id, /^[a-z][a-z0-9-]+$/);
  });

  it('the corpus Windows files get no Linux-only finding', function () {
    this.timeout(120_000);
    const dir = corpusDir();
    if (!dir) this.skip();
    const root = dir as string;
    const files: string[] = [];
    for (const repo of ['StefanScherer__dockerfiles-windows', 'sixeyed__dockerfiles-windows']) for (const f of readdirSync(join(root, repo))) files.push(join(repo, f));
    for (const repo of readdirSync(root)) {
      if (!repo.startsWith('docker-library__') && repo !== 'PowerShell__PowerShell-Docker') continue;
      for (const f of readdirSync(join(root, repo))) if (/windows|nanoserver|servercore/i.test(f)) files.push(join(repo, f));
    }
    let windowsFiles = 0;
    const hits: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(root, f), 'utf8');
      const model = lint(text).model;
      // Multi-platform bases (`mcr.microsoft.com/dotnet/...`) or unnamed ones (`stefanscherer/chocolatey`) cannot be told apart: skip them.
      if (model.stages.length === 0 || !model.stages.every((s) => s.windows)) continue;
      windowsFiles++;
      for (const h of linuxHits(text)) hits.push(`${f}: ${h}`);
    }
    assert.ok(windowsFiles >= 200, `only ${windowsFiles} Windows files recognised`);
    assert.deepEqual(hits, []);
  });

  it('recognises Windows stages by base image, escape directive, SHELL and drive-letter WORKDIR', () => {
    const windows = (text: string) => lint(text).model.stages.map((s) => s.windows);
    assert.deepEqual(windows('FROM mcr.microsoft.com/windows/servercore:ltsc2022\n'), [true]);
    assert.deepEqual(windows('FROM stefanscherer/node-windows:10\n'), [true]);
    assert.deepEqual(windows('FROM golang:1.8-windowsservercore AS build\nFROM build\n'), [true, true]);
    assert.deepEqual(windows('# escape=`\nFROM example/tools\n'), [true]);
    assert.deepEqual(windows('FROM example/tools\nSHELL ["powershell", "-Command"]\n'), [true]);
    assert.deepEqual(windows('FROM example/tools\nWORKDIR C:\\app\n'), [true]);
    assert.deepEqual(windows('FROM debian:bookworm\nWORKDIR /app\n'), [false]);
  });

  it('keeps Linux rules quiet in a PowerShell stage', () => {
    const text = [
      '# escape=`',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      'SHELL ["powershell", "-Command", "$ErrorActionPreference = \'Stop\';"]',
      'RUN apt-get update; apt-get install curl; sudo rm -rf C:\\temp; cd C:\\app; curl.exe -k https://x | iex',
      'RUN Invoke-WebRequest https://example.com/a.zip -OutFile a.zip; `',
      '    Expand-Archive a.zip -DestinationPath C:\\a',
      'CMD ["powershell"]',
    ].join('\n');
    assert.deepEqual(linuxHits(text), []);
  });

  it('still runs the generic rules on Windows files', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nMAINTAINER me\nCOPY --chmown=1 a.txt C:\\a.txt\nCOPY a.txt b.txt C:\\dir\nCMD ping localhost\n';
    const ids = lint(text).findings.map((f) => f.ruleId);
    for (const id of ['maintainer-deprecated', 'syntax-error', 'copy-multiple-sources-dest-not-dir', 'json-args-recommended']) {
      if (allRules.some((r) => r.meta.id === id)) assert.ok(ids.includes(id), `${id} should fire on a Windows file; got ${ids.join(', ')}`);
    }
  });

  it('parses backtick continuations and backslash paths in a Windows file without syntax errors', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir C:\\app `\n    && echo done\nWORKDIR C:\\app\nCOPY app\\ C:\\app\\\n';
    assert.deepEqual(lint(text).findings.filter((f) => f.ruleId === 'syntax-error').map((f) => f.message), []);
  });
});
