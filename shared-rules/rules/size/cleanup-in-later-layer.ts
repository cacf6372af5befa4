import { Fix, Report, Rule } from '../../engine/types';
import { appendCommandEdit } from '../../fixes/append-command';
import { removeStatementsEdits, Statement, statementOf, statementText } from '../../fixes/remove-statements';
import { FinalChainMemo } from '../../analysis/final-chain-memo';
import { contextPathOf, LaterDeletion, stageEffects, StageEffects } from '../../analysis/path-effects';
import { commandsMayUse, MovedDeletion } from '../../analysis/path-use';
import { globBase, isUnder, resolvePath } from '../../analysis/paths';
import { Tool } from '../../analysis/run-effects';
import { finalStage } from '../../model/stages';
import { DockerfileModel, Instruction } from '../../model/types';
import { runScripts } from '../../shell/run-scripts';

const ARCHIVE = /\.(tar|tgz|tbz2?|txz|zip|gz|bz2|xz|zst|7z)$/i;

function shown(path: string): string {
  return path.startsWith('pkg:') ? `package ${path.slice(path.indexOf('/') + 1)}` : path;
}

/** The RUN script (command line or heredoc) an event came from. */
function scriptOf(model: DockerfileModel, instr: Instruction, start: number) {
  return runScripts(model, instr).all.find((s) => s.commands.some((c) => c.start === start));
}

/** Moves the deleting statements into the RUN that created the paths. */
function moveFix(model: DockerfileModel, fx: StageEffects, group: LaterDeletion[]): Fix | undefined {
  const { instr, creation } = group[0];
  const creator = creation.instr;
  const deleting = group[0].deletion.script;
  if (group.some((d) => d.deletion.script !== deleting) || !creation.event) return undefined;
  const sts: Statement[] = [];
  for (const d of group) {
    const st = statementOf(deleting, d.deletion.command);
    if (!st) return undefined;
    if (!sts.some((s) => s.start === st.start)) sts.push(st);
  }
  sts.sort((a, b) => a.start - b.start);
  const deleterLayer = fx.layers.find((l) => l.instr === instr);
  const creatorLayer = fx.layers.find((l) => l.instr === creator);
  if (!deleterLayer || !creatorLayer) return undefined;
  // Every event of the moved statements must be one of this group's deletions, in words that mean the same there.
  const inMoved = (start: number) => sts.some((s) => s.start <= start && start < s.end);
  const movedEvents = deleterLayer.events.filter((e) => inMoved(e.command.start));
  if (movedEvents.some((e) => e.kind !== 'delete' || !group.some((d) => d.deletion === e) || !e.portable)) return undefined;
  if (sts.some((s) => s.commands.some((c) => [c.nameWord, ...c.args].some((w) => !w.static)))) return undefined;
  if (movedEvents.some((e) => e.relative && (creatorLayer.endCwd === undefined || resolvePath(creatorLayer.endCwd, e.word.value) !== e.path))) return undefined;
  const texts = sts.map((s) => statementText(model, s));
  if (texts.some((t) => t === undefined)) return undefined;
  const target = scriptOf(model, creator, creation.event.command.start);
  if (!target) return undefined;
  const append = appendCommandEdit(model, creator, target, texts.join(' && '));
  const remove = removeStatementsEdits(model, instr, deleting, sts);
  if (!append || !remove) return undefined;
  // Safe only when nothing between the two places could still need what is deleted.
  const moved: MovedDeletion = { paths: group.map((d) => d.deletion.path), tools: new Set(group.flatMap((d) => [d.deletion.tool, d.creation.tool]).filter((t): t is Tool => t !== undefined)) };
  let safe = true;
  for (const layer of fx.layers) {
    if (layer.instr.index <= creator.index || layer.instr.index > instr.index) continue;
    if (layer.instr === instr) {
      const before = runScripts(model, instr).all.flatMap((s) => s.commands).filter((c) => !inMoved(c.start) && (c.start < sts[0].start || deleting !== scriptOf(model, instr, c.start)));
      if (commandsMayUse(moved, before, layer.events.filter((e) => !inMoved(e.command.start)))) safe = false;
    } else if (layer.instr.keyword === 'RUN') {
      if (commandsMayUse(moved, runScripts(model, layer.instr).all.flatMap((s) => s.commands), layer.events)) safe = false;
    } else if (layer.creations.some((c) => moved.paths.some((p) => isUnder(c.path, globBase(p)) || isUnder(globBase(p), c.path)))) safe = false;
  }
  const line = creator.startLine + 1;
  return { title: `Delete in the RUN on line ${line} instead`, safe, edits: [append, ...remove] };
}

function dockerignoreFix(group: LaterDeletion[]): Fix | undefined {
  const paths = group.map((d) => contextPathOf(d.deletion.path, d.creation));
  if (paths.some((p) => p === undefined || p === '' || p === '.')) return undefined;
  const unique = [...new Set(paths as string[])];
  return {
    title: `Add ${unique.map((p) => `\`${p}\``).join(', ')} to .dockerignore`,
    safe: false,
    edits: [],
    createFiles: [{ path: '.dockerignore', content: unique.join('\n') + '\n' }],
  };
}

/** The findings: the final stage's deletions of what an earlier layer of it (or of a stage it builds FROM) created. */
function findings(model: DockerfileModel, report: (r: Report) => void): void {
  const stage = finalStage(model);
  if (!stage || stage.windows) return;
  const fx = stageEffects(model, stage);
  const groups = new Map<string, LaterDeletion[]>();
  for (const d of fx.laterDeletions) {
    // Remote ADDs and copied archives have rules of their own (add-remote-url, archive-copied-then-extracted).
    if (d.creation.copy && (/^[a-z]+:\/\//i.test(d.creation.copy.source) || ARCHIVE.test(d.creation.copy.source))) continue;
    const key = `${d.instr.index}:${d.creation.instr.index}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  for (const group of groups.values()) {
    const { instr, deletion, creation } = group[0];
    const line = creation.instr.startLine + 1;
    const what = [...new Set(group.map((d) => `\`${shown(d.deletion.path)}\``))].join(', ');
    if (creation.instr.keyword === 'RUN') {
      const fix = moveFix(model, fx, group);
      report({
        range: deletion.word.range,
        instruction: instr,
        message: `${what} ${group.length > 1 ? 'were' : 'was'} created by the RUN on line ${line}: delete ${group.length > 1 ? 'them' : 'it'} in that RUN, a later layer only hides the bytes.`,
        fixes: fix ? [fix] : [],
      });
    } else if (group.every((d) => d.creation.copy?.contents && d.deletion.path !== d.creation.path)) {
      const fix = creation.copy?.from === undefined ? dockerignoreFix(group) : undefined;
      report({
        range: deletion.word.range,
        instruction: instr,
        message: `${what} came in with the ${creation.instr.keyword} on line ${line}: keep it out of what is copied (.dockerignore or a narrower source), a later layer only hides the bytes.`,
        fixes: fix ? [fix] : [],
      });
    } else {
      report({
        range: deletion.word.range,
        instruction: instr,
        message: `${what} ${group.length > 1 ? 'are' : 'is'} copied by the ${creation.instr.keyword} on line ${line} only to be deleted: use ${group.length > 1 ? 'them' : 'it'} from a bind mount (\`RUN --mount=type=bind,…\`) instead, a later layer only hides the bytes.`,
      });
    }
  }
}

// Messages and fix titles name the creating RUN's line.
const memo = new FinalChainMemo(true);

const rule: Rule = {
  meta: {
    id: 'cleanup-in-later-layer',
    category: 'size',
    severity: 'warning',
    fixable: 'mixed',
    equivalents: { note: 'None has it (seed: "deleting them in a later layer just hides them").' },
    docs: {
      summary: 'A RUN deletes paths or packages that an earlier layer created or copied: the bytes stay in the earlier layer.',
      why:
        'Image layers only add: a file deleted by a later RUN is hidden by a "whiteout" entry, but its bytes are still in the layer that created it, and every pull downloads them. `RUN apt-get update` followed by `RUN rm -rf /var/lib/apt/lists/*` ships the ~20 MB index anyway; `RUN apt-get purge gcc` in a later layer makes the image bigger, not smaller. Cleaning up in the same RUN that created the files, or not copying them in at all, is what saves the space.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      fix:
        'When the earlier layer is a RUN: appends the deletion to that RUN and removes it from the later one (the whole later RUN when nothing else is left). Safe when nothing in between (nor earlier in the deleting RUN) could use what is deleted — no command of the same package manager, no mention of the path, and no package removal across other RUNs; otherwise offered as unsafe. When the earlier layer is a COPY/ADD of a directory: offers adding the paths to `.dockerignore` (unsafe: something else may need them). Deleting what the same RUN created is the right thing and is not flagged; only the stages that end up in the image are checked.',
    },
  },
  check(ctx) {
    memo.run(ctx, (report) => findings(ctx.model, report));
  },
};

export default rule;
