import { Fix, Rule, RuleContext } from '../../engine/types';
import { imageStages } from '../../model/stages';
import { Instruction, Stage } from '../../model/types';
import { SimpleCommand } from '../../shell/model';

const USES_WORKDIR = new Set(['RUN', 'COPY', 'ADD', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'ONBUILD']);

/**
 * Whether turning `cd` into a WORKDIR leaves every later step of the build
 * unchanged: nothing after the RUN depends on the working directory before
 * the next absolute WORKDIR, and the stage's own WorkingDir ends up in no image.
 */
function workdirChangeInvisible(ctx: RuleContext, stage: Stage, run: Instruction): boolean {
  const { model } = ctx;
  for (const i of stage.instructions) {
    if (i.index <= run.index) continue;
    if (i.keyword === 'WORKDIR') return (i.args[0]?.value ?? '').startsWith('/');
    if (USES_WORKDIR.has(i.keyword)) return false;
  }
  return !imageStages(model).has(stage.index) && !model.stages.some((s) => s.baseStage === stage.index);
}

/** The script leaves or deletes the directory itself later on (a build directory used and cleaned up in one RUN). */
function scopedCd(cd: SimpleCommand, later: readonly SimpleCommand[]): boolean {
  const dir = cd.args[0]?.value.replace(/\/+$/, '') ?? '';
  return later.some((c) => {
    if (c.name === 'cd' || c.name === 'popd') return true;
    if (c.name !== 'rm') return false;
    return c.args.some((a) => {
      const p = a.value.replace(/\/+$/, '');
      return p !== '' && (dir === p || dir.startsWith(p + '/'));
    });
  });
}

function workdirFix(ctx: RuleContext, stage: Stage, instr: Instruction, cd: SimpleCommand, next: SimpleCommand): Fix | undefined {
  const { model } = ctx;
  const dir = cd.args[0];
  if (instr.heredocs.length > 0 || cd.args.length !== 1 || !dir.static || dir.value === '-' || dir.value.startsWith('~') || next.separator !== '&&') return undefined;
  if (cd.redirects.length > 0 || cd.assignments.length > 0 || /\s/.test(dir.value)) return undefined;
  const indent = /^[ \t]*/.exec(model.lines.lineText(instr.startLine))?.[0] ?? '';
  const at = model.lines.positionAt(instr.start);
  return {
    title: `Replace \`cd ${dir.value}\` with WORKDIR`,
    safe: workdirChangeInvisible(ctx, stage, instr),
    edits: [
      { range: { start: at, end: at }, newText: `WORKDIR ${dir.value}\n${indent}` },
      { range: model.lines.rangeOf(cd.start, next.start), newText: '' },
    ],
  };
}

const rule: Rule = {
  meta: {
    id: 'cd-in-run',
    scope: 'stage',
    category: 'correctness',
    severity: 'info',
    fixable: 'mixed',
    equivalents: { hadolint: ['DL3003'], trivy: ['DS-0013'] },
    docs: {
      summary: '`cd` in a RUN to change directory for the commands after it.',
      why:
        'A `cd` lasts only until the end of its RUN, so the next instruction is back in the old directory, a classic source of "file not found" when RUNs are split or reordered; and `cd dir && make` continues in the wrong place if someone turns `&&` into `;`. `WORKDIR` sets the directory for every following instruction, creates it if needed, and shows in the image history.',
      bad: 'FROM node:22-slim\nRUN cd /app && npm install\n',
      good: 'FROM node:22-slim\nWORKDIR /app\nRUN npm install\n',
      fix: 'When the RUN starts with `cd <dir> &&`: moves the directory into a `WORKDIR <dir>` line above the RUN. Safe when nothing later in the stage depends on the working directory (an absolute WORKDIR comes first, or the stage ends and is only copied from); otherwise unsafe, because the later instructions and the image\'s working directory change too.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        const scripts = ctx.scripts(instr);
        for (const script of scripts.all) {
          const top = script.commands.filter((c) => !c.inSubstitution);
          top.forEach((cmd, k) => {
            if (cmd.name !== 'cd' || cmd.conditional || k === top.length - 1) return;
            // `cd "$(mktemp -d)"`, `cd "$dir"`: a computed directory has no WORKDIR equivalent.
            if (cmd.args.length !== 1 || !cmd.args[0].static || scopedCd(cmd, top.slice(k + 1))) return;
            // Only the first `cd` of a script: later ones navigate within it (`cd ..`, `cd /`).
            if (top.slice(0, k).some((c) => c.name === 'cd' || c.name === 'pushd')) return;
            const fix = script === scripts.main && k === 0 && !script.hasErrors ? workdirFix(ctx, stage, instr, cmd, top[k + 1]) : undefined;
            ctx.report({
              range: cmd.nameWord.range,
              instruction: instr,
              message: 'Use WORKDIR to change directory instead of `cd`: the `cd` ends with this RUN.',
              fixes: fix ? [fix] : [],
            });
          });
        }
      }
    }
  },
};

export default rule;
