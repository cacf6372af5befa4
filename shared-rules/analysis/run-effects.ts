// What a RUN script does to the filesystem, in order: the paths it creates
// (package-manager caches and indexes, installed packages, downloads,
// extracted archives, clones, copies, redirections) and the ones it deletes
// (rm, package removal, cache cleaning). Installed packages are pseudo-paths
// `pkg:<manager>/<name>` so removal matches installation by name.

import { invocation, parseOptions } from '../shell/commands';
import { urlBaseName } from '../shell/downloads';
import { ShellScript, SimpleCommand, Word } from '../shell/model';
import { expandVariables } from '../model/variables';
import { baseName, cleanPath, resolvePath } from './paths';

export type Tool = 'apt' | 'apk' | 'rpm' | 'pip' | 'npm' | 'yarn' | 'go';

export interface PathEvent {
  kind: 'create' | 'delete';
  /** Absolute path (a glob for deletions), `~/…` for an unknown home, or `pkg:<tool>/<name>`. */
  path: string;
  /** A creation that fills the directory (clone, extraction, cache); `mkdir` does not. */
  tree: boolean;
  /** The package manager behind the event, when there is one. */
  tool: Tool | undefined;
  /** The word to report (path or package name). */
  word: Word;
  command: SimpleCommand;
  script: ShellScript;
  /** Every word of the command is known text: it can be moved to another RUN verbatim. */
  portable: boolean;
  /** The path was relative to the working directory of the command. */
  relative: boolean;
}

export interface ScriptEffects {
  events: PathEvent[];
  /** Working directory after the script (`cd` followed); undefined when unknown. */
  endCwd: string | undefined;
}

export interface ScriptEnv {
  cwd: string;
  home: string;
  vars: ReadonlyMap<string, string | undefined>;
}

interface Resolved {
  value: string;
  known: boolean;
}

function wordText(w: Word, vars: ReadonlyMap<string, string | undefined>): Resolved | undefined {
  if (w.static) return { value: w.value, known: true };
  if (w.text.includes('$(') || w.text.includes('`')) return undefined;
  const stripped = w.text.replace(/["']/g, '');
  const exp = expandVariables(stripped, (n) => vars.get(n) ?? undefined);
  return exp.unresolved.length > 0 ? { value: stripped, known: false } : { value: exp.value, known: true };
}

const APT_VALUE = new Set(['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture']);
const APK_VALUE = new Set(['-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir']);
const PIP_VALUE = new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-t', '--target', '--prefix', '--root', '-f', '--find-links', '--trusted-host', '--cache-dir', '--platform', '--python-version', '--implementation', '--abi', '--src', '--upgrade-strategy', '--progress-bar', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert', '--client-cert']);
const NPM_VALUE = new Set(['--prefix', '--cache', '--registry', '-w', '--workspace', '--omit', '--include', '--tag']);
const CP_VALUE = new Set(['-t', '--target-directory', '-S', '--suffix']);
const GIT_CLONE_VALUE = new Set(['-b', '--branch', '--depth', '-o', '--origin', '-c', '--config', '--reference', '--shallow-since', '--shallow-exclude', '-j', '--jobs', '--filter', '--template', '--separate-git-dir', '-u', '--upload-pack']);

function aptName(v: string): string {
  return v.replace(/[=:].*$/, '').replace(/[+-]$/, '').toLowerCase();
}
function apkName(v: string): string {
  return v.replace(/[=<>~].*$/, '').toLowerCase();
}
function pipName(v: string): string {
  return v.replace(/\[.*$/, '').replace(/\s*[<>=!~;@].*$/, '').toLowerCase().replace(/[_.]+/g, '-');
}
function npmName(v: string): string {
  // `@scope/name@1.2` keeps its scope; the version goes.
  const at = v.indexOf('@', 1);
  return at === -1 ? v : v.slice(0, at);
}

const CACHE_DELETING = /^(rm|rmdir)$/;

/** Events of one script in order, following `cd` of known directories. */
export function scriptEffects(script: ShellScript, env: ScriptEnv): ScriptEffects {
  const events: PathEvent[] = [];
  let cwd: string | undefined = env.cwd;
  const { home, vars } = env;
  for (const cmd of script.commands) {
    if (cmd.inSubstitution) continue;
    const inv = invocation(cmd);
    const program = inv.program;
    const words = [inv.programWord, ...inv.args].map((w) => wordText(w, vars));
    const portable = words.every((w) => w !== undefined && w.known) && cmd.assignments.length === 0;
    const push = (kind: PathEvent['kind'], path: string, word: Word, tree: boolean, tool: Tool | undefined, relative = false): void => {
      events.push({ kind, path, tree, tool, word, command: cmd, script, portable, relative });
    };
    const pathOf = (r: Resolved | undefined): { path: string; relative: boolean } | undefined => {
      if (!r || r.value === '' || r.value.startsWith('/dev/') || r.value.startsWith('/proc/')) return undefined;
      const abs = r.value.startsWith('/') || r.value.startsWith('~') || r.value.startsWith('$');
      if (!abs && cwd === undefined) return undefined;
      return { path: r.value.startsWith('$') ? cleanPath(r.value) : resolvePath(cwd ?? '/', r.value, home), relative: !abs };
    };
    const createValue = (value: Resolved | undefined, w: Word, tree: boolean, tool?: Tool): void => {
      const p = pathOf(value);
      if (p) push('create', p.path, w, tree, tool, p.relative);
    };
    const create = (w: Word, tree: boolean, tool?: Tool): void => createValue(wordText(w, vars), w, tree, tool);
    const del = (w: Word, tool?: Tool): void => {
      const p = pathOf(wordText(w, vars));
      if (p) push('delete', p.path, w, false, tool, p.relative);
    };
    const tree = (path: string, word: Word, tool: Tool, kind: PathEvent['kind'] = 'create'): void => push(kind, path, word, kind === 'create', tool);

    for (const r of cmd.redirects) {
      if (r.target && /^(>|>>|&>|&>>|>\|)$/.test(r.operator) && !/^\d+$/.test(r.target.value)) create(r.target, false);
    }

    switch (program) {
      case 'cd':
      case 'pushd': {
        if (cmd.conditional) break;
        const target = inv.args.find((a) => !a.value.startsWith('-'));
        const r = target ? wordText(target, vars) : { value: home, known: true };
        cwd = r && r.known && cwd !== undefined ? resolvePath(cwd, r.value, home) : r && r.known && r.value.startsWith('/') ? cleanPath(r.value) : undefined;
        break;
      }
      case 'apt-get':
      case 'apt':
      case 'aptitude': {
        const parsed = parseOptions(inv.args, APT_VALUE);
        const [sub, ...pkgs] = parsed.positionals;
        const action = sub?.value ?? '';
        if (action === 'update') tree('/var/lib/apt/lists', sub, 'apt');
        else if (action === 'install' || action === 'reinstall' || action === 'build-dep' || action === 'upgrade' || action === 'dist-upgrade' || action === 'full-upgrade') {
          // No /var/cache/apt here: Debian and Ubuntu images delete the .debs after every install (docker-clean).
          for (const p of pkgs) if (!p.value.endsWith('-') && !p.value.includes('/')) tree(`pkg:apt/${aptName(p.value)}`, p, 'apt');
        } else if (action === 'remove' || action === 'purge' || action === 'autoremove') {
          for (const p of pkgs) tree(`pkg:apt/${aptName(p.value)}`, p, 'apt', 'delete');
        } else if (action === 'clean' || action === 'autoclean') tree('/var/cache/apt/*', sub, 'apt', 'delete');
        break;
      }
      case 'apk': {
        const parsed = parseOptions(inv.args, APK_VALUE);
        const [sub, ...pkgs] = parsed.positionals;
        const noCache = parsed.options.some((o) => o.name === '--no-cache');
        if (sub?.value === 'add') {
          if (!noCache) tree('/var/cache/apk', sub, 'apk');
          const virtual = parsed.options.find((o) => o.name === '-t' || o.name === '--virtual');
          if (virtual?.value) tree(`pkg:apk/${apkName(virtual.value)}`, virtual.word, 'apk');
          else for (const p of pkgs) tree(`pkg:apk/${apkName(p.value)}`, p, 'apk');
        } else if (sub?.value === 'update' && !noCache) tree('/var/cache/apk', sub, 'apk');
        else if (sub?.value === 'del') for (const p of pkgs) tree(`pkg:apk/${apkName(p.value)}`, p, 'apk', 'delete');
        else if (sub?.value === 'cache' && pkgs[0] && /^(clean|purge)$/.test(pkgs[0].value)) tree('/var/cache/apk/*', sub, 'apk', 'delete');
        break;
      }
      case 'yum':
      case 'dnf':
      case 'microdnf':
      case 'tdnf': {
        const parsed = parseOptions(inv.args, new Set(['--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever']));
        const [sub, ...pkgs] = parsed.positionals;
        const cacheDir = program === 'yum' ? '/var/cache/yum' : '/var/cache/dnf';
        if (sub?.value === 'install' || sub?.value === 'groupinstall' || sub?.value === 'update' || sub?.value === 'upgrade') {
          tree(cacheDir, sub, 'rpm');
          for (const p of pkgs) tree(`pkg:rpm/${p.value.toLowerCase()}`, p, 'rpm');
        } else if (sub?.value === 'remove' || sub?.value === 'erase' || sub?.value === 'autoremove') {
          for (const p of pkgs) tree(`pkg:rpm/${p.value.toLowerCase()}`, p, 'rpm', 'delete');
        } else if (sub?.value === 'clean') tree(`${cacheDir}/*`, sub, 'rpm', 'delete');
        break;
      }
      case 'python':
      case 'python3':
      case 'pip':
      case 'pip3':
      default: {
        let args = inv.args;
        let isPip = /^pip(\d+(\.\d+)?)?$/.test(program);
        if (/^python(\d+(\.\d+)?)?$/.test(program)) {
          const m = args.findIndex((a) => a.value === '-m');
          if (m !== -1 && /^pip\d*$/.test(args[m + 1]?.value ?? '')) {
            isPip = true;
            args = args.slice(m + 2);
          }
        }
        const emit: Emit = { tree, create, createValue, del, push };
        if (isPip) pipEffects(args, vars, home, emit);
        else otherEffects(program, inv.args, cmd, { vars, home, cwd }, emit);
      }
    }
  }
  return { events, endCwd: cwd };
}

interface Emit {
  tree(path: string, word: Word, tool: Tool, kind?: PathEvent['kind']): void;
  create(w: Word, tree: boolean, tool?: Tool): void;
  createValue(value: Resolved | undefined, w: Word, tree: boolean, tool?: Tool): void;
  del(w: Word, tool?: Tool): void;
  push(kind: PathEvent['kind'], path: string, word: Word, tree: boolean, tool: Tool | undefined, relative?: boolean): void;
}

/** Values of an option given as `-o v`, `-xo v` (a short cluster ending in it) or `--long=v`. */
function optionValues(args: readonly Word[], short: string, long: string, vars: ReadonlyMap<string, string | undefined>): { word: Word; value: Resolved | undefined }[] {
  const out: { word: Word; value: Resolved | undefined }[] = [];
  const letter = short.slice(1);
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') break;
    if (v.startsWith(long + '=')) {
      const r = wordText(args[i], vars);
      out.push({ word: args[i], value: r && { value: r.value.slice(r.value.indexOf('=') + 1), known: r.known } });
    } else if ((v === short || v === long || (/^-[a-zA-Z]+$/.test(v) && v.endsWith(letter))) && i + 1 < args.length) {
      out.push({ word: args[i + 1], value: wordText(args[i + 1], vars) });
      i++;
    }
  }
  return out;
}

function pipEffects(args: readonly Word[], vars: ReadonlyMap<string, string | undefined>, home: string, { tree, create }: Emit): void {
  const parsed = parseOptions(args, PIP_VALUE);
  const [sub, ...pkgs] = parsed.positionals;
  if (!sub) return;
  const cache = parsed.options.find((o) => o.name === '--cache-dir')?.value;
  const noCache = parsed.options.some((o) => o.name === '--no-cache-dir') || /^(1|true|yes|on|off|0|false)$/i.test(vars.get('PIP_NO_CACHE_DIR') ?? '');
  if (sub.value === 'install' || sub.value === 'download' || sub.value === 'wheel') {
    if (!noCache) tree(cache ? cleanPath(cache) : `${home}/.cache/pip`, sub, 'pip');
    const target = parsed.options.find((o) => o.name === '-t' || o.name === '--target');
    if (target) create(target.word, true, 'pip');
    if (sub.value === 'install') for (const p of pkgs) if (/^[A-Za-z0-9]/.test(p.value) && !p.value.includes('/') && !p.value.includes('://')) tree(`pkg:pip/${pipName(p.value)}`, p, 'pip');
  } else if (sub.value === 'uninstall') {
    for (const p of pkgs) tree(`pkg:pip/${pipName(p.value)}`, p, 'pip', 'delete');
  } else if (sub.value === 'cache' && pkgs[0] && /^(purge|remove)$/.test(pkgs[0].value)) tree(cache ? cleanPath(cache) : `${home}/.cache/pip`, sub, 'pip', 'delete');
}

function otherEffects(program: string, args: readonly Word[], cmd: SimpleCommand, env: { vars: ReadonlyMap<string, string | undefined>; home: string; cwd: string | undefined }, emit: Emit): void {
  const { vars, home, cwd } = env;
  const { tree, create, createValue, del } = emit;
  const opt = (short: string, long: string) => optionValues(args, short, long, vars);
  const known = (value: string): Resolved => ({ value, known: true });
  const yarnCache = home === '/root' ? '/usr/local/share/.cache/yarn' : `${home}/.cache/yarn`;
  const inCwd = (name: string): string | undefined => (cwd === undefined ? undefined : resolvePath(cwd, name, home));
  switch (program) {
    case 'npm': {
      const parsed = parseOptions(args, NPM_VALUE);
      const [sub, ...pkgs] = parsed.positionals;
      const action = sub?.value ?? '';
      const global = parsed.options.some((o) => o.name === '-g' || o.name === '--global');
      if (/^(install|i|ci|add|isntall)$/.test(action)) {
        tree(`${home}/.npm`, sub, 'npm');
        const nm = inCwd('node_modules');
        if (!global && nm) tree(nm, sub, 'npm');
        for (const p of pkgs) if (!p.value.startsWith('.') && !p.value.includes('://')) tree(`pkg:npm/${npmName(p.value)}`, p, 'npm');
      } else if (/^(uninstall|un|remove|rm|r|unlink)$/.test(action)) {
        for (const p of pkgs) tree(`pkg:npm/${npmName(p.value)}`, p, 'npm', 'delete');
      } else if (action === 'cache' && pkgs[0] && /^(clean|rm|clear)$/.test(pkgs[0].value)) tree(`${home}/.npm`, sub, 'npm', 'delete');
      else if (action === 'prune') {
        const nm = inCwd('node_modules');
        if (nm) tree(`${nm}/*`, sub, 'npm', 'delete');
      }
      return;
    }
    case 'yarn': {
      const sub = args.find((a) => !a.value.startsWith('-'));
      if (!sub || sub.value === 'install') {
        tree(yarnCache, sub ?? cmd.nameWord, 'yarn');
        const nm = inCwd('node_modules');
        if (nm) tree(nm, sub ?? cmd.nameWord, 'yarn');
      } else if (sub.value === 'cache' && args.some((a) => a.value === 'clean')) tree(yarnCache, sub, 'yarn', 'delete');
      return;
    }
    case 'go': {
      const sub = args[0];
      const gopath = vars.get('GOPATH') || `${home}/go`;
      const gocache = vars.get('GOCACHE') || `${home}/.cache/go-build`;
      if (!sub) return;
      if (/^(build|install|get|test|run)$/.test(sub.value) || (sub.value === 'mod' && args[1]?.value === 'download')) {
        tree(`${gopath}/pkg/mod`, sub, 'go');
        if (sub.value !== 'mod') tree(gocache, sub, 'go');
      } else if (sub.value === 'clean') {
        if (args.some((a) => a.value === '-modcache')) tree(`${gopath}/pkg/mod`, sub, 'go', 'delete');
        if (args.some((a) => a.value === '-cache')) tree(gocache, sub, 'go', 'delete');
      }
      return;
    }
    case 'curl': {
      const outs = opt('-o', '--output');
      for (const o of outs) if (o.value?.value !== '-') createValue(o.value, o.word, false);
      const remote = args.some((a) => a.value === '--remote-name' || /^-[a-zA-Z]*O[a-zA-Z]*$/.test(a.value));
      if (remote && outs.length === 0) {
        const url = args.find((p) => /^[a-z]+:\/\//.test(p.value));
        if (url) createValue(known(urlBaseName(url.value)), url, false);
      }
      return;
    }
    case 'wget': {
      const outs = opt('-O', '--output-document');
      const url = args.find((p) => /^[a-z]+:\/\//.test(p.value));
      if (outs.length > 0) {
        for (const o of outs) if (o.value?.value !== '-') createValue(o.value, o.word, false);
        return;
      }
      if (!url) return;
      const prefix = opt('-P', '--directory-prefix')[0]?.value;
      createValue(prefix !== undefined ? { value: `${prefix.value.replace(/\/+$/, '')}/${urlBaseName(url.value)}`, known: prefix.known } : known(urlBaseName(url.value)), url, false);
      return;
    }
    case 'tar':
    case 'bsdtar': {
      const first = args[0]?.value ?? '';
      const extract = args.some((a) => a.value === '--extract' || a.value === '--get' || (/^-[A-Za-z]+$/.test(a.value) && a.value.includes('x'))) || (/^[A-Za-z]+$/.test(first) && first.includes('x'));
      if (!extract) return;
      for (const d of opt('-C', '--directory')) createValue(d.value, d.word, true);
      return;
    }
    case 'unzip': {
      for (const d of opt('-d', '-d')) createValue(d.value, d.word, true);
      return;
    }
    case 'mkdir': {
      for (const p of parseOptions(args, new Set(['-m', '--mode'])).positionals) create(p, false);
      return;
    }
    case 'touch': {
      for (const p of parseOptions(args, new Set(['-d', '-t', '-r'])).positionals) create(p, false);
      return;
    }
    case 'ln': {
      const pos = parseOptions(args, new Set(['-t', '--target-directory', '-S', '--suffix'])).positionals;
      if (pos.length === 2) create(pos[1], false);
      return;
    }
    case 'git': {
      const c = args.findIndex((a) => a.value === 'clone');
      if (c === -1) return;
      const pos = parseOptions(args.slice(c + 1), GIT_CLONE_VALUE).positionals;
      if (pos.length >= 2) create(pos[1], true);
      else if (pos.length === 1) {
        createValue(known(urlBaseName(pos[0].value).replace(/\.git$/, '')), pos[0], true);
      }
      return;
    }
    case 'cp':
    case 'mv': {
      const parsed = parseOptions(args, CP_VALUE);
      const recursive = program === 'mv' || parsed.options.some((o) => /^-[a-zA-Z]*[rRa]/.test(o.name) || o.name === '--recursive' || o.name === '--archive');
      const targetDir = parsed.options.find((o) => o.name === '-t' || o.name === '--target-directory');
      const pos = parsed.positionals;
      const sources = targetDir ? pos : pos.slice(0, -1);
      const dest = targetDir ? undefined : pos[pos.length - 1];
      if (dest && sources.length === 1 && !dest.value.endsWith('/')) create(dest, recursive);
      else {
        const d = targetDir ? (targetDir.value === undefined ? undefined : known(targetDir.value)) : dest && wordText(dest, vars);
        if (!d) return;
        for (const s of sources) createValue({ value: `${d.value.replace(/\/+$/, '')}/${baseName(s.value)}`, known: d.known }, s, recursive);
      }
      return;
    }
    default:
      if (CACHE_DELETING.test(program)) {
        for (const p of parseOptions(args).positionals) del(p);
      }
  }
}
