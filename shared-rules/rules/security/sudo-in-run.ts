import { Fix, Rule } from '../../engine/types';
import { lookupBaseImage } from '../../data/base-images';
import { programName } from '../../shell/commands';
import { SimpleCommand } from '../../shell/model';
import { lastBefore } from '../../model/before';
import { rootStage, stageOf } from '../../model/stages';
import { DockerfileModel, Instruction } from '../../model/types';

/** sudo options that take a value as the next word. */
const VALUE_OPTIONS = /^-[CDghpRrTUu]$/;
/** Options whose removal changes who runs the command or what it reads. */
const IDENTITY = /^(-[ugS]|--(user|group|stdin)(=.*)?|-[a-zA-Z]*[ugS][a-zA-Z]*)$/;

function isUser(_model: DockerfileModel, i: Instruction): boolean {
  return i.keyword === 'USER';
}

/** Whether the RUN executes as root: the last USER before it (in its stage chain) is root, or the base's default user is. */
function runsAsRoot(model: DockerfileModel, instr: Instruction): boolean {
  const own = stageOf(model, instr);
  if (!own) return true;
  const user = lastBefore(model, instr, isUser);
  if (user) return /^(root|0)(:.*)?$/.test(user.args[0]?.value ?? '');
  const stage = rootStage(model, own);
  if (stage.baseKind === 'variable' || !stage.image) return stage.baseKind !== 'variable';
  const info = stage.baseKind === 'image' ? lookupBaseImage({ registry: stage.image.registry, repository: stage.image.repository, tag: stage.image.tag }) : undefined;
  return !info?.user.runsAsNonRoot;
}

/** The non-root user `sudo -u x` / `--user=x` switches to, if any. */
function targetUser(cmd: SimpleCommand): string | undefined {
  const args = cmd.args;
  for (let i = 0; i < args.length && args[i].value.startsWith('-'); i++) {
    const v = args[i].value;
    const user = v === '-u' || v === '--user' ? args[i + 1]?.value : v.startsWith('--user=') ? v.slice(7) : undefined;
    if (user !== undefined) return /^(root|#?0)$/.test(user) ? undefined : user;
    if (VALUE_OPTIONS.test(v)) i++;
  }
  return undefined;
}

/** Deletes `sudo` and its own options, up to the program it runs. */
function removeSudo(model: DockerfileModel, cmd: SimpleCommand): Fix | undefined {
  const args = cmd.args;
  let i = 0;
  while (i < args.length && args[i].value.startsWith('-')) {
    const v = args[i].value;
    if (IDENTITY.test(v) && !/^(-u|--user)(=)?$/.test(v)) return undefined;
    if (v === '--') {
      i++;
      break;
    }
    if (/^(-u|--user)$/.test(v)) {
      if (!/^(root|#?0)$/.test(args[i + 1]?.value ?? '')) return undefined;
      i += 2;
      continue;
    }
    if (/^--user=/.test(v)) {
      if (!/^--user=(root|#?0)$/.test(v)) return undefined;
      i++;
      continue;
    }
    i += VALUE_OPTIONS.test(v) ? 2 : 1;
  }
  if (i >= args.length) return undefined;
  const end = model.lines.positionAt(args[i].start);
  return { title: 'Remove sudo', safe: true, edits: [{ range: { start: cmd.nameWord.range.start, end }, newText: '' }] };
}

const rule: Rule = {
  meta: {
    id: 'sudo-in-run',
    scope: 'stage',
    category: 'security',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3004'], trivy: ['DS-0010'] },
    docs: {
      summary: '`sudo` in a RUN instruction.',
      why:
        'Build steps already run as the current USER, which is root unless the Dockerfile switched away from it: `sudo` adds nothing but a package (and a setuid binary) to the image. Where a step really needs root after a `USER app`, switch with `USER root` for that step and back afterwards, so privileges are visible in the Dockerfile instead of hidden behind sudo\'s configuration and TTY quirks.',
      bad: 'FROM debian:bookworm-slim\nRUN sudo apt-get update\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update\n',
      fix: 'Removes `sudo` and its own options (`-E`, `-H`, `-n`, `-u root`…), keeping the command it runs. Safe where the step already runs as root; not offered when the stage switched to a non-root USER (the step would lose its privileges) or when sudo changes the user, group or stdin (`-u postgres`, `-g`, `-S`).',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      const scripts = ctx.scripts(instr).all;
      if (scripts.length === 0) continue;
      const asRoot = runsAsRoot(model, instr);
      for (const script of scripts) {
        for (const cmd of script.commands) {
          if (programName(cmd.name) !== 'sudo') continue;
          const target = targetUser(cmd);
          const fix = asRoot && !target ? removeSudo(model, cmd) : undefined;
          ctx.report({
            range: cmd.nameWord.range,
            instruction: instr,
            message: target
              ? `Use \`USER ${target}\` for this step (or \`runuser\`/\`setpriv\`) instead of \`sudo\`, and switch back after it.`
              : asRoot
                ? 'Remove `sudo`: build steps already run as root here.'
                : 'Use `USER root` for this step instead of `sudo`, then switch back to the non-root user.',
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
  },
};

export default rule;
