import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { mergeConfig } from '../../shared-rules/config/merge';
import { LintConfig, Linter } from '../../shared-rules/engine/lint';
import { findHadolintConfig, loadHadolintConfig, LoadedConfig } from '../../shared-rules/platform/node/config-files';
import { FailLevel, LintArgs } from './args';
import { InputError } from './collect-files';
import { perRun } from './per-run';

export interface FileConfig {
  config: LintConfig;
  failLevel: FailLevel;
}

/**
 * The configuration of each linted file. Precedence: inline comments (at lint
 * time) > `--rule`/`--fail-level` > the hadolint config file (`--config FILE`,
 * else the nearest .hadolint.yaml/.yml above the file) > rule defaults.
 */
export function cliConfigs(args: LintArgs, linter: Linter, warn: (text: string) => void): (file: string) => FileConfig {
  if (args.config && !existsSync(args.config)) throw new InputError(`${args.config}: no such file (given with --config)`);
  const byCode = linter.equivalences.hadolint;
  const loaded = new Map<string, LoadedConfig>();
  const load = (path: string): LoadedConfig => {
    let c = loaded.get(path);
    if (!c) {
      c = loadHadolintConfig(path, byCode);
      for (const w of c.warnings) warn(`layerwise: ${path}: ${w}`);
      loaded.set(path, c);
    }
    return c;
  };
  // Per folder: the search stats two names in every folder up to the root,
  // for each of the many files a run may lint from one folder.
  const nearest = perRun((dir) => findHadolintConfig(dir));
  return (file) => {
    const path = args.config ? resolve(args.config) : nearest(dirname(resolve(file === '-' ? 'Dockerfile' : file)));
    const fromFile = path ? load(path) : undefined;
    return {
      config: mergeConfig(fromFile?.config, { rules: args.rules }),
      failLevel: args.failLevelExplicit ? args.failLevel : fromFile?.failureThreshold ?? args.failLevel,
    };
  };
}
