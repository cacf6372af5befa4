import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { hadolintConfigFromText, HadolintConfig } from '../../config/hadolint';

export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

export interface ConfigSearch {
  /** Do not look above this folder (the workspace folder); default: the filesystem root. */
  stopAt?: string;
  /** Look in the user's config folders when no project file is found (default true). */
  userConfig?: boolean;
  env?: Readonly<Record<string, string | undefined>>;
  home?: string;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * The hadolint configuration that applies to files in `dir`: the nearest
 * `.hadolint.yaml`/`.hadolint.yml` in `dir` or a parent (up to `stopAt`), as
 * hadolint finds its project file; otherwise hadolint's per-user files,
 * `$XDG_CONFIG_HOME/hadolint.yaml` (default `~/.config/hadolint.yaml`) and
 * `~/.hadolint.yaml`. Undefined when there is none.
 */
export function findHadolintConfig(dir: string, search: ConfigSearch = {}): string | undefined {
  const stop = search.stopAt ? resolve(search.stopAt) : undefined;
  let d = resolve(dir);
  for (;;) {
    for (const name of HADOLINT_CONFIG_NAMES) {
      const p = join(d, name);
      if (isFile(p)) return p;
    }
    if (d === stop || d === parse(d).root) break;
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  if (search.userConfig === false) return undefined;
  const env = search.env ?? process.env;
  const home = search.home ?? homedir();
  const xdg = env.XDG_CONFIG_HOME || join(home, '.config');
  return [join(xdg, 'hadolint.yaml'), join(home, '.hadolint.yaml')].find(isFile);
}

export interface LoadedConfig extends HadolintConfig {
  file: string;
}

/** Reads and maps a hadolint configuration file; a file that cannot be read gives a warning, not an exception. */
export function loadHadolintConfig(file: string, byCode: ReadonlyMap<string, readonly string[]>): LoadedConfig {
  if (!existsSync(file)) return { file, config: {}, unmapped: [], warnings: ['file not found'] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { file, config: {}, unmapped: [], warnings: [`cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`] };
  }
  return { file, ...hadolintConfigFromText(text, byCode) };
}
