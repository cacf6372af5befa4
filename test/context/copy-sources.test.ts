import * as assert from 'assert';
import {
  ContextFile,
  containsWildcards,
  matchCopySource,
  matchCopySources,
  normalizeCopySource,
  splitCopySource,
  topLevelTotals,
  wildcardMayMatchBelow,
} from '../../shared-rules/context/copy-sources';

const listing: ContextFile[] = [
  { path: 'package.json', size: 100 },
  { path: 'package-lock.json', size: 2_000 },
  { path: 'tsconfig.json', size: 50 },
  { path: 'README.md', size: 10 },
  { path: 'src/index.ts', size: 300 },
  { path: 'src/lib/util.ts', size: 200 },
  { path: 'src/lib/data.json', size: 40 },
  { path: 'config/app.json', size: 7 },
  { path: 'config/dev/app.json', size: 9 },
  { path: 'jsonfiles/x.txt', size: 1 },
  { path: 'a.json.d/inner.txt', size: 5 },
  { path: 'file[1].txt', size: 3 },
  { path: 'node_modules/left-pad/index.js', size: 1_000_000 },
  { path: 'node_modules/left-pad/package.json', size: 500 },
];

const paths = (source: string): string[] => matchCopySource(source, listing).map((f) => f.path).sort();

describe('COPY source normalisation', () => {
  const cases: [string, string][] = [
    ['.', '.'],
    ['./', '.'],
    ['/', '.'],
    ['..', '.'],
    ['../../etc/passwd', 'etc/passwd'],
    ['./src/', 'src'],
    ['/src//lib/', 'src/lib'],
    ['src/../config', 'config'],
    ['package*.json', 'package*.json'],
  ];
  for (const [source, expected] of cases) {
    it(`${source} → ${expected}`, () => assert.strictEqual(normalizeCopySource(source), expected));
  }

  const splits: [string, string, string | undefined][] = [
    ['.', '.', undefined],
    ['src/lib', 'src/lib', undefined],
    ['*.json', '.', '*.json'],
    ['config/*/app.json', 'config', '*/app.json'],
    ['src/l?b/util.ts', 'src', 'l?b/util.ts'],
    ['file\\[1\\].txt', 'file\\[1\\].txt', undefined],
    ['[ab]*', '.', '[ab]*'],
  ];
  for (const [source, base, pattern] of splits) {
    it(`splits ${source} at its first wildcard segment`, () => {
      assert.deepStrictEqual(splitCopySource(source), { base, pattern });
    });
  }

  it('containsWildcards skips escaped characters', () => {
    assert.deepStrictEqual(
      ['a*', 'a?', 'a[b]', 'a\\*', 'a\\[b]', 'plain'].map(containsWildcards),
      [true, true, true, false, false, false],
    );
  });
});

describe('COPY source matching', () => {
  const cases: [string, string[]][] = [
    ['package.json', ['package.json']],
    ['package*.json', ['package-lock.json', 'package.json']],
    ['*.json', ['package-lock.json', 'package.json', 'tsconfig.json']],
    ['src', ['src/index.ts', 'src/lib/data.json', 'src/lib/util.ts']],
    ['./src/', ['src/index.ts', 'src/lib/data.json', 'src/lib/util.ts']],
    ['src/*', ['src/index.ts', 'src/lib/data.json', 'src/lib/util.ts']],
    ['src/*.ts', ['src/index.ts']],
    ['src/*/*.json', ['src/lib/data.json']],
    ['config/*/app.json', ['config/dev/app.json']],
    ['*/app.json', ['config/app.json']],
    ['json*', ['jsonfiles/x.txt']],
    ['a.json.d', ['a.json.d/inner.txt']],
    // '*.json' matches the directory a.json.d? No: the name must end in .json.
    ['*.json*', ['a.json.d/inner.txt', 'package-lock.json', 'package.json', 'tsconfig.json']],
    ['file\\[1\\].txt', []],
    ['file[[]1].txt', ['file[1].txt']],
    ['fil?\\[1\\].txt', ['file[1].txt']],
    ['missing.txt', []],
    ['missing/*', []],
    ['src/lib/util.ts/*', []],
    ['[', []],
  ];
  for (const [source, expected] of cases) {
    it(`${source}`, () => assert.deepStrictEqual(paths(source), expected));
  }

  it('"." takes everything listed', () => {
    assert.strictEqual(paths('.').length, listing.length);
  });

  it('sums bytes, counts a file once across sources, and reports unmatched sources', () => {
    const r = matchCopySources(['package*.json', 'package.json', 'src/lib', 'nope/'], listing);
    assert.deepStrictEqual(r.files.map((f) => f.path), ['package.json', 'package-lock.json', 'src/lib/util.ts', 'src/lib/data.json']);
    assert.strictEqual(r.bytes, 100 + 2_000 + 200 + 40);
    assert.deepStrictEqual(r.unmatched, ['nope/']);
  });

  it('ranks top-level entries by bytes', () => {
    assert.deepStrictEqual(topLevelTotals(listing, 3), [
      { path: 'node_modules', bytes: 1_000_500 },
      { path: 'package-lock.json', bytes: 2_000 },
      { path: 'src', bytes: 540 },
    ]);
  });
});

describe('wildcard subtree pruning', () => {
  const cases: [string, string, boolean][] = [
    ['*.json', 'node_modules', false],
    ['*/app.json', 'config', true],
    ['*/app.json', 'config/dev', false],
    ['src/*/x', 'src', true],
    ['src/*/x', 'lib', false],
    ['[ab]/x', 'zzz', true],
    ['a\\/b', 'a', true],
  ];
  for (const [pattern, dir, expected] of cases) {
    it(`${pattern} below ${dir}: ${expected}`, () => assert.strictEqual(wildcardMayMatchBelow(pattern, dir), expected));
  }
});
