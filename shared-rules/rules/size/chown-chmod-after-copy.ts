import { Fix, Rule } from '../../engine/types';
import { removeStatementsEdits, Statement, statementOf, statements } from '../../fixes/remove-statements';
import { copyCreations, Creation, stageEffects } from '../../analysis/path-effects';
import { isUnder, resolvePath } from '../../analysis/paths';
import { homeOf, InstrState, stateBefore } from '../../analysis/stage-state';
import { imageStages } from '../../model/stages';
import { DockerfileModel, Instruction, Stage } from '../../model/types';
import { findVariableRefs } from '../../model/variables';
import { invocation, Invocation, parseOptions } from '../../shell/commands';
import { ShellScript } from '../../shell/model';
import { TextEdit } from '../../text/types';

/** Instructions that make no layer: a COPY before them is still "the previous" one. */
const METADATA = new Set(['ENV', 'ARG', 'LABEL', 'EXPOSE', 'USER', 'WORKDIR', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'STOPSIGNAL', 'SHELL', 'ONBUILD', 'MAINTAINER']);
const OCTAL = /^[0-7]{3,4}$/;
const KNOWN_OPTIONS = /^(-[Rfcv]+|--recursive|--silent|--quiet|--changes|--verbose)$/;

interface Change {
  inv: Invocation;
  kind: 'chown' | 'chmod';
  spec: string;
  recursive: boolean;
  /** The COPY/ADD creations the targets are. */
  targets: Creation[];
}

/** A chown/chmod whose every target is a path the COPY/ADD block just created. */
function changeOf(model: DockerfileModel, state: InstrState, inv: Invocation, block: Creation[]): Change | undefined {
  if (inv.program !== 'chown' && inv.program !== 'chmod') return undefined;
  const parsed = parseOptions(inv.args);
  if (parsed.options.some((o) => !KNOWN_OPTIONS.test(o.name))) return undefined;
  const [spec, ...paths] = parsed.positionals;
  if (!spec || paths.length === 0) return undefined;
  const recursive = parsed.options.some((o) => o.name === '--recursive' || (!o.name.startsWith('--') && o.name.includes('R')));
  const targets: Creation[] = [];
  for (const p of paths) {
    if (!p.static) return undefined;
    const abs = resolvePath(state.workdir, p.value, homeOf(state));
    const hit = block.filter((c) => c.path === abs);
    if (hit.length === 0) return undefined;
    targets.push(...hit);
  }
  return { inv, kind: inv.program, spec: spec.static ? spec.value : spec.text, recursive, targets };
}

/** The `--chown`/`--chmod` value, or undefined when the flag would not do what the command did. */
function flagValue(change: Change, state: InstrState): { value: string; safe: boolean } | undefined {
  const { spec } = change;
  if (change.kind === 'chmod') {
    if (OCTAL.test(spec)) return { value: spec, safe: true };
    // Symbolic modes in --chmod need Dockerfile syntax 1.14 or later.
    return /^[ugoa]*[-+=][rwxXst]*(,[ugoa]*[-+=][rwxXst]*)*$/.test(spec) ? { value: spec, safe: false } : undefined;
  }
  const refs = findVariableRefs(spec);
  if (refs.some((r) => !state.vars.has(r.name)) || /[`"'(]/.test(spec)) return undefined;
  const [user, group] = spec.split(/[:.]/, 2);
  if (user === '' || group === '') return undefined;
  // `chown app f` keeps the group root (0); `--chown=app` alone would set the group to app's UID.
  return { value: group === undefined ? `${user}:0` : `${user}:${group}`, safe: true };
}

function flagEdit(copy: Instruction, name: 'chown' | 'chmod', value: string): TextEdit {
  const existing = copy.flags.find((f) => f.name === name);
  if (existing?.valueRange) return { range: existing.valueRange, newText: value };
  const at = copy.keywordRange.end;
  return { range: { start: at, end: at }, newText: ` --${name}=${value}` };
}

/** Whether the directory itself already existed before the COPY: then the flag would leave it as it was. */
function existedBefore(model: DockerfileModel, stage: Stage, copy: Instruction, dir: string): boolean {
  if (stateBefore(model, copy).workdir !== '/' && isUnder(stateBefore(model, copy).workdir, dir)) return true;
  const fx = stageEffects(model, stage);
  return fx.layers.some((l) => l.instr.index < copy.index && l.creations.some((c) => isUnder(dir, c.path) || isUnder(c.path, dir))) || /^\/(usr|etc|var|opt|bin|sbin|lib|home|root|tmp|srv)?(\/(local|share|lib|bin|sbin))?(\/bin)?$/.test(dir);
}

function fixFor(model: DockerfileModel, stage: Stage, instr: Instruction, script: ShellScript, changes: Change[], block: Creation[], state: InstrState): Fix | undefined {
  const sts: Statement[] = [];
  for (const ch of changes) {
    const st = statementOf(script, ch.inv.command);
    if (!st || st.commands.length !== 1) return undefined;
    sts.push(st);
  }
  // Anything before them could have created files the command also changed.
  const all = statements(script);
  const firstOther = all.findIndex((s) => !sts.some((x) => x.start === s.start) && !/^set$/.test(invocation(s.commands[0]).program));
  const lastChange = Math.max(...sts.map((s) => all.findIndex((x) => x.start === s.start)));
  if (firstOther !== -1 && firstOther < lastChange) return undefined;
  const edits: TextEdit[] = [];
  let safe = true;
  const perCopy = new Map<Instruction, Map<'chown' | 'chmod', string>>();
  for (const ch of changes) {
    const flag = flagValue(ch, state);
    if (!flag) return undefined;
    safe &&= flag.safe;
    for (const t of ch.targets) {
      // A directory's contents change only with -R; with it, the directory itself keeps its owner if it existed.
      if (t.copy?.contents) {
        if (!ch.recursive) return undefined;
        if (existedBefore(model, stage, t.instr, t.path)) safe = false;
      }
      const flags = perCopy.get(t.instr) ?? new Map<'chown' | 'chmod', string>();
      if (flags.has(ch.kind) && flags.get(ch.kind) !== flag.value) return undefined;
      flags.set(ch.kind, flag.value);
      perCopy.set(t.instr, flags);
    }
  }
  for (const [copy, flags] of perCopy) {
    // The flag applies to everything the COPY brings: every source must be a target.
    const mine = block.filter((c) => c.instr === copy);
    for (const kind of flags.keys()) {
      if (!mine.every((c) => changes.some((ch) => ch.kind === kind && ch.targets.includes(c)))) return undefined;
    }
    for (const [kind, value] of flags) edits.push(flagEdit(copy, kind, value));
  }
  const remove = removeStatementsEdits(model, instr, script, sts);
  if (!remove) return undefined;
  const what = [...new Set(changes.map((c) => `--${c.kind}`))].join(' and ');
  return { title: `Use COPY ${what} instead of a RUN`, safe, edits: [...edits, ...remove] };
}

const rule: Rule = {
  meta: {
    id: 'chown-chmod-after-copy',
    scope: 'stage',
    mentionsLines: true,
    category: 'size',
    severity: 'warning',
    fixable: 'mixed',
    equivalents: { note: 'None ships it (hadolint#80, open since 2017).' },
    docs: {
      summary: '`RUN chown`/`chmod` on paths the previous COPY/ADD created.',
      why:
        'Changing the owner or mode of a file rewrites the whole file into the new layer, so `COPY . /app` followed by `RUN chown -R app /app` ships every byte of the application twice. `COPY --chown=…` and `--chmod=…` set ownership and mode while copying, in the same layer, at no cost.',
      bad: 'FROM node:22-slim\nCOPY . /app\nRUN chown -R node:node /app\n',
      good: 'FROM node:22-slim\nCOPY --chown=node:node . /app\n',
      fix:
        'Adds `--chown=…`/`--chmod=…` to the COPY/ADD and removes the command (the whole RUN when nothing else is left). `chown user` becomes `--chown=user:0`, because the copied files keep group root while `--chown=user` alone would set the group to the user\'s UID. Safe when the targets are exactly what the COPY created, the command comes first in its RUN and the mode is octal. Unsafe when the target is a destination directory that existed before the COPY (`WORKDIR /app` then `COPY . .`: `chown -R` also changed the directory itself, the flag does not) and for symbolic modes such as `+x`, which `--chmod` accepts only from Dockerfile syntax 1.14. Not offered without `-R` on a directory, when other files of the same COPY would change too, or when the owner comes from a shell variable.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const shipped = imageStages(model);
    for (const stage of model.stages) {
      if (stage.windows || !shipped.has(stage.index)) continue;
      let block: Creation[] = [];
      for (const instr of stage.instructions) {
        if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
          block.push(...copyCreations(model, instr));
          continue;
        }
        if (METADATA.has(instr.keyword)) continue;
        if (instr.keyword !== 'RUN' || block.length === 0) {
          block = [];
          continue;
        }
        const state = stateBefore(model, instr);
        const scripts = ctx.scripts(instr);
        // A RUN that only changes copied files does not end the block: the next one may change more of them.
        let onlyChanges = scripts.all.length > 0;
        for (const script of scripts.all) {
          const changes: Change[] = [];
          let cwdMoved = false;
          for (const cmd of script.commands) {
            if (cmd.inSubstitution) continue;
            const inv = invocation(cmd);
            if (inv.program === 'cd' || inv.program === 'pushd') cwdMoved = true;
            if (cwdMoved || cmd.conditional) continue;
            const ch = changeOf(model, state, inv, block);
            if (ch) changes.push(ch);
          }
          if (statements(script).some((st) => !st.commands.every((c) => changes.some((ch) => ch.inv.command === c)))) onlyChanges = false;
          if (changes.length === 0) continue;
          const fix = script === scripts.main ? fixFor(model, stage, instr, script, changes, block, state) : undefined;
          const first = changes[0];
          const copies = [...new Set(changes.flatMap((c) => c.targets.map((t) => t.instr.startLine + 1)))];
          ctx.report({
            range: first.inv.programWord.range,
            instruction: instr,
            message: `\`${first.kind}\` rewrites what the ${copies.length > 1 ? 'COPYs' : 'COPY'} on line ${copies.join(', ')} just added into a new layer: use \`COPY --${first.kind}=…\` instead.`,
            fixes: fix ? [fix] : [],
          });
        }
        if (!onlyChanges) block = [];
      }
    }
  },
};

export default rule;
