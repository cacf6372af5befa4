// Container paths as the analyses compare them: absolute, '/'-separated, no
// trailing slash, `.`/`..` folded. A path that still holds an unexpanded
// `$VAR` or `~` is kept as written, so the same spelling on the creating and
// the deleting side still matches.

import { goClean } from '../context/go-path';

/** Folds `.`, `..` and repeated slashes of an absolute path; keeps a relative one relative (Go's path.Clean). */
export function cleanPath(p: string): string {
  return goClean(p);
}

/** `p` against the working directory `cwd` (absolute); `~` stays a prefix of its own. */
export function resolvePath(cwd: string, p: string, home = '/root'): string {
  if (p === '~' || p.startsWith('~/')) return cleanPath(home + p.slice(1));
  if (p.startsWith('/')) return cleanPath(p);
  return cleanPath(`${cwd}/${p}`);
}

/**
 * `path` joined onto the directory `dir`, `.`/`..` folded; always absolute.
 * Unlike resolvePath, `~` is an ordinary name here (as in WORKDIR and COPY).
 */
export function joinPath(dir: string, path: string): string {
  return cleanPath(path.startsWith('/') ? path : `/${dir}/${path}`);
}

export function isUnder(path: string, dir: string): boolean {
  if (dir === '/') return path.startsWith('/');
  return path === dir || path.startsWith(dir + '/');
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function hasGlob(p: string): boolean {
  return /[*?[]/.test(p);
}

function segmentRegex(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = seg.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        re += '[' + seg.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * Whether a deletion pattern (shell glob, absolute) removes `path`: the
 * pattern matches the path itself or one of its parents.
 */
export function patternCovers(pattern: string, path: string): boolean {
  if (!hasGlob(pattern)) return isUnder(path, pattern);
  const pSegs = pattern.split('/').filter(Boolean);
  const segs = path.split('/').filter(Boolean);
  if (segs.length < pSegs.length) return false;
  return pSegs.every((s, i) => (hasGlob(s) ? segmentRegex(s).test(segs[i]) : s === segs[i]));
}

/** The fixed directory part of a glob pattern: `/var/lib/apt/lists/*` → `/var/lib/apt/lists`. */
export function globBase(pattern: string): string {
  if (!hasGlob(pattern)) return pattern;
  const segs = pattern.split('/');
  const k = segs.findIndex(hasGlob);
  return cleanPath(segs.slice(0, k).join('/') || '/');
}
