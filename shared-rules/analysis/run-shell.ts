import { lookupBaseImage } from '../data/base-images';
import { DockerfileModel, Instruction, Stage } from '../model/types';
import { programName } from '../shell/commands';
import { lastBefore } from '../model/before';
import { rootStage } from '../model/stages';

export interface RunShell {
  /** The SHELL instruction in effect, if any. */
  shell: Instruction | undefined;
  /** Program that runs shell-form RUNs (`sh` when no SHELL is set). */
  program: string;
  /** The SHELL switches on pipefail (`-o pipefail`, `-euxo pipefail` …). */
  pipefail: boolean;
  /**
   * Whether `set -o pipefail` works in that shell: bash/zsh/ksh/busybox ash,
   * or `/bin/sh` on a base whose sh is bash or ash. False for dash (Debian,
   * Ubuntu), whose older releases reject it; undefined when the base is unknown.
   */
  supportsSetPipefail: boolean | undefined;
  /** The base's distro family, when known. */
  family: string | undefined;
}

const SH_IS_BASH = new Set(['rhel', 'fedora', 'centos', 'amazonlinux', 'azurelinux']);
const SH_IS_ASH = new Set(['alpine', 'wolfi', 'busybox']);
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ksh', 'mksh', 'ash']);

/** True when shell switches such as `["-o", "pipefail"]` or `["-euxo", "pipefail"]` enable pipefail. */
export function enablesPipefail(args: readonly string[]): boolean {
  return args.some((a, i) => a === 'pipefail' && i > 0 && /^-[a-zA-Z]*o$/.test(args[i - 1]));
}

function isJsonShell(_model: DockerfileModel, i: Instruction): boolean {
  return i.keyword === 'SHELL' && i.jsonForm && i.args.length > 0;
}

/** The shell a RUN in `stage` (before `run`) runs under. */
export function runShell(model: DockerfileModel, stage: Stage, run: Instruction): RunShell {
  const shell = lastBefore(model, run, isJsonShell);
  const root = rootStage(model, stage);
  const family = root.baseKind === 'image' && root.image ? lookupBaseImage(root.image)?.family : root.baseKind === 'scratch' ? 'scratch' : undefined;
  const args = shell ? shell.args.map((a) => a.value) : ['/bin/sh', '-c'];
  const program = programName(args[0]);
  let supportsSetPipefail: boolean | undefined;
  if (PIPEFAIL_SHELLS.has(program)) supportsSetPipefail = true;
  else if (program === 'sh') supportsSetPipefail = family === undefined ? undefined : SH_IS_BASH.has(family) || SH_IS_ASH.has(family);
  else supportsSetPipefail = program === 'dash' ? false : undefined;
  return { shell, program, pipefail: enablesPipefail(args.slice(1)), supportsSetPipefail, family };
}
