// Compares the static closure with apt's own resolver on this Debian machine:
// `apt-get install -s` against a dpkg status file that holds only the baseline image's
// packages (their stanzas from the Packages index), in both recommends modes.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { estimateAptInstall, type AptTable } from '../../shared-rules/layer-cost/apt';
import { loadDebianTable } from '../../shared-rules/platform/node/debian-table';

const LINES = [
  'curl',
  'ca-certificates curl',
  'python3 python3-pip',
  'build-essential',
  'git',
  'nginx',
  'openjdk-17-jre-headless',
  'imagemagick',
  'wget',
  'gnupg',
  'postgresql-client',
  'vim',
  'unzip',
  'jq',
  'procps',
  'libpq-dev',
  'python3-dev gcc',
  'mariadb-server',
];

interface LineResult {
  line: string;
  aptCount: number;
  oursCount: number;
  aptBytes: number;
  oursBytes: number;
  samePackages: boolean;
  extra: string[];
  missing: string[];
}

const LISTS = '/var/lib/apt/lists';

function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

function listsPresent(): boolean {
  return existsSync(LISTS) && readdirSync(LISTS).some((f) => /_dists_bookworm_main_binary-amd64_Packages/.test(f));
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return r.stdout;
}

describe('apt closure accuracy against apt-get -s (bookworm)', function () {
  this.timeout(20 * 60 * 1000);
  let table: AptTable;
  let work: string;
  let aptOptions: string[];
  const results = new Map<boolean, LineResult[]>();

  before(function () {
    if (!hasCommand('apt-get') || !hasCommand('apt-cache')) {
      console.log('    (skipped: apt-get is not available on this machine)');
      this.skip();
    }
    if (!listsPresent()) {
      const r = spawnSync('apt-get', ['-q', 'update'], { encoding: 'utf8' });
      assert.ok(listsPresent(), `apt-get update did not produce the bookworm lists:\n${r.stderr}`);
    }
    table = loadDebianTable();
    work = mkdtempSync(path.join(os.tmpdir(), 'apt-accuracy-'));
    mkdirSync(path.join(work, 'cache'));
    // A private status file, cache and no locking: the simulation never touches the
    // machine's own dpkg state.
    aptOptions = [
      '-o', `Dir::State::status=${path.join(work, 'status')}`,
      '-o', `Dir::State::extended_states=${path.join(work, 'extended_states')}`,
      '-o', `Dir::Cache=${path.join(work, 'cache')}`,
      '-o', `Dir::Cache::pkgcache=${path.join(work, 'cache', 'pkgcache.bin')}`,
      '-o', `Dir::Cache::srcpkgcache=${path.join(work, 'cache', 'srcpkgcache.bin')}`,
      '-o', 'Debug::NoLocking=1',
    ];
    const stanzas = run('apt-cache', [...aptOptions, 'show', '--no-all-versions', ...table.meta.baseline.packages]);
    const status = stanzas.replace(/^(Package: .*)$/gm, '$1\nStatus: install ok installed');
    writeFileSync(path.join(work, 'status'), status);

    for (const recommends of [false, true]) {
      const rows: LineResult[] = [];
      for (const line of LINES) {
        const packages = line.split(' ');
        const out = run('apt-get', ['install', '-s', '-q', ...aptOptions, '-o', `APT::Install-Recommends=${recommends}`, ...packages]);
        const apt = new Set([...out.matchAll(/^Inst (\S+)/gm)].map((m) => m[1].replace(/:amd64$/, '')));
        const ours = estimateAptInstall(table, { packages, recommends });
        const mine = new Set(ours.installed.map((p) => p.name));
        const aptBytes = [...apt].reduce((sum, n) => sum + installedBytes(table, n, aptOptions), 0);
        const extra = [...mine].filter((n) => !apt.has(n));
        const missing = [...apt].filter((n) => !mine.has(n));
        rows.push({
          line, aptCount: apt.size, oursCount: mine.size, aptBytes, oursBytes: ours.bytes,
          samePackages: extra.length === 0 && missing.length === 0, extra, missing,
        });
      }
      results.set(recommends, rows);
    }
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const recommends of [false, true]) {
    const mode = recommends ? 'with recommends' : '--no-install-recommends';
    it(`matches apt ${mode}: same packages on >= 90% of lines, bytes within 3% on every line`, () => {
      const rows = results.get(recommends)!;
      printTable(mode, rows);
      const same = rows.filter((r) => r.samePackages).length;
      assert.ok(same / rows.length >= 0.9, `same package set on ${same}/${rows.length} lines`);
      for (const r of rows) {
        assert.ok(r.aptCount > 0, `apt installed nothing for "${r.line}"`);
        const diff = Math.abs(r.oursBytes - r.aptBytes) / r.aptBytes;
        assert.ok(diff <= 0.03, `"${r.line}": ${r.oursBytes} vs apt ${r.aptBytes} bytes (${(diff * 100).toFixed(2)}%)`);
      }
    });
  }
});

function installedBytes(table: AptTable, name: string, aptOptions: string[]): number {
  const ref = table.ref(name);
  if (ref !== undefined && ref < table.packageCount) return table.installedKiB(ref) * 1024;
  // a package the table does not have (the lists moved on since it was generated)
  const m = /^Installed-Size: (\d+)/m.exec(run('apt-cache', [...aptOptions, 'show', '--no-all-versions', name]));
  return m ? Number(m[1]) * 1024 : 0;
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(2);
}

function printTable(mode: string, rows: LineResult[]): void {
  const out = [`      ${mode}`, `      ${'line'.padEnd(26)} ${'apt'.padStart(4)} ${'ours'.padStart(4)} ${'apt MB'.padStart(8)} ${'ours MB'.padStart(8)}  diff   set`];
  for (const r of rows) {
    const diff = r.aptBytes ? ((r.oursBytes - r.aptBytes) / r.aptBytes) * 100 : 0;
    const note = r.samePackages ? 'same' : `+${r.extra.join(',')} -${r.missing.join(',')}`;
    out.push(`      ${r.line.padEnd(26)} ${String(r.aptCount).padStart(4)} ${String(r.oursCount).padStart(4)} ${mb(r.aptBytes).padStart(8)} ${mb(r.oursBytes).padStart(8)} ${diff.toFixed(2).padStart(6)}%  ${note}`);
  }
  console.log(out.join('\n'));
}
