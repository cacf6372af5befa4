import { Fix, Rule } from '../../engine/types';
import { mountTargets } from '../../analysis/path-effects';
import { globBase, isUnder } from '../../analysis/paths';
import { homeOf, stateBefore } from '../../analysis/stage-state';
import { removeWordEdit } from '../../fixes/remove-command';
import { removeStatementsEdits, statementOf } from '../../fixes/remove-statements';
import { Instruction } from '../../model/types';
import { invocation, Invocation, parseOptions } from '../../shell/commands';
import { ShellScript, Word } from '../../shell/model';
import { TextEdit } from '../../text/types';

interface Candidate {
  /** What the cache is for, in the message. */
  tool: string;
  word: Word;
  /** Cache directories to mount; empty = report only. */
  targets: string[];
  extra: string;
  /** Removing the cache-deleting part (flag or command). */
  undo: TextEdit[] | undefined;
}

function flagText(targets: string[], extra: string): string {
  return targets.map((t) => ` --mount=type=cache,target=${t}${extra}`).join('');
}

const APT_LISTS = '/var/lib/apt/lists';

function candidates(instr: Instruction, script: ShellScript, home: string, model: Parameters<typeof removeWordEdit>[0]): Candidate[] {
  const out: Candidate[] = [];
  const invs = script.commands.filter((c) => !c.inSubstitution).map(invocation);
  const sub = (i: Invocation) => parseOptions(i.args).positionals[0]?.value;
  const isApt = (i: Invocation) => i.program === 'apt-get' || i.program === 'apt';
  // pip install --no-cache-dir: the cache could live in a mount instead of being skipped.
  for (const i of invs) {
    if (!/^pip\d*(\.\d+)?$/.test(i.program) || sub(i) !== 'install') continue;
    const flag = i.args.find((a) => a.value === '--no-cache-dir');
    if (!flag) continue;
    const e = removeWordEdit(model, i.command, flag);
    out.push({ tool: 'pip', word: flag, targets: home === '~' ? [] : [`${home}/.cache/pip`], extra: '', undo: e && [e] });
    break;
  }
  if (invs.some((i) => isApt(i) && sub(i) === 'install')) {
    const rm = invs.find((i) => i.program === 'rm' && i.args.some((a) => isUnder(globBase(a.value), APT_LISTS)));
    if (rm) {
      const paths = rm.args.filter((a) => !a.value.startsWith('-'));
      const lists = paths.filter((a) => isUnder(globBase(a.value), APT_LISTS));
      let undo: TextEdit[] | undefined;
      if (lists.length === paths.length) {
        const st = statementOf(script, rm.command);
        undo = st && st.commands.length === 1 ? removeStatementsEdits(model, instr, script, [st]) : undefined;
      } else {
        const edits = lists.map((w) => removeWordEdit(model, rm.command, w));
        undo = edits.every((e): e is TextEdit => e !== undefined) ? edits : undefined;
      }
      out.push({ tool: 'apt', word: lists[0], targets: ['/var/cache/apt', '/var/lib/apt'], extra: ',sharing=locked', undo });
    }
  }
  const cleans: [string, RegExp, string][] = [
    ['npm', /^(ci|install|i)$/, `${home}/.npm`],
    ['yarn', /^(install)$/, home === '/root' ? '/usr/local/share/.cache/yarn' : `${home}/.cache/yarn`],
  ];
  for (const [tool, install, target] of cleans) {
    const clean = invs.find((i) => i.program === tool && i.args[0]?.value === 'cache' && i.args[1]?.value === 'clean');
    const installs = invs.some((i) => i.program === tool && (install.test(sub(i) ?? '') || (tool === 'yarn' && sub(i) === undefined)));
    if (!clean || !installs) continue;
    const st = statementOf(script, clean.command);
    const undo = st && st.commands.length === 1 ? removeStatementsEdits(model, instr, script, [st]) : undefined;
    out.push({ tool, word: clean.args[1], targets: home === '~' ? [] : [target], extra: '', undo });
  }
  const apk = invs.find((i) => i.program === 'apk' && sub(i) === 'add' && i.args.some((a) => a.value === '--no-cache'));
  if (apk) out.push({ tool: 'apk', word: apk.args.find((a) => a.value === '--no-cache') ?? apk.programWord, targets: [], extra: '', undo: undefined });
  return out;
}

const rule: Rule = {
  meta: {
    id: 'prefer-cache-mount',
    scope: 'stage',
    category: 'cache',
    severity: 'hint',
    enabledByDefault: false,
    fixable: 'unsafe',
    equivalents: { note: 'hadolint#1139 (asked, open).' },
    docs: {
      summary: 'Package-manager work that deletes (or skips) its cache could keep it in a `RUN --mount=type=cache` instead.',
      why:
        'Cleaning the cache (`rm -rf /var/lib/apt/lists/*`, `pip --no-cache-dir`, `npm cache clean`) keeps the image small but makes every rebuild download everything again. A BuildKit cache mount keeps the cache outside the image, on the builder, across builds: the layer stays just as small and a rebuild after a version bump only downloads what changed.',
      bad: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask\n',
      good: 'FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
      fix:
        'Adds `--mount=type=cache,target=…` for the manager\'s cache directory (apt: `/var/cache/apt` and `/var/lib/apt` with `sharing=locked`; pip: `~/.cache/pip`; npm: `~/.npm`; Yarn classic: its global cache) and removes the flag or command that deleted the cache. Unsafe: it needs BuildKit, the cache is shared between builds on the same builder, and on Debian/Ubuntu images `/etc/apt/apt.conf.d/docker-clean` still deletes downloaded .debs (remove it in the same RUN to also keep those). For `apk add --no-cache` the finding only points at `--mount=type=cache,target=/etc/apk/cache`: apk needs that directory to use a cache at all. Not offered when the user\'s home directory is unknown.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      if (stage.windows) continue;
      for (const instr of stage.instructions) {
        const main = ctx.scripts(instr).main;
        if (!main || main.hasErrors) continue;
        const mounted = mountTargets(instr);
        const home = homeOf(stateBefore(model, instr));
        for (const c of candidates(instr, main, home, model)) {
          if (c.targets.some((t) => mounted.some((m) => isUnder(t, m)))) continue;
          const at = instr.keywordRange.end;
          const fixes: Fix[] = c.targets.length > 0 && c.undo ? [{ title: `Keep the ${c.tool} cache in a BuildKit cache mount`, safe: false, edits: [{ range: { start: at, end: at }, newText: flagText(c.targets, c.extra) }, ...c.undo] }] : [];
          const where = c.targets.length > 0 ? c.targets.join(' and ') : c.tool === 'apk' ? '/etc/apk/cache' : 'its cache directory';
          ctx.report({
            range: c.word.range,
            instruction: instr,
            message: `The ${c.tool} cache is thrown away here: a \`RUN --mount=type=cache\` on ${where} keeps the layer as small and makes rebuilds faster.`,
            fixes,
          });
        }
      }
    }
  },
};

export default rule;
