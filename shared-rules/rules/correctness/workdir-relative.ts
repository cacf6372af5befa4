import { scopeAt } from '../../analysis/variable-scope';
import { stageChain } from '../../model/stages';
import { Rule } from '../../engine/types';
import { unquoteWord } from '../../model/key-values';
import { expandVariables } from '../../model/variables';

function isAbsolute(path: string, windows: boolean): boolean {
  if (path.startsWith('/')) return true;
  return windows && (/^[A-Za-z]:/.test(path) || path.startsWith('\\'));
}

const rule: Rule = {
  meta: {
    id: 'workdir-relative',
    scope: 'stage',
    category: 'correctness',
    severity: 'warning',
    fixable: 'unsafe',
    equivalents: { hadolint: ['DL3000'], buildkit: ['WorkdirRelativePath'] },
    docs: {
      summary: 'A relative WORKDIR with no absolute WORKDIR earlier in the stage.',
      why:
        'A relative WORKDIR is resolved against the working directory of the base image, which the Dockerfile does not control: `WORKDIR app` is `/app` on one base and `/usr/src/app` or `/home/node/app` on another, and changes when the base image does. An absolute path says where files go. BuildKit warns about it (WorkdirRelativePath).',
      bad: 'FROM node:22-slim\nWORKDIR app\nCOPY package.json ./\n',
      good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\n',
      fix: 'Prefixes the path with `/`. Unsafe: if the base image sets a working directory, the files move from below it to the root.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      // Like BuildKit, only the first WORKDIR of a stage (or of the stages it builds on) is checked.
      const earlier = stageChain(model, stage).slice(0, -1).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'));
      if (earlier) continue;
      const first = stage.instructions.find((i) => i.keyword === 'WORKDIR');
      if (!first?.argsRange) continue;
      // WORKDIR takes the rest of the line as one path, quotes processed.
      const range = first.argsRange;
      const raw = model.lines.slice(range);
      let path = unquoteWord(raw, model.escape);
      if (raw.includes('$')) {
        // Expansion and quote removal happen in one pass; with quotes or escapes around variables, stay quiet.
        if (/["'`]/.test(raw) || raw.includes(model.escape)) continue;
        const scope = scopeAt(model, stage, first);
        const exp = expandVariables(raw, (n) => scope.get(n), model.escape);
        // Unknown variables may come from the base image (`$HOME`): stay quiet.
        if (exp.unresolved.length > 0) continue;
        path = exp.value;
      }
      if (path === '' || isAbsolute(path, stage.windows)) continue;
      const absolute = '/' + raw.replace(/^\.\//, '');
      ctx.report({
        range,
        instruction: first,
        message: `Use an absolute WORKDIR (e.g. \`${'/' + path.replace(/^\.\//, '')}\`): a relative one depends on the base image's working directory.`,
        fixes: stage.windows || raw.includes('$') || /^["']/.test(raw) ? [] : [{ title: `Change to \`${absolute}\``, safe: false, edits: [{ range, newText: absolute }] }],
      });
    }
  },
};

export default rule;
