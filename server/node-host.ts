import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HostInfo } from '../shared-rules/engine/types';

/**
 * What the rules may know about a Dockerfile's build context on disk. The
 * context is taken to be the Dockerfile's folder, as `docker build -f` users
 * mostly have it; a `<Dockerfile>.dockerignore` next to it counts too.
 * `listDir` lets a caller that lints many files share one listing per folder.
 */
export function hostInfoForFile(file: string | undefined, listDir: (dir: string) => string[] = readdirSync): HostInfo {
  if (!file) return {};
  const dir = dirname(file);
  try {
    const entries = listDir(dir);
    const hasDockerignore = entries.includes('.dockerignore') || existsSync(join(dir, `${basename(file)}.dockerignore`));
    return { contextEntries: entries, hasDockerignore };
  } catch {
    return {};
  }
}
