import { DockerfileModel, Instruction, Stage } from '../model/types';
import { invocation } from '../shell/commands';
import { hasCacheMount } from '../shell/cache-paths';
import { aptCalls, aptNoRecommends, aptSimulates, removesPath } from '../shell/package-managers';
import { stageDisablesRecommends } from '../shell/apt-config';
import { runScripts } from '../shell/run-scripts';

/** What one RUN does with apt, as far as sizes are concerned. */
export interface AptRunSummary {
  /** Package arguments, in order, deduplicated; dynamic words kept as written. */
  packages: string[];
  recommends: boolean;
  /** Runs `apt-get update`. */
  updates: boolean;
  /** The lists do not stay in the layer: removed in the RUN, or under a cache mount. */
  listsGone: boolean;
  /** Downloaded .debs do not stay: `apt-get clean`, removed, or under a cache mount. */
  debsGone: boolean;
}

export function aptRunSummary(model: DockerfileModel, stage: Stage, instr: Instruction): AptRunSummary | undefined {
  const scripts = runScripts(model, instr).all;
  const calls = scripts.flatMap((s) => aptCalls(s));
  if (calls.length === 0) return undefined;
  const installs = calls.filter((c) => c.action === 'install' && !aptSimulates(c));
  const packages: string[] = [];
  for (const c of installs) for (const p of c.packages) if (!packages.includes(p.value)) packages.push(p.value);
  const recommends = installs.length > 0 && installs.some((c) => !aptNoRecommends(c)) && !stageDisablesRecommends(model, stage);
  const updates = calls.some((c) => c.action === 'update');
  const listsGone = hasCacheMount(instr.flags, ['/var/lib/apt/lists', '/var/lib/apt']) || scripts.some((s) => removesPath(s, '/var/lib/apt/lists'));
  const debsGone =
    hasCacheMount(instr.flags, ['/var/cache/apt/archives', '/var/cache/apt']) ||
    calls.some((c) => c.action === 'clean' || c.action === 'autoclean') ||
    scripts.some((s) => removesPath(s, '/var/cache/apt') || s.commands.some((cmd) => invocation(cmd).program === 'apt-get' && cmd.args.some((a) => a.value === 'clean')));
  return { packages, recommends, updates, listsGone, debsGone };
}
