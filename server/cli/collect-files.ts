import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const DOCKERFILE_NAME = /^(Dockerfile|Containerfile)(\..+)?$|\.(dockerfile|containerfile)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor', '.venv', 'venv', '__pycache__']);

export function isDockerfileName(name: string): boolean {
  return DOCKERFILE_NAME.test(name) && !name.endsWith('.dockerignore');
}

export class InputError extends Error {}

/** Expands the command line's paths: files as given, directories searched for Dockerfile names. */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push('-');
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new InputError(`${p}: no such file or directory`);
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      walk(p, found, 0);
      if (found.length === 0 && paths.length === 1) throw new InputError(`${p}: no Dockerfile found (looked for Dockerfile, Dockerfile.*, *.dockerfile, Containerfile…)`);
      out.push(...found.sort());
    } else out.push(p);
  }
  return out;
}

function walk(dir: string, out: string[], depth: number): void {
  if (depth > 20) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(join(dir, e.name), out, depth + 1);
    } else if (e.isFile() && isDockerfileName(e.name)) out.push(join(dir, e.name));
  }
}
