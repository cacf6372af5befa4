import { Rule } from '../../engine/types';

const rule: Rule = {
  meta: {
    id: 'copy-multiple-sources-dest-not-dir',
    scope: 'instruction',
    category: 'correctness',
    severity: 'error',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3021'], note: 'RJ INVALID_DESTINATION' },
    docs: {
      summary: 'COPY or ADD with several sources whose destination does not end in `/`.',
      why:
        'With more than one source the destination must be a directory, written with a trailing `/`. Without it the builder either stops ("When using COPY with more than one source file, the destination must be a directory and end with a /") or, where it is lenient, the result depends on whether the path already exists in the image.',
      bad: 'FROM node:22-slim\nCOPY package.json package-lock.json /app\n',
      good: 'FROM node:22-slim\nCOPY package.json package-lock.json /app/\n',
      fix: 'Appends `/` to the destination. Safe: it states the only meaning the instruction can have.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const instr of model.instructions) {
      if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.args.length < 3) continue;
      // `--from build` (no `=`) is a syntax error that makes a source of the value: not this rule's business.
      if (instr.flags.some((f) => f.value === undefined && !['link', 'parents', 'keep-git-dir'].includes(f.name))) continue;
      const dest = instr.args[instr.args.length - 1];
      const value = dest.value;
      if (value.includes('$') || /[/\\]$/.test(value) || value === '.' || value === '..') continue;
      const windows = instr.stageIndex >= 0 && model.stages[instr.stageIndex].windows;
      const slash = windows && value.includes('\\') ? '\\' : '/';
      const edit = instr.jsonForm ? { range: { start: { line: dest.range.end.line, character: dest.range.end.character - 1 }, end: { line: dest.range.end.line, character: dest.range.end.character - 1 } }, newText: slash === '\\' ? '\\\\' : '/' } : { range: { start: dest.range.end, end: dest.range.end }, newText: slash };
      ctx.report({
        range: dest.range,
        instruction: instr,
        message: `${instr.keyword} has ${instr.args.length - 1} sources: end the destination with \`${slash}\` to make it a directory.`,
        fixes: [{ title: `Append \`${slash}\` to the destination`, safe: true, edits: [edit] }],
      });
    }
  },
};

export default rule;
