// Dependency-install commands (npm ci, pip install -r, go mod download …) and
// the manifest files each needs, so a Dockerfile can copy just those first
// and keep the install cached while the sources change.

import { Invocation, parseOptions } from '../shell/commands';

export interface DependencyStep {
  /** As the user would say it: `npm ci`, `pip install -r`. */
  label: string;
  /**
   * Context files to copy before the step, relative to the install's working
   * directory; undefined when the step needs more than manifests (it builds
   * the project, runs scripts…) so the split cannot be offered.
   */
  manifests: string[] | undefined;
}

const has = (inv: Invocation, ...names: string[]): boolean => inv.args.some((a) => names.includes(a.value));

/** Known optional files: included when the context lists them (or, unknown context, never). */
function withOptional(required: string[], optional: string[], entries: readonly string[] | undefined): string[] | undefined {
  if (entries && required.some((r) => !r.includes('*') && !entries.includes(r))) return undefined;
  return [...required, ...optional.filter((o) => entries?.includes(o))];
}

/** The dependency step `inv` performs, if any. `entries`: top-level names of the context, when known. */
export function dependencyStep(inv: Invocation, entries: readonly string[] | undefined): DependencyStep | undefined {
  const p = inv.program;
  const positionals = parseOptions(inv.args, new Set(['-r', '--requirement', '-c', '--constraint', '--prefix', '-w', '--workspace', '--cwd', '-f', '--file'])).positionals;
  const sub = positionals[0]?.value;
  if (p === 'npm' && (sub === 'ci' || sub === 'install' || sub === 'i') && positionals.length === 1 && !has(inv, '-g', '--global')) {
    if (entries?.includes('package.json') === false) return undefined;
    const locks = ['package-lock.json', 'npm-shrinkwrap.json'];
    const manifests = entries
      ? ['package.json', ...locks.filter((l) => entries.includes(l)), ...(entries.includes('.npmrc') ? ['.npmrc'] : [])]
      : sub === 'ci' ? ['package.json', 'package-lock.json'] : ['package*.json'];
    return { label: `npm ${sub}`, manifests };
  }
  if (p === 'yarn' && (sub === undefined || sub === 'install') && !has(inv, 'global')) {
    const label = sub ? 'yarn install' : 'yarn';
    // Yarn 2+ keeps its release and plugins in .yarn/: a directory the manifest COPY would flatten.
    if (entries?.includes('.yarn') || entries?.includes('.pnp.cjs')) return { label, manifests: undefined };
    return { label, manifests: withOptional(['package.json', 'yarn.lock'], ['.yarnrc', '.yarnrc.yml', '.npmrc'], entries) };
  }
  if (p === 'pnpm' && (sub === 'install' || sub === 'i') && positionals.length === 1) {
    if (entries?.includes('pnpm-workspace.yaml')) return { label: `pnpm ${sub}`, manifests: undefined };
    return { label: `pnpm ${sub}`, manifests: withOptional(['package.json', 'pnpm-lock.yaml'], ['.npmrc'], entries) };
  }
  if (/^pip(\d+(\.\d+)?)?$/.test(p) || p === 'uv') {
    const args = p === 'uv' ? inv.args.slice(1) : inv.args;
    if (p === 'uv' && inv.args[0]?.value !== 'pip') return undefined;
    const parsed = parseOptions(args, new Set(['-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host']));
    if (parsed.positionals[0]?.value !== 'install') return undefined;
    const files = parsed.options.filter((o) => ['-r', '--requirement', '-c', '--constraint'].includes(o.name)).map((o) => o.value ?? '');
    if (!parsed.options.some((o) => o.name === '-r' || o.name === '--requirement')) return undefined;
    const label = `${p === 'uv' ? 'uv pip' : 'pip'} install -r`;
    // Extra positionals (`.`, `-e .`, package names) need more than the requirement files.
    const plain = parsed.positionals.length === 1 && !parsed.options.some((o) => o.name === '-e' || o.name === '--editable');
    const ok = plain && files.every((f) => /^[\w.-]+$/.test(f) && (!entries || entries.includes(f)));
    return { label, manifests: ok ? files : undefined };
  }
  if (p === 'poetry' && sub === 'install') return { label: 'poetry install', manifests: has(inv, '--no-root') ? withOptional(['pyproject.toml'], ['poetry.lock', 'poetry.toml'], entries) : undefined };
  if (p === 'pipenv' && sub === 'install') return { label: 'pipenv install', manifests: withOptional(['Pipfile'], ['Pipfile.lock'], entries) };
  if (p === 'go' && sub === 'mod' && positionals[1]?.value === 'download') return { label: 'go mod download', manifests: entries ? withOptional(['go.mod'], ['go.sum'], entries) : ['go.mod', 'go.sum'] };
  if (p === 'bundle' && (sub === undefined || sub === 'install')) {
    const gemspec = entries?.some((e) => e.endsWith('.gemspec'));
    return { label: 'bundle install', manifests: gemspec ? undefined : entries ? withOptional(['Gemfile'], ['Gemfile.lock'], entries) : ['Gemfile', 'Gemfile.lock'] };
  }
  if (p === 'composer' && sub === 'install') {
    const noScripts = has(inv, '--no-scripts') && has(inv, '--no-autoloader');
    return { label: 'composer install', manifests: noScripts ? (entries ? withOptional(['composer.json'], ['composer.lock'], entries) : ['composer.json', 'composer.lock']) : undefined };
  }
  if ((p === 'mvn' || p === 'mvnw' || p === './mvnw') && inv.args.some((a) => /^dependency:(go-offline|resolve|resolve-plugins)$/.test(a.value))) {
    return { label: 'mvn dependency:go-offline', manifests: inv.args.every((a) => a.value.startsWith('-') || a.value.startsWith('dependency:')) ? withOptional(['pom.xml'], [], entries) : undefined };
  }
  if ((p === 'mvn' || p === 'mvnw') && inv.args.some((a) => /^(package|install|verify)$/.test(a.value))) return { label: `mvn ${inv.args.find((a) => /^(package|install|verify)$/.test(a.value))?.value}`, manifests: undefined };
  if (p === 'cargo' && sub === 'build') return { label: 'cargo build', manifests: undefined };
  return undefined;
}
