// A starting .dockerignore for a context that has none: what to leave out per
// detected stack. Deliberately conservative — a wrong line breaks a build,
// a missing line only costs bytes — so anything a build commonly COPYs
// (dist/, vendor/ for Go, .yarn/cache, README for packaging) is kept.

import { DockerignoreMatcher, readIgnoreLines } from './dockerignore';
import { normalizeCopySource } from './copy-sources';

export type Stack =
  | 'node'
  | 'python'
  | 'go'
  | 'java-maven'
  | 'java-gradle'
  | 'ruby'
  | 'rust'
  | 'php'
  | 'dotnet';

export const STACKS: readonly Stack[] = [
  'node', 'python', 'go', 'java-maven', 'java-gradle', 'ruby', 'rust', 'php', 'dotnet',
];

const MARKERS: Record<Stack, (name: string) => boolean> = {
  node: (n) =>
    ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml',
      'bun.lockb', 'bun.lock', 'node_modules'].includes(n),
  python: (n) =>
    ['pyproject.toml', 'setup.py', 'setup.cfg', 'Pipfile', 'Pipfile.lock', 'poetry.lock', 'uv.lock',
      'manage.py'].includes(n) || /^requirements.*\.(txt|in)$/.test(n),
  go: (n) => n === 'go.mod' || n === 'go.work',
  'java-maven': (n) => n === 'pom.xml' || n === 'mvnw' || n === '.mvn',
  'java-gradle': (n) =>
    ['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradlew'].includes(n),
  ruby: (n) => n === 'Gemfile' || n === 'Gemfile.lock' || n === '.ruby-version' || n === 'config.ru',
  rust: (n) => n === 'Cargo.toml' || n === 'Cargo.lock',
  php: (n) => n === 'composer.json' || n === 'composer.lock',
  dotnet: (n) => /\.(csproj|fsproj|vbproj|sln|slnx)$/.test(n) || n === 'global.json' || n === 'Directory.Build.props',
};

/** Stacks whose marker files appear among the context's top-level names, in {@link STACKS} order. */
export function detectStack(entries: readonly string[]): Stack[] {
  const names = entries.map((e) => e.replace(/\/+$/, ''));
  return STACKS.filter((s) => names.some(MARKERS[s]));
}

interface Section {
  readonly title: string;
  readonly note?: string;
  readonly lines: readonly string[];
}

export interface SuggestOptions {
  /**
   * Context paths the Dockerfile copies by name (COPY target/app.jar …).
   * A line that would exclude one of them, or a directory above it, is left
   * out and noted instead.
   */
  readonly keep?: readonly string[];
}

const COMMON: readonly Section[] = [
  { title: 'Version control', lines: ['.git', '.hg', '.svn'] },
  {
    title: 'Docker files',
    note: 'BuildKit reads the Dockerfile and this file on their own, not from the context.',
    lines: ['Dockerfile*', '*.dockerfile', '.dockerignore', 'docker-compose*', 'compose*.yml', 'compose*.yaml'],
  },
  // Certificates (*.pem) are not listed: images often install a CA bundle from the context.
  { title: 'Local secrets', lines: ['.env', '.env.local', '.env.*.local'] },
  { title: 'Editors and OS files', lines: ['.idea', '.vscode', '**/*.swp', '**/.DS_Store', '**/Thumbs.db'] },
  { title: 'Logs and coverage', lines: ['**/*.log', 'coverage'] },
];

function stackSections(stack: Stack, all: readonly Stack[]): Section[] {
  const has = (s: Stack): boolean => all.includes(s);
  switch (stack) {
    case 'node':
      return [{
        title: 'Node.js',
        note: 'dist/ and .next/ are kept in case the image uses a prebuilt build; add them if the image builds them itself.',
        lines: ['**/node_modules', 'npm-debug.log*', 'yarn-debug.log*', 'yarn-error.log*', 'pnpm-debug.log*', '.npm', '.nyc_output', '.eslintcache', '.turbo', '.parcel-cache'],
      }];
    case 'python':
      return [{
        title: 'Python',
        note: 'dist/ is kept: images often install a wheel from it.',
        lines: ['**/__pycache__', '**/*.py[cod]', '**/*.egg-info', '.venv', 'venv', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', '.nox', 'htmlcov', '.coverage', '.coverage.*', 'build'],
      }];
    case 'go':
      // vendor/ stays: `go build -mod=vendor` and Go's default with a vendor dir need it.
      return [{ title: 'Go', note: 'vendor/ is kept: builds with a vendor directory need it.', lines: ['**/*.test', '**/*.out'] }];
    case 'java-maven':
      return [{ title: 'Maven build output', lines: ['**/target'] }];
    case 'java-gradle':
      return [{ title: 'Gradle build output and caches', lines: ['.gradle', '**/build'] }];
    case 'ruby':
      return [{
        title: 'Ruby',
        lines: ['.bundle', ...(has('go') ? [] : ['vendor/bundle']), 'log/*', 'tmp/*', '!log/.keep', '!tmp/.keep', '.byebug_history'],
      }];
    case 'rust':
      return [{ title: 'Rust build output', lines: ['target', '**/*.rs.bk'] }];
    case 'php':
      // With Go in the same context, vendor/ is Go's and must stay.
      return [{ title: 'PHP', note: has('go') ? 'vendor/ is kept: it belongs to Go here.' : 'Composer installs vendor/ in the image.', lines: [...(has('go') ? [] : ['vendor']), '.phpunit.result.cache', '.phpunit.cache'] }];
    case 'dotnet': {
      // bin/ holds scripts in Node and Ruby projects; only drop .NET's build configurations there.
      const sharedBin = has('node') || has('ruby') || has('python');
      return [{
        title: '.NET build output',
        lines: [...(sharedBin ? ['**/bin/Debug', '**/bin/Release'] : ['**/bin']), '**/obj', '**/.vs', '**/*.user'],
      }];
    }
  }
}

/** A complete .dockerignore text for the given stacks, ending in a newline. */
export function suggestDockerignore(stacks: readonly Stack[], options: SuggestOptions = {}): string {
  const ordered = STACKS.filter((s) => stacks.includes(s));
  const keep = (options.keep ?? []).map(normalizeCopySource).filter((p) => p !== '.');
  const sections = [...COMMON, ...ordered.flatMap((s) => stackSections(s, ordered))];
  const header = [
    `# .dockerignore created by Layerwise${ordered.length > 0 ? ` for: ${ordered.join(', ')}` : ''}.`,
    '# Paths not listed here are sent to the builder and can end up in the image via COPY/ADD.',
    '# Patterns match from the context root; **/ matches at any depth; a !pattern re-includes.',
  ];
  const out = [...header];
  const emitted = new Set<string>();
  for (const section of sections) {
    const body: string[] = [];
    for (const line of section.lines) {
      if (emitted.has(line)) continue;
      emitted.add(line);
      const blocked = line.startsWith('!') ? undefined : keep.find((k) => excludesPathOrParent(line, k));
      body.push(blocked === undefined ? line : `# ${line}  (not ignored: the Dockerfile copies ${blocked})`);
    }
    if (body.length === 0) continue;
    out.push('', `# ${section.title}`, ...(section.note === undefined ? [] : [`# ${section.note}`]), ...body);
  }
  return `${out.join('\n')}\n`;
}

function excludesPathOrParent(pattern: string, path: string): boolean {
  const m = new DockerignoreMatcher(readIgnoreLines(pattern));
  return m.matchesOrParentMatches(path);
}
