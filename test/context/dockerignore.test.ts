import * as assert from 'assert';
import {
  DockerignoreMatcher,
  ignoreFileCandidates,
  isExcludedByDockerignore,
  pickIgnoreFile,
  readIgnoreLines,
} from '../../shared-rules/context/dockerignore';
import { goRegexpFor } from '../../shared-rules/context/ignore-pattern';

const matcher = (...patterns: string[]): DockerignoreMatcher =>
  DockerignoreMatcher.fromText(patterns.join('\n'));

describe('dockerignore reader (ignorefile.ReadAll)', () => {
  it('reads the upstream ignorefile test content', () => {
    // moby/patternmatcher ignorefile/ignorefile_test.go TestReadAll
    const content = 'test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! ';
    assert.deepStrictEqual(
      readIgnoreLines(content).map((l) => l.pattern),
      ['test1', 'test2', 'a/file/here', 'lastfile', '!inverted/abs/path', '!', '!'],
    );
  });

  const cases: [string, string, string[]][] = [
    ['comment only in column 1', '# c\n  # not a comment\n', ['# not a comment']],
    ['CRLF line ends', 'a\r\nb\r\n', ['a', 'b']],
    ['BOM on the first line', '\uFEFFnode_modules\n', ['node_modules']],
    ['leading ./ and trailing /', './build/\n', ['build']],
    ['leading / stripped, lone / kept', '/dist\n/\n', ['dist', '/']],
    ['filepath.Clean of .. and //', 'a//b/../c\n../x\n', ['a/c', '../x']],
    ['whitespace around ! and pattern', '  !  /keep/me  \n', ['!keep/me']],
    ['tabs trimmed, inner spaces kept', '\tmy file.txt \t\n', ['my file.txt']],
    ['no final newline', 'a\nb', ['a', 'b']],
    ['. as a pattern', '.\n', ['.']],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepStrictEqual(readIgnoreLines(text).map((l) => l.pattern), expected));
  }

  it('keeps 1-based line numbers', () => {
    assert.deepStrictEqual(readIgnoreLines('\n# x\nfoo\n\nbar\n').map((l) => l.line), [3, 5]);
  });
});

// moby/patternmatcher patternmatcher_test.go TestCompile (slash variant).
describe('pattern compilation (Pattern.compile)', () => {
  const compileTests: [string, string, string][] = [
    ['*', 'regexp', '^[^/]*$'],
    ['file*', 'regexp', '^file[^/]*$'],
    ['*file', 'regexp', '^[^/]*file$'],
    ['a*/b', 'regexp', '^a[^/]*/b$'],
    ['**', 'suffix', ''],
    ['**/**', 'regexp', '^(.*/)?.*$'],
    ['dir/**', 'prefix', ''],
    ['**/dir', 'suffix', ''],
    ['**/dir2/*', 'regexp', '^(.*/)?dir2/[^/]*$'],
    ['**/dir2/**', 'regexp', '^(.*/)?dir2/.*$'],
    ['**file', 'suffix', ''],
    ['**/file*txt', 'regexp', '^(.*/)?file[^/]*txt$'],
    ['**/**/*.txt', 'regexp', '^(.*/)?(.*/)?[^/]*\\.txt$'],
    ['a[b-d]e', 'regexp', '^a[b-d]e$'],
    ['.*', 'regexp', '^\\.[^/]*$'],
    ['abc.def', 'exact', ''],
    ['abc?def', 'regexp', '^abc[^/]def$'],
    ['**/foo/bar', 'suffix', ''],
    ['a(b)c/def', 'exact', ''],
    ['a.|)$(}+{bc', 'exact', ''],
    ['dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'exact', ''],
  ];
  for (const [pattern, kind, re] of compileTests) {
    it(`${pattern} → ${kind} ${re}`, () => {
      assert.deepStrictEqual(goRegexpFor(pattern), { kind, goRegexp: re });
    });
  }
});

type Pass = 'fail' | 'exact' | 'inexact';

// moby/patternmatcher patternmatcher_test.go TestMatches (non-Windows).
const matchTable: [string, string, Pass][] = [
  ['**', 'file', 'exact'],
  ['**', 'file/', 'exact'],
  ['**/', 'file', 'exact'],
  ['**/', 'file/', 'exact'],
  ['**', '/', 'exact'],
  ['**/', '/', 'exact'],
  ['**', 'dir/file', 'exact'],
  ['**/', 'dir/file', 'exact'],
  ['**', 'dir/file/', 'exact'],
  ['**/', 'dir/file/', 'exact'],
  ['**/**', 'dir/file', 'exact'],
  ['**/**', 'dir/file/', 'exact'],
  ['dir/**', 'dir/file', 'exact'],
  ['dir/**', 'dir/file/', 'exact'],
  ['dir/**', 'dir/dir2/file', 'exact'],
  ['dir/**', 'dir/dir2/file/', 'exact'],
  ['**/dir', 'dir', 'exact'],
  ['**/dir', 'dir/file', 'inexact'],
  ['**/dir2/*', 'dir/dir2/file', 'exact'],
  ['**/dir2/*', 'dir/dir2/file/', 'inexact'],
  ['**/dir2/**', 'dir/dir2/dir3/file', 'exact'],
  ['**/dir2/**', 'dir/dir2/dir3/file/', 'exact'],
  ['**file', 'file', 'exact'],
  ['**file', 'dir/file', 'exact'],
  ['**/file', 'dir/file', 'exact'],
  ['**file', 'dir/dir/file', 'exact'],
  ['**/file', 'dir/dir/file', 'exact'],
  ['**/file*', 'dir/dir/file', 'exact'],
  ['**/file*', 'dir/dir/file.txt', 'exact'],
  ['**/file*txt', 'dir/dir/file.txt', 'exact'],
  ['**/file*.txt', 'dir/dir/file.txt', 'exact'],
  ['**/file*.txt*', 'dir/dir/file.txt', 'exact'],
  ['**/**/*.txt', 'dir/dir/file.txt', 'exact'],
  ['**/**/*.txt2', 'dir/dir/file.txt', 'fail'],
  ['**/*.txt', 'file.txt', 'exact'],
  ['**/**/*.txt', 'file.txt', 'exact'],
  ['a**/*.txt', 'a/file.txt', 'exact'],
  ['a**/*.txt', 'a/dir/file.txt', 'exact'],
  ['a**/*.txt', 'a/dir/dir/file.txt', 'exact'],
  ['a/*.txt', 'a/dir/file.txt', 'fail'],
  ['a/*.txt', 'a/file.txt', 'exact'],
  ['a/*.txt**', 'a/file.txt', 'exact'],
  ['a[b-d]e', 'ae', 'fail'],
  ['a[b-d]e', 'ace', 'exact'],
  ['a[b-d]e', 'aae', 'fail'],
  ['a[^b-d]e', 'aze', 'exact'],
  ['.*', '.foo', 'exact'],
  ['.*', 'foo', 'fail'],
  ['abc.def', 'abcdef', 'fail'],
  ['abc.def', 'abc.def', 'exact'],
  ['abc.def', 'abcZdef', 'fail'],
  ['abc?def', 'abcZdef', 'exact'],
  ['abc?def', 'abcdef', 'fail'],
  ['**/foo/bar', 'foo/bar', 'exact'],
  ['**/foo/bar', 'dir/foo/bar', 'exact'],
  ['**/foo/bar', 'dir/dir2/foo/bar', 'exact'],
  ['abc/**', 'abc', 'fail'],
  ['abc/**', 'abc/def', 'exact'],
  ['abc/**', 'abc/def/ghi', 'exact'],
  ['**/.foo', '.foo', 'exact'],
  ['**/.foo', 'bar.foo', 'fail'],
  ['a(b)c/def', 'a(b)c/def', 'exact'],
  ['a(b)c/def', 'a(b)c/xyz', 'fail'],
  ['a.|)$(}+{bc', 'a.|)$(}+{bc', 'exact'],
  ['dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'exact'],
  ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'exact'],
  ['a\\\\', 'a\\', 'exact'],
  ['a\\*b', 'a*b', 'exact'],
];

const multiPatternTable: [string[], string, Pass][] = [
  [['**', '!util/docker/web'], 'util/docker/web/foo', 'fail'],
  [['**', '!util/docker/web', 'util/docker/web/foo'], 'util/docker/web/foo', 'exact'],
  [['**', '!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'fail'],
  [['**', '!dist/*.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'fail'],
];

describe('patternmatcher TestMatches table', () => {
  for (const [pattern, text, pass] of matchTable) {
    it(`${pattern} vs ${text}: ${pass}`, () => {
      const m = matcher(pattern);
      assert.deepStrictEqual(m.problems, []);
      assert.strictEqual(m.matchesExact(text), pass === 'exact', 'MatchesExact');
      assert.strictEqual(m.matchesOrParentMatches(text), pass !== 'fail', 'MatchesOrParentMatches');
      // The sender's walk (parent results down the tree); "/" is no context path.
      if (!text.startsWith('/')) assert.strictEqual(m.isExcluded(text), pass !== 'fail', 'isExcluded');
    });
  }
  for (const [patterns, text, pass] of multiPatternTable) {
    it(`${patterns.join(' ; ')} vs ${text}: ${pass}`, () => {
      const m = matcher(...patterns);
      assert.strictEqual(m.matchesOrParentMatches(text), pass !== 'fail', 'MatchesOrParentMatches');
      assert.strictEqual(m.isExcluded(text), pass !== 'fail', 'isExcluded');
    });
  }
});

// patternmatcher's copy of Go's filepath.Match tests, run through Matches().
describe('patternmatcher TestMatch (filepath.Match) table', () => {
  const table: [string, string, boolean, boolean][] = [
    // pattern, path, match, bad pattern
    ['abc', 'abc', true, false],
    ['*', 'abc', true, false],
    ['*c', 'abc', true, false],
    ['a*', 'a', true, false],
    ['a*', 'abc', true, false],
    ['a*', 'ab/c', true, false],
    ['a*/b', 'abc/b', true, false],
    ['a*/b', 'a/c/b', false, false],
    ['a*b*c*d*e*/f', 'axbxcxdxe/f', true, false],
    ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true, false],
    ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false, false],
    ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false, false],
    ['a*b?c*x', 'abxbbxdbxebxczzx', true, false],
    ['a*b?c*x', 'abxbbxdbxebxczzy', false, false],
    ['ab[c]', 'abc', true, false],
    ['ab[b-d]', 'abc', true, false],
    ['ab[e-g]', 'abc', false, false],
    ['ab[^c]', 'abc', false, false],
    ['ab[^b-d]', 'abc', false, false],
    ['ab[^e-g]', 'abc', true, false],
    ['a\\*b', 'a*b', true, false],
    ['a\\*b', 'ab', false, false],
    ['a?b', 'a☺b', true, false],
    ['a[^a]b', 'a☺b', true, false],
    ['a???b', 'a☺b', false, false],
    ['a[^a][^a][^a]b', 'a☺b', false, false],
    ['[a-ζ]*', 'α', true, false],
    ['*[a-ζ]', 'A', false, false],
    ['a?b', 'a/b', false, false],
    ['a*b', 'a/b', false, false],
    ['[\\]a]', ']', true, false],
    ['[\\-]', '-', true, false],
    ['[x\\-]', 'x', true, false],
    ['[x\\-]', '-', true, false],
    ['[x\\-]', 'z', false, false],
    ['[\\-x]', 'x', true, false],
    ['[\\-x]', '-', true, false],
    ['[\\-x]', 'a', false, false],
    ['[]a]', ']', false, true],
    ['[-]', '-', false, true],
    ['[x-]', 'x', false, true],
    ['[x-]', '-', false, true],
    ['[x-]', 'z', false, true],
    ['[-x]', 'x', false, true],
    ['[-x]', '-', false, true],
    ['[-x]', 'a', false, true],
    ['\\', 'a', false, true],
    ['[a-b-c]', 'a', false, true],
    ['[', 'a', false, true],
    ['[^', 'a', false, true],
    ['[^bc', 'a', false, true],
    ['a[', 'a', false, true],
    ['a[', 'ab', false, true],
    ['*x', 'xxx', true, false],
  ];
  for (const [pattern, path, match, bad] of table) {
    it(`${pattern} vs ${path}`, () => {
      const m = matcher(pattern);
      assert.strictEqual(m.problems.length, bad ? 1 : 0, 'problem reported');
      assert.strictEqual(m.matchesOrParentMatches(path), match);
    });
  }
  it('a lone "!" is an illegal exclusion pattern', () => {
    const m = matcher('!', 'foo');
    assert.deepStrictEqual(m.problems.map((p) => [p.line, p.message]), [[1, 'illegal exclusion pattern: "!"']]);
    assert.strictEqual(m.isExcluded('foo'), true);
  });
  it('a class Go accepts in filepath.Match but its regexp rejects is reported (moby#52203)', () => {
    const m = matcher('[Local-Only]/');
    assert.strictEqual(m.problems.length, 1);
    assert.strictEqual(m.isExcluded('x'), false);
  });
  it('the deprecated single-pattern cases', () => {
    assert.strictEqual(matcher('*').isExcluded('fileutils.go'), true);
    assert.strictEqual(matcher('*.go').isExcluded('fileutils.go'), true);
    assert.strictEqual(matcher('!fileutils.go', '*.go').isExcluded('fileutils.go'), true);
    assert.strictEqual(matcher('docs', '!docs/README.md').isExcluded('docs/README.md'), false);
    assert.strictEqual(matcher('docs/', '!docs/README.md').isExcluded('docs/README.md'), false);
    assert.strictEqual(matcher('docs/*', '!docs/README.md').isExcluded('docs/README.md'), false);
    assert.strictEqual(matcher('*.go', '!fileutils.go').isExcluded('fileutils.go'), false);
    assert.strictEqual(matcher('*.go').isExcluded('.'), false);
    assert.strictEqual(matcher().isExcluded('any/path/there'), false);
  });
});

describe('dockerignore semantics (BuildKit tests and Docker docs)', () => {
  it('BuildKit testDockerignore: ba*, Dockerfile, !bay, .dockerignore', () => {
    const m = DockerignoreMatcher.fromText('ba*\nDockerfile\n!bay\n.dockerignore\n');
    const got = ['foo', 'bar', 'baz', 'bay', 'Dockerfile', '.dockerignore'].filter((f) => !m.isExcluded(f));
    assert.deepStrictEqual(got, ['foo', 'bay']);
  });

  const text = '# comment\n*/temp*\n*/*/temp*\ntemp?\n';
  const docCases: [string, boolean][] = [
    ['somedir/temporary.txt', true],
    ['somedir/temp', true],
    ['somedir/subdir/temporary.txt', true],
    ['tempa', true],
    ['tempb', true],
    ['temp', false],
    ['temporary.txt', false],
    ['a/b/c/temp.txt', false],
    ['# comment', false],
  ];
  for (const [path, excluded] of docCases) {
    it(`docs example: ${path} → ${excluded ? 'excluded' : 'kept'}`, () => {
      assert.strictEqual(isExcludedByDockerignore(text, path), excluded);
    });
  }

  const table: [string, string, boolean][] = [
    // [ignore file, path, excluded]
    ['*.md\n!README*.md\nREADME-secret.md', 'README.md', false],
    ['*.md\n!README*.md\nREADME-secret.md', 'README-secret.md', true],
    ['*.md\n!README*.md\nREADME-secret.md', 'CHANGES.md', true],
    ['!README*.md\nREADME-secret.md\n*.md', 'README.md', true],
    ['**/*.go', 'a/b/c.go', true],
    ['**/*.go', 'c.go', true],
    ['*.go', 'a/c.go', false],
    ['node_modules', 'node_modules', true],
    ['node_modules', 'node_modules/x/index.js', true],
    ['node_modules', 'packages/a/node_modules/x.js', false],
    ['**/node_modules', 'packages/a/node_modules/x.js', true],
    ['/node_modules', 'node_modules/x.js', true],
    ['./node_modules/', 'node_modules/x.js', true],
    ['node_modules/', 'node_modules', true],
    ['node_modules\n!node_modules/keep', 'node_modules/keep/a.js', false],
    ['node_modules\n!node_modules/keep', 'node_modules/other/a.js', true],
    ['node_modules/**\n!node_modules/keep/**', 'node_modules/keep/a.js', false],
    ['*\n!src', 'src/main.go', false],
    ['*\n!src', 'go.mod', true],
    ['*\n!src\nsrc/*.tmp', 'src/a.tmp', true],
    ['*\n!src\nsrc/*.tmp', 'src/a.go', false],
    ['**\n!package.json', 'package.json', false],
    ['**\n!package.json', 'src/index.js', true],
    ['build\n!build/keep.txt', 'build/keep.txt', false],
    ['build\n!build/keep.txt', 'build/drop.txt', true],
    ['  # not a comment', ' # not a comment', false],
    ['  # not a comment', '# not a comment', true],
    ['\\#hash', '#hash', true],
    ['file\\[1\\].txt', 'file[1].txt', true],
    ['file\\[1\\].txt', 'file1.txt', false],
    ['*.[oa]', 'lib.a', true],
    ['*.[oa]', 'lib.c', false],
    ['foo/../bar', 'bar', true],
    ['foo/../bar', 'foo/bar', false],
    ['/', 'anything', false],
    ['*/', 'dir/file', true],
    ['?', 'a', true],
    ['?', 'ab', false],
    ['[[:digit:]]*', '7up', true],
    ['[[:digit:]]*', 'up7', false],
    ['a\\d', 'a5', true],
    ['a\\d', 'ad', false],
    ['.git', '.git/objects/ab/cdef', true],
    ['.git', '.github/workflows/ci.yml', false],
    ['.git*', '.github/workflows/ci.yml', true],
    ['docs\n!docs', 'docs/a.md', false],
    ['!docs\ndocs', 'docs/a.md', true],
    ['**/*.log\n!important.log', 'important.log', false],
    ['**/*.log\n!important.log', 'logs/important.log', true],
    ['**/**/**/*.txt', 'a/b/c.txt', true],
    ['**/**/**/*.txt', 'c.txt', true],
    ['**/**/**/*.txt', 'a/b/c.md', false],
    // patternmatcher leaves '|', '{' and '}' unescaped (its escape bitmap drops
    // bytes >= 64): with a wildcard they are regexp syntax. Checked against the Go code.
    ['a*|b', 'axx', true],
    ['a*|b', 'zzb', true],
    ['a*|b', 'c/b', true],
    ['a|b', 'a|b', true],
    ['a|b', 'a', false],
    ['a*x{2}', 'axx', true],
    ['a*x{2}', 'ax{2}', false],
    ['{a,b}*', 'a.txt', false],
    ['{a,b}*', '{a,b}.txt', true],
  ];
  for (const [ignore, path, excluded] of table) {
    it(`${JSON.stringify(ignore)} · ${path} → ${excluded ? 'excluded' : 'kept'}`, () => {
      assert.strictEqual(isExcludedByDockerignore(ignore, path), excluded);
    });
  }

  it('the sender\'s parent results differ from MatchesOrParentMatches', () => {
    // The second "a" is skipped while walking "a" (already excluded), so for
    // "a/b" it is matched against "a/b" alone, after "!a/b" re-included it.
    const m = matcher('a', '!a/b', 'a');
    assert.strictEqual(m.isExcluded('a/b'), false);
    assert.strictEqual(m.matchesOrParentMatches('a/b'), true);
    assert.strictEqual(m.isExcluded('a/c'), true);
  });
});

describe('excluded-directory pruning', () => {
  const cases: [string, string, boolean, boolean][] = [
    // [ignore, excluded dir, we descend, fsutil descends]
    ['node_modules', 'node_modules', false, false],
    ['node_modules\n!node_modules/keep', 'node_modules', true, true],
    ['node_modules\n!src/keep', 'node_modules', false, false],
    ['node_modules\n!*.md', 'node_modules', false, true],
    ['node_modules\n!**/*.md', 'node_modules', true, true],
    ['node_modules\n!node_modules/*/package.json', 'node_modules', true, true],
    ['node_modules\n!other/*/package.json', 'node_modules', false, true],
    ['build\n!build/**', 'build', true, true],
    ['*\n!src', 'docs', false, false],
    ['*\n!src/a[bc]', 'docs', true, true],
    ['*\n!*/keep', 'docs', true, true],
  ];
  for (const [ignore, dir, ours, fsutil] of cases) {
    it(`${JSON.stringify(ignore)} · ${dir}`, () => {
      const m = DockerignoreMatcher.fromText(ignore);
      assert.strictEqual(m.isExcluded(dir), true, 'dir is excluded');
      assert.strictEqual(m.mayReincludeUnder(dir), ours, 'ours');
      assert.strictEqual(m.fsutilWouldDescend(dir), fsutil, 'fsutil');
    });
  }
});

describe('Dockerfile-specific ignore file', () => {
  it('lists <Dockerfile>.dockerignore first, then the context root file', () => {
    assert.deepStrictEqual(ignoreFileCandidates('/repo/docker/api.Dockerfile', '/repo'), [
      '/repo/docker/api.Dockerfile.dockerignore',
      '/repo/.dockerignore',
    ]);
  });
  it('prefers the Dockerfile-specific file when both exist', () => {
    const existing = ['/repo/.dockerignore', '/repo/Dockerfile.dockerignore'];
    assert.strictEqual(pickIgnoreFile('/repo/Dockerfile', '/repo', existing), '/repo/Dockerfile.dockerignore');
  });
  it('falls back to .dockerignore at the context root', () => {
    assert.strictEqual(pickIgnoreFile('/repo/app/Dockerfile', '/repo', ['/repo/.dockerignore']), '/repo/.dockerignore');
  });
  it('ignores another Dockerfile\'s ignore file and a .dockerignore beside a Dockerfile outside the root', () => {
    const existing = ['/repo/web.Dockerfile.dockerignore', '/repo/app/.dockerignore'];
    assert.strictEqual(pickIgnoreFile('/repo/app/Dockerfile', '/repo', existing), undefined);
  });
  it('handles Windows paths', () => {
    assert.strictEqual(
      pickIgnoreFile('C:\\src\\Dockerfile', 'C:\\src', ['C:\\src\\.dockerignore']),
      'C:\\src\\.dockerignore',
    );
  });
});
