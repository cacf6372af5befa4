import * as assert from 'assert';
import { decodeAptTable, estimateAptInstall, summarizeAptInstall, type AptEstimate, type AptTable } from '../../shared-rules/layer-cost/apt';
import { buildAptTableText, type FixturePackage } from './apt-table-fixture';

const PACKAGES: FixturePackage[] = [
  // baseline
  { name: 'libc6', kib: 12000, versions: ['2.36-9+deb12u14', '2.36-9+deb12u7'], rec: 'locales-x', flags: 'r' },
  { name: 'mawk', kib: 200, provides: ['awk'], flags: 'r' },
  { name: 'locales-x', kib: 5000 },
  // a plain chain with recommends
  { name: 'curl', kib: 500, debKib: 300, dep: 'libcurl4, libc6', rec: 'ca-certs' },
  { name: 'libcurl4', kib: 800, debKib: 400, dep: 'libssl3, libc6' },
  { name: 'libssl3', kib: 6000, debKib: 2000, dep: 'libc6' },
  { name: 'ca-certs', kib: 400, dep: 'openssl' },
  { name: 'openssl', kib: 2000, dep: 'libssl3' },
  // alternatives
  { name: 'app-alt', kib: 10, dep: 'first-choice | second-choice' },
  { name: 'first-choice', kib: 100 },
  { name: 'second-choice', kib: 50 },
  { name: 'app-alt-installed', kib: 10, dep: 'first-choice | mawk' },
  { name: 'app-broken-first', kib: 10, dep: 'broken | second-choice' },
  { name: 'broken', kib: 1000, dep: 'no-such-thing' },
  { name: 'app-unsatisfiable', kib: 10, dep: '?' },
  { name: 'app-needs-unsatisfiable', kib: 10, dep: 'app-unsatisfiable | second-choice' },
  // provides
  { name: 'exim', kib: 1500, provides: ['mta'] },
  { name: 'postfix', kib: 3000, provides: ['mta'] },
  { name: 'app-mta', kib: 10, dep: 'mta' },
  { name: 'app-awk', kib: 10, dep: 'awk' },
  { name: 'editor-real', kib: 70 },
  { name: 'big-editor', kib: 9000, provides: ['editor-real'] },
  { name: 'app-editor', kib: 10, dep: 'editor-real' },
  { name: 'yaml', kib: 30 },
  { name: 'yaml-bundle', kib: 40, provides: ['yaml'] },
  { name: 'app-yaml-new', kib: 10, dep: '!yaml' },
  { name: 'app-yaml-any', kib: 10, dep: 'yaml' },
  { name: 'sv-provider', kib: 60, provides: ['single-v'] },
  // pre-depends are resolved before depends
  { name: 'app-pre', kib: 10, pre: 'second-choice', dep: 'first-choice | second-choice' },
  // transitive recommends
  { name: 'tool', kib: 10, dep: 'libtool' },
  { name: 'libtool', kib: 20, rec: 'extra' },
  { name: 'extra', kib: 30, dep: 'extra-dep' },
  { name: 'extra-dep', kib: 40 },
  // a later choice conflicts with an earlier one (libreoffice-core vs -core-nogui)
  { name: 'office', kib: 10, dep: 'base-core, writer-core' },
  { name: 'base-core', kib: 10, dep: 'core-nogui | core' },
  { name: 'writer-core', kib: 10, dep: 'core' },
  { name: 'core', kib: 900, conflicts: 'core-nogui' },
  { name: 'core-nogui', kib: 800, dep: 'nogui-dep' },
  { name: 'nogui-dep', kib: 5 },
  // cycles
  { name: 'cyc-a', kib: 1, dep: 'cyc-b' },
  { name: 'cyc-b', kib: 2, dep: 'cyc-a' },
];

const BASELINE = ['libc6', 'mawk', 'not-in-index'];

function table(): AptTable {
  return decodeAptTable(buildAptTableText(PACKAGES, BASELINE));
}

function names(e: AptEstimate): string[] {
  return e.installed.map((p) => p.name).sort();
}

function est(t: AptTable, packages: string[], recommends = false): AptEstimate {
  return estimateAptInstall(t, { packages, recommends });
}

describe('apt table decoding', () => {
  it('decodes names, sizes, versions, meta and baseline', () => {
    const t = table();
    assert.strictEqual(t.packageCount, PACKAGES.length);
    assert.deepStrictEqual([0, 1, 2, 3].map((r) => t.name(r)), ['app-alt', 'app-alt-installed', 'app-awk', 'app-broken-first']);
    const libc = t.ref('libc6')!;
    assert.strictEqual(t.installedKiB(libc), 12000);
    assert.deepStrictEqual(t.versions(libc), ['2.36-9+deb12u14', '2.36-9+deb12u7']);
    assert.strictEqual(t.flags(libc), 'r');
    assert.deepStrictEqual(t.baseline.map((r) => t.name(r)), ['libc6', 'mawk']);
    assert.strictEqual(t.meta.release, 'testing-fixture');
    assert.strictEqual(t.meta.aptLists?.bytes, 123);
    assert.deepStrictEqual(t.providers(t.ref('mta')!).map((r) => t.name(r)), ['exim', 'postfix']);
    assert.deepStrictEqual(t.depends(t.ref('app-yaml-new')!), [[~t.ref('yaml')!]]);
    assert.deepStrictEqual(t.depends(t.ref('app-unsatisfiable')!), [[]]);
  });

  it('rejects other formats and truncated data', () => {
    assert.throws(() => decodeAptTable('{"format":"other"}\n'), /expected format/);
    assert.throws(() => decodeAptTable('not json\n'), /header is not JSON/);
    const text = buildAptTableText(PACKAGES, BASELINE);
    assert.throws(() => decodeAptTable(text.slice(0, text.length / 2)), /truncated/);
  });

  it('accepts bytes as well as text', () => {
    const t = decodeAptTable(new TextEncoder().encode(buildAptTableText(PACKAGES, BASELINE)));
    assert.strictEqual(t.installedKiB(t.ref('curl')!), 500);
  });
});

describe('apt install closure', () => {
  it('follows Depends transitively and sums Installed-Size and .deb sizes', () => {
    const e = est(table(), ['curl']);
    assert.deepStrictEqual(e.installed, [
      { name: 'libssl3', bytes: 6000 * 1024 },
      { name: 'libcurl4', bytes: 800 * 1024 },
      { name: 'curl', bytes: 500 * 1024 },
    ]);
    assert.strictEqual(e.bytes, 7300 * 1024);
    assert.strictEqual(e.debBytes, 2700 * 1024);
    assert.deepStrictEqual(e.requested, ['curl']);
    assert.deepStrictEqual(e.unknown, []);
    assert.strictEqual(e.basis, 'Debian package sizes, testing-fixture, index of 2026-11-29');
  });

  it('follows Recommends only when asked, transitively, and never for baseline packages', () => {
    const t = table();
    assert.deepStrictEqual(names(est(t, ['curl'], true)), ['ca-certs', 'curl', 'libcurl4', 'libssl3', 'openssl']);
    assert.deepStrictEqual(names(est(t, ['tool'], false)), ['libtool', 'tool']);
    assert.deepStrictEqual(names(est(t, ['tool'], true)), ['extra', 'extra-dep', 'libtool', 'tool']);
    // libc6 (baseline) recommends locales-x: apt does not act on it
    assert.ok(!names(est(t, ['curl'], true)).includes('locales-x'));
  });

  it('counts baseline packages as installed', () => {
    const t = table();
    const e = est(t, ['libc6', 'mawk']);
    assert.deepStrictEqual(e.installed, []);
    assert.strictEqual(e.bytes, 0);
    assert.deepStrictEqual(e.requested, ['libc6', 'mawk']);
  });

  it('takes the first alternative, unless one is already installed or marked', () => {
    const t = table();
    assert.deepStrictEqual(names(est(t, ['app-alt'])), ['app-alt', 'first-choice']);
    assert.deepStrictEqual(names(est(t, ['app-alt-installed'])), ['app-alt-installed']);
    // second-choice is marked (requested) before app-alt's dependencies are resolved
    assert.deepStrictEqual(names(est(t, ['app-alt', 'second-choice'])), ['app-alt', 'second-choice']);
  });

  it('skips alternatives that cannot be installed', () => {
    const t = table();
    assert.deepStrictEqual(names(est(t, ['app-broken-first'])), ['app-broken-first', 'second-choice']);
    assert.deepStrictEqual(names(est(t, ['app-needs-unsatisfiable'])), ['app-needs-unsatisfiable', 'second-choice']);
    // what the user asks for is marked even if apt would then fail on it
    assert.deepStrictEqual(names(est(t, ['app-unsatisfiable'])), ['app-unsatisfiable']);
  });

  it('resolves virtual names through providers in the table order, real packages first', () => {
    const t = table();
    assert.deepStrictEqual(names(est(t, ['app-mta'])), ['app-mta', 'exim']);
    assert.deepStrictEqual(names(est(t, ['postfix', 'app-mta'])), ['app-mta', 'postfix']);
    assert.deepStrictEqual(names(est(t, ['app-awk'])), ['app-awk']);
    assert.deepStrictEqual(names(est(t, ['app-editor'])), ['app-editor', 'editor-real']);
  });

  it('does not let a Provides meet a relation marked for the real package only', () => {
    const t = table();
    assert.deepStrictEqual(names(est(t, ['yaml-bundle', 'app-yaml-any'])), ['app-yaml-any', 'yaml-bundle']);
    assert.deepStrictEqual(names(est(t, ['yaml-bundle', 'app-yaml-new'])), ['app-yaml-new', 'yaml', 'yaml-bundle']);
  });

  it('resolves Pre-Depends before Depends', () => {
    assert.deepStrictEqual(names(est(table(), ['app-pre'])), ['app-pre', 'second-choice']);
  });

  it('drops an earlier new package that a later one conflicts with, keeping what it pulled in', () => {
    assert.deepStrictEqual(names(est(table(), ['office'])), ['base-core', 'core', 'nogui-dep', 'office', 'writer-core']);
  });

  it('terminates on dependency cycles', () => {
    assert.deepStrictEqual(names(est(table(), ['cyc-a'])), ['cyc-a', 'cyc-b']);
  });

  it('reports what it cannot place', () => {
    const t = table();
    const e = est(t, ['curl', 'nosuch', '$PKG', '${EXTRA_PACKAGES}', 'lib*', 'mta', '`cat list`']);
    assert.deepStrictEqual(e.unknown, ['nosuch', '$PKG', '${EXTRA_PACKAGES}', 'lib*', 'mta', '`cat list`']);
    assert.deepStrictEqual(e.requested, ['curl']);
    assert.strictEqual(e.bytes, 7300 * 1024);
  });

  it('reads pkg=version, pkg/release, pkg:arch and single-provider virtual names', () => {
    const t = table();
    const ok = est(t, ['curl=1.0', 'libc6=2.36-9+deb12u7', 'first-choice/bookworm-backports', 'second-choice:amd64', 'single-v']);
    assert.deepStrictEqual(ok.unknown, []);
    assert.deepStrictEqual(ok.requested, ['curl', 'libc6', 'first-choice', 'second-choice', 'sv-provider']);
    assert.deepStrictEqual(names(ok), ['curl', 'first-choice', 'libcurl4', 'libssl3', 'second-choice', 'sv-provider']);
    assert.deepStrictEqual(est(t, ['libc6=2.36*']).unknown, []);

    const bad = est(t, ['curl=9.9-1']);
    assert.deepStrictEqual(bad.unknown, ['curl=9.9-1']);
    // still estimated at the version the index has
    assert.strictEqual(bad.bytes, 7300 * 1024);
  });

  it('ignores options and removals (pkg-)', () => {
    const e = est(table(), ['-y', '--no-install-recommends', 'curl', 'openssl-']);
    assert.deepStrictEqual(e.requested, ['curl']);
    assert.deepStrictEqual(e.unknown, []);
  });

  it('handles a requested package reached first as a dependency of an earlier one', () => {
    const t = table();
    const e = est(t, ['curl', 'libcurl4'], true);
    assert.deepStrictEqual(e.requested, ['curl', 'libcurl4']);
    assert.deepStrictEqual(names(e), ['ca-certs', 'curl', 'libcurl4', 'libssl3', 'openssl']);
  });

  it('returns independent copies of memoized results', () => {
    const t = table();
    const a = est(t, ['curl']);
    a.installed.pop();
    a.unknown.push('x');
    const b = est(t, ['curl']);
    assert.strictEqual(b.installed.length, 3);
    assert.deepStrictEqual(b.unknown, []);
  });
});

describe('summarizeAptInstall', () => {
  it('gives the estimate\'s totals, package count and largest packages without the full list', () => {
    const t = table();
    for (const [packages, recommends] of [[['curl'], true], [['curl'], false], [['app-mta', 'app-alt'], true], [['no-such-package'], false]] as [string[], boolean][]) {
      const full = est(t, packages, recommends);
      const summary = summarizeAptInstall(t, { packages, recommends }, 2);
      assert.strictEqual(summary.bytes, full.bytes);
      assert.strictEqual(summary.debBytes, full.debBytes);
      assert.strictEqual(summary.packageCount, full.installed.length);
      assert.deepStrictEqual(summary.top, full.installed.slice(0, 2));
      assert.deepStrictEqual(summary.unknown, full.unknown);
    }
  });

  it('returns fresh objects: changing one leaves the memo intact', () => {
    const t = table();
    const first = summarizeAptInstall(t, { packages: ['curl'], recommends: true }, 8);
    first.top.length = 0;
    first.unknown.push('x');
    const again = summarizeAptInstall(t, { packages: ['curl'], recommends: true }, 8);
    assert.strictEqual(again.top.length, Math.min(8, est(t, ['curl'], true).installed.length));
    assert.deepStrictEqual(again.unknown, []);
  });
});

describe('apt estimates while a name is being typed', () => {
  it('an unknown name adds nothing and is listed as unknown; the rest is the same estimate', () => {
    const t = table();
    for (const recommends of [true, false]) {
      const known = est(t, ['curl', 'app-mta'], recommends);
      const typing = est(t, ['curl', 'app-mtax', 'app-mta'], recommends);
      assert.deepStrictEqual(typing.installed, known.installed);
      assert.strictEqual(typing.bytes, known.bytes);
      assert.deepStrictEqual(typing.requested, known.requested);
      assert.deepStrictEqual(typing.unknown, ['app-mtax']);
      assert.deepStrictEqual(known.unknown, []);
    }
  });
});
