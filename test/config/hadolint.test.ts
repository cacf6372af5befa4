import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hadolintConfigFromText } from '../../shared-rules/config/hadolint';
import { mergeConfig } from '../../shared-rules/config/merge';
import { parseYamlSubset } from '../../shared-rules/config/yaml-subset';
import { Linter } from '../../shared-rules/engine/lint';
import { findHadolintConfig } from '../../shared-rules/platform/node/config-files';
import { allRules } from '../../shared-rules/rules/index';
import { run } from '../../server/cli/main';
import { FileConfigCache } from '../../server/file-config';

const byCode = new Map<string, string[]>([
  ['DL3015', ['apt-no-install-recommends']],
  ['DL3059', ['merge-consecutive-runs']],
  ['DL3006', ['pin-base-image-tag']],
  ['DL3007', ['pin-base-image-tag']],
  ['DL3030', ['package-manager-missing-yes']],
]);

describe('YAML subset', () => {
  it('reads block maps, block lists (indented or not), flow lists, quotes and comments', () => {
    const text = [
      '---',
      '# hadolint settings',
      'failure-threshold: warning   # inline comment',
      'ignored:',
      '- DL3000',
      '  # a comment between items',
      '- "DL3059"',
      'override:',
      '  error:',
      '    - DL3015',
      '  style: [DL3006, \'DL3007\', "x, y"]',
      'trustedRegistries:',
      '  - docker.io',
      "  - 'my-company.com:5000'",
      '  - "*.gcr.io"',
      'label-schema:',
      '  author: text',
      '  url: "http://x#not-a-comment"',
      'empty:',
      'list-of-maps:',
      '  - name: a',
      '    value: 1',
      '  - name: b',
    ].join('\n');
    const { value, errors } = parseYamlSubset(text);
    assert.deepEqual(errors, []);
    assert.deepEqual(value, {
      'failure-threshold': 'warning',
      ignored: ['DL3000', 'DL3059'],
      override: { error: ['DL3015'], style: ['DL3006', 'DL3007', 'x, y'] },
      trustedRegistries: ['docker.io', 'my-company.com:5000', '*.gcr.io'],
      'label-schema': { author: 'text', url: 'http://x#not-a-comment' },
      empty: null,
      'list-of-maps': [{ name: 'a', value: '1' }, { name: 'b' }],
    });
  });

  it('reports what it cannot read with the line, and never throws', () => {
    const { value, errors } = parseYamlSubset('ignored:\n  - DL3000\n    - nested wrongly\nthis is not yaml\n');
    assert.deepEqual(value, { ignored: ['DL3000'] });
    assert.deepEqual(errors.map((e) => e.line), [2, 3]);
    assert.deepEqual(parseYamlSubset('').value, null);
    assert.deepEqual(parseYamlSubset('# only a comment\n').value, null);
    assert.deepEqual(parseYamlSubset('ignored: []\n').value, { ignored: [] });
  });
});

describe('.hadolint.yaml mapping', () => {
  it('maps ignored, override, trustedRegistries and failure-threshold', () => {
    const r = hadolintConfigFromText('ignored: [DL3059, SC2086]\noverride:\n  error: [DL3015]\n  style: [DL3006]\ntrustedRegistries: [docker.io, ghcr.io]\nfailure-threshold: style\n', byCode);
    assert.deepEqual(r.config, { rules: { 'apt-no-install-recommends': 'error', 'pin-base-image-tag': 'hint', 'merge-consecutive-runs': 'off' }, options: { trustedRegistries: ['docker.io', 'ghcr.io'] } });
    assert.equal(r.failureThreshold, 'hint');
    assert.deepEqual(r.unmapped, ['SC2086']);
    assert.deepEqual(r.warnings, []);
  });

  it('ignored wins over override, as in hadolint; codes are case-insensitive', () => {
    const r = hadolintConfigFromText('override:\n  warning: [dl3015]\nignored: [DL3015]\n', byCode);
    assert.deepEqual(r.config.rules, { 'apt-no-install-recommends': 'off' });
  });

  it('warns about shapes it cannot use and keeps the rest', () => {
    const r = hadolintConfigFromText('override:\n  fatal: [DL3015]\n  info: [DL3059]\nignored:\n  a: b\nfailure-threshold: loud\n', byCode);
    assert.deepEqual(r.config.rules, { 'merge-consecutive-runs': 'info' });
    assert.equal(r.failureThreshold, undefined);
    assert.equal(r.warnings.length, 3);
  });

  it('uses the real equivalence index: every DL code of the catalog rules maps', () => {
    const linter = new Linter(allRules);
    const codes = [...linter.equivalences.hadolint.keys()];
    assert.ok(codes.length > 5);
    const r = hadolintConfigFromText(`ignored: [${codes.join(', ')}]\n`, linter.equivalences.hadolint);
    const off = Object.keys(r.config.rules ?? {}).sort();
    const expected = [...new Set(codes.flatMap((c) => linter.equivalences.hadolint.get(c) ?? []))].sort();
    assert.deepEqual(off, expected);
    assert.deepEqual(r.unmapped, []);
  });
});

describe('mergeConfig', () => {
  it('later layers win per rule and per option; undefined layers are skipped', () => {
    const file = { rules: { a: 'off' as const, b: 'error' as const }, options: { trustedRegistries: ['x.io'] } };
    const settings = { rules: { b: 'info' as const, c: 'warning' as const } };
    assert.deepEqual(mergeConfig(undefined, file, settings), { rules: { a: 'off', b: 'info', c: 'warning' }, options: { trustedRegistries: ['x.io'] } });
    assert.deepEqual(mergeConfig(), {});
    assert.deepEqual(mergeConfig({ options: { trustedRegistries: ['a'] } }, { options: { trustedRegistries: ['b'] } }), { options: { trustedRegistries: ['b'] } });
  });
});

describe('config file discovery and use', () => {
  let root: string;
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
  };
  const BAD = 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n';

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'layerwise-config-'));
    mkdirSync(join(root, 'proj', 'svc', 'deep'), { recursive: true });
    mkdirSync(join(root, 'other'), { recursive: true });
    writeFileSync(join(root, 'proj', '.hadolint.yaml'), 'ignored:\n  - DL3015\nfailure-threshold: error\n');
    writeFileSync(join(root, 'proj', 'svc', 'deep', 'Dockerfile'), BAD);
    writeFileSync(join(root, 'other', 'Dockerfile'), BAD);
    writeFileSync(join(root, 'strict.yml'), 'override:\n  error: [DL3015]\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('finds the nearest file upwards, stops at the workspace folder, falls back to the user file', () => {
    const none = { userConfig: false };
    assert.equal(findHadolintConfig(join(root, 'proj', 'svc', 'deep'), none), join(root, 'proj', '.hadolint.yaml'));
    assert.equal(findHadolintConfig(join(root, 'proj', 'svc', 'deep'), { ...none, stopAt: join(root, 'proj', 'svc') }), undefined);
    assert.equal(findHadolintConfig(join(root, 'other'), { stopAt: root, env: { XDG_CONFIG_HOME: join(root, 'xdg') }, home: join(root, 'home') }), undefined);
    mkdirSync(join(root, 'xdg'), { recursive: true });
    writeFileSync(join(root, 'xdg', 'hadolint.yaml'), 'ignored: [DL3059]\n');
    assert.equal(findHadolintConfig(join(root, 'other'), { stopAt: root, env: { XDG_CONFIG_HOME: join(root, 'xdg') }, home: join(root, 'home') }), join(root, 'xdg', 'hadolint.yaml'));
    writeFileSync(join(root, 'other', '.hadolint.yml'), 'ignored: []\n');
    assert.equal(findHadolintConfig(join(root, 'other'), none), join(root, 'other', '.hadolint.yml'));
    rmSync(join(root, 'other', '.hadolint.yml'));
  });

  it('CLI: the discovered file turns the rule off and sets the failure threshold', async () => {
    const a = io();
    const code = await run(['lint', join(root, 'proj', 'svc', 'deep', 'Dockerfile'), '--format', 'json'], a.io);
    const found = JSON.parse(a.out.join('\n')) as { rule: string; severity: string }[];
    assert.ok(!found.some((f) => f.rule === 'apt-no-install-recommends'), found.map((f) => f.rule).join(','));
    assert.ok(found.some((f) => f.severity === 'warning'), 'other warnings remain');
    assert.ok(!found.some((f) => f.severity === 'error'));
    assert.equal(code, 0, 'failure-threshold: error ignores warnings');
    const b = io();
    assert.equal(await run(['lint', join(root, 'other', 'Dockerfile'), '--format', 'json'], b.io), 1, 'no config file: warnings fail');
  });

  it('CLI: one run over files in several folders gives each file its own folder\'s file', async () => {
    const a = io();
    // Order matters for a per-run lookup cache: the folder with a config file first, then one without, then the first again.
    const files = [join(root, 'proj', 'svc', 'deep', 'Dockerfile'), join(root, 'other', 'Dockerfile'), join(root, 'proj', 'svc', 'deep', 'Dockerfile')];
    await run(['lint', ...files, '--format', 'json'], a.io);
    const found = JSON.parse(a.out.join('\n')) as { file: string; rule: string }[];
    const flagged = (file: string) => found.filter((f) => f.file === file && f.rule === 'apt-no-install-recommends').length;
    assert.equal(flagged(files[0]), 0, 'proj/.hadolint.yaml ignores DL3015');
    assert.ok(flagged(files[1]) > 0, 'other/ has no configuration file');
  });

  it('CLI: --rule beats the file, --config replaces discovery, --fail-level beats failure-threshold', async () => {
    const dockerfile = join(root, 'proj', 'svc', 'deep', 'Dockerfile');
    const a = io();
    await run(['lint', dockerfile, '--format', 'json', '--rule', 'apt-no-install-recommends=info'], a.io);
    assert.deepEqual((JSON.parse(a.out.join('\n')) as { rule: string; severity: string }[]).filter((f) => f.rule === 'apt-no-install-recommends').map((f) => f.severity), ['info']);
    const b = io();
    const code = await run(['lint', dockerfile, '--format', 'json', '--config', join(root, 'strict.yml'), '--fail-level', 'error'], b.io);
    assert.deepEqual((JSON.parse(b.out.join('\n')) as { rule: string; severity: string }[]).filter((f) => f.rule === 'apt-no-install-recommends').map((f) => f.severity), ['error']);
    assert.equal(code, 1);
    const c = io();
    assert.equal(await run(['lint', dockerfile, '--config', join(root, 'missing.yaml')], c.io), 2);
    assert.match(c.err.join('\n'), /missing\.yaml: no such file/);
  });

  it('server: the config layer of a document folder is cached until cleared', () => {
    const warnings: string[] = [];
    const cache = new FileConfigCache(new Linter(allRules), (m) => warnings.push(m));
    cache.setWorkspaceFolders([pathToFileURL(join(root, 'proj')).toString()]);
    const uri = pathToFileURL(join(root, 'proj', 'svc', 'deep', 'Dockerfile')).toString();
    assert.deepEqual(cache.get(uri)?.rules, { 'apt-no-install-recommends': 'off' });
    writeFileSync(join(root, 'proj', '.hadolint.yaml'), 'override:\n  info: [DL3015]\n  bogus: [x]\n');
    assert.deepEqual(cache.get(uri)?.rules, { 'apt-no-install-recommends': 'off' }, 'cached');
    cache.clear();
    assert.deepEqual(cache.get(uri)?.rules, { 'apt-no-install-recommends': 'info' });
    assert.equal(warnings.length, 1);
    assert.equal(cache.get('untitled:Untitled-1'), undefined);
    writeFileSync(join(root, 'proj', '.hadolint.yaml'), 'ignored:\n  - DL3015\nfailure-threshold: error\n');
  });
});
