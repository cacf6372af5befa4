import * as assert from 'assert';
import { DockerignoreMatcher } from '../../shared-rules/context/dockerignore';
import { detectStack, suggestDockerignore, Stack } from '../../shared-rules/context/dockerignore-suggest';

const patterns = (text: string): string[] =>
  text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));

describe('detectStack', () => {
  const cases: [string[], Stack[]][] = [
    [['package.json', 'src', 'README.md'], ['node']],
    [['requirements-dev.txt', 'app.py'], ['python']],
    [['pyproject.toml', 'poetry.lock'], ['python']],
    [['go.mod', 'go.sum', 'vendor/'], ['go']],
    [['pom.xml', 'src'], ['java-maven']],
    [['build.gradle.kts', 'gradlew'], ['java-gradle']],
    [['Gemfile', 'Gemfile.lock', 'config.ru'], ['ruby']],
    [['Cargo.toml'], ['rust']],
    [['composer.json'], ['php']],
    [['Api.csproj', 'Program.cs'], ['dotnet']],
    [['App.sln'], ['dotnet']],
    [['Gemfile', 'package.json', 'yarn.lock'], ['node', 'ruby']],
    [['go.mod', 'composer.json'], ['go', 'php']],
    [['Dockerfile', 'index.html'], []],
    [['requirements.md'], []],
  ];
  for (const [entries, expected] of cases) {
    it(`${entries.join(', ')} → ${expected.join(', ') || '(none)'}`, () => {
      assert.deepStrictEqual(detectStack(entries), expected);
    });
  }
});

describe('suggestDockerignore', () => {
  it('starts with a comment header naming the stacks and ends with a newline', () => {
    const text = suggestDockerignore(['python', 'node']);
    assert.strictEqual(text.split('\n')[0], '# .dockerignore created by Layerwise for: node, python.');
    assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
  });

  it('produces the exact node file', () => {
    assert.deepStrictEqual(patterns(suggestDockerignore(['node'])), [
      '.git', '.hg', '.svn',
      'Dockerfile*', '*.dockerfile', '.dockerignore', 'docker-compose*', 'compose*.yml', 'compose*.yaml',
      '.env', '.env.local', '.env.*.local',
      '.idea', '.vscode', '**/*.swp', '**/.DS_Store', '**/Thumbs.db',
      '**/*.log', 'coverage',
      '**/node_modules', 'npm-debug.log*', 'yarn-debug.log*', 'yarn-error.log*', 'pnpm-debug.log*', '.npm',
      '.nyc_output', '.eslintcache', '.turbo', '.parcel-cache',
    ]);
  });

  it('every suggested file parses without problems', () => {
    const all: Stack[] = ['node', 'python', 'go', 'java-maven', 'java-gradle', 'ruby', 'rust', 'php', 'dotnet'];
    for (const s of all) assert.deepStrictEqual(DockerignoreMatcher.fromText(suggestDockerignore([s])).problems, [], s);
    assert.deepStrictEqual(DockerignoreMatcher.fromText(suggestDockerignore(all)).problems, []);
  });

  // What the generated file does to paths a build typically needs or never needs.
  const effects: [Stack[], string, boolean][] = [
    [['node'], 'node_modules/react/index.js', true],
    [['node'], 'packages/web/node_modules/x.js', true],
    [['node'], 'dist/server.js', false],
    [['node'], '.next/standalone/server.js', false],
    [['node'], '.yarn/cache/pkg.zip', false],
    [['node'], 'package.json', false],
    [['node'], 'README.md', false],
    [['node'], '.git/HEAD', true],
    [['node'], '.github/workflows/ci.yml', false],
    [['node'], '.gitignore', false],
    [['node'], '.env', true],
    [['node'], '.env.production', false],
    [['node'], 'logs/app.log', true],
    [['python'], 'app/__pycache__/m.cpython-312.pyc', true],
    [['python'], 'app/m.pyc', true],
    [['python'], 'app/m.py', false],
    [['python'], '.venv/bin/python', true],
    [['python'], 'dist/app-1.0-py3-none-any.whl', false],
    [['python'], 'README.md', false],
    [['go'], 'vendor/github.com/x/y.go', false],
    [['go', 'php'], 'vendor/github.com/x/y.go', false],
    [['php'], 'vendor/autoload.php', true],
    [['java-maven'], 'target/app.jar', true],
    [['java-maven'], 'module/target/classes/A.class', true],
    [['java-maven'], '.mvn/wrapper/maven-wrapper.properties', false],
    [['java-gradle'], 'build/libs/app.jar', true],
    [['java-gradle'], 'gradle/wrapper/gradle-wrapper.jar', false],
    [['rust'], 'target/release/app', true],
    [['rust'], 'src/main.rs', false],
    [['ruby'], 'log/development.log', true],
    [['ruby'], 'log/.keep', false],
    [['ruby'], 'bin/rails', false],
    [['dotnet'], 'Api/bin/Release/net8.0/Api.dll', true],
    [['dotnet'], 'Api/obj/project.assets.json', true],
    [['dotnet', 'node'], 'bin/www', false],
    [['dotnet', 'node'], 'Api/bin/Debug/Api.dll', true],
    [['dotnet'], 'tools/bin/run.sh', true],
  ];
  for (const [stacks, path, excluded] of effects) {
    it(`${stacks.join('+')}: ${path} ${excluded ? 'is left out' : 'is kept'}`, () => {
      assert.strictEqual(DockerignoreMatcher.fromText(suggestDockerignore(stacks)).isExcluded(path), excluded);
    });
  }

  it('drops lines that would exclude what the Dockerfile copies', () => {
    const text = suggestDockerignore(['java-maven'], { keep: ['./target/app.jar', 'pom.xml'] });
    assert.ok(text.includes('# **/target  (not ignored: the Dockerfile copies target/app.jar)\n'));
    assert.strictEqual(DockerignoreMatcher.fromText(text).isExcluded('target/app.jar'), false);
  });

  it('comments out only the line that hits a kept path', () => {
    const text = suggestDockerignore([], { keep: ['.dockerignore'] });
    assert.ok(!patterns(text).includes('.dockerignore'));
    assert.ok(patterns(text).includes('Dockerfile*'));
  });

  it('lists each pattern once across stacks', () => {
    const lines = patterns(suggestDockerignore(['node', 'python', 'ruby', 'dotnet']));
    assert.strictEqual(new Set(lines).size, lines.length);
  });
});
