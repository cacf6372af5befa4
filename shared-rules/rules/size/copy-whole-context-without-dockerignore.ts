import { Fix, Rule } from '../../engine/types';
import { normalizeCopySource } from '../../context/copy-sources';
import { detectStack, suggestDockerignore } from '../../context/dockerignore-suggest';
import { DockerfileModel, Instruction } from '../../model/types';

function isContextCopy(instr: Instruction): boolean {
  return (instr.keyword === 'COPY' || instr.keyword === 'ADD') && !instr.flags.some((f) => f.name === 'from') && instr.args.length >= 2;
}

/** Context paths the Dockerfile copies by name: the suggested file must not exclude them. */
function namedSources(model: DockerfileModel): string[] {
  const out: string[] = [];
  for (const i of model.instructions) {
    if (!isContextCopy(i)) continue;
    for (const a of i.args.slice(0, -1)) {
      if (a.value.startsWith('<<') || /^[a-z]+:\/\//i.test(a.value) || a.value.includes('$')) continue;
      if (normalizeCopySource(a.value) !== '.') out.push(a.value);
    }
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: 'copy-whole-context-without-dockerignore',
    category: 'size',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { note: 'None has it.' },
    docs: {
      summary: '`COPY . …` / `ADD . …` when the build context has no `.dockerignore`.',
      why:
        'Without a `.dockerignore`, `COPY .` takes everything in the folder: `.git` (often larger than the code), `node_modules` or `.venv` built for the host, logs, local `.env` files with secrets, the Dockerfile itself. All of it is sent to the builder on every build, lands in the image, and any change to any of it (a commit, an editor swap file) invalidates the cache of this COPY and everything after it.',
      bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json server.js ./\nCMD ["node", "server.js"]\n',
      fix:
        'Creates a `.dockerignore` next to the Dockerfile with entries for the stack detected from the context (version control, Docker files, local secrets, editor files, logs, and e.g. `**/node_modules` for Node or `**/__pycache__`, `.venv` for Python). Entries that would exclude a path the Dockerfile copies by name are left commented out. Safe: it is a new file and only keeps things out that a build does not need. Quiet when the editor cannot tell whether a `.dockerignore` exists.',
    },
  },
  check(ctx) {
    if (ctx.host.hasDockerignore !== false) return;
    const { model } = ctx;
    let fix: Fix | undefined;
    for (const instr of model.instructions) {
      if (!isContextCopy(instr)) continue;
      const whole = instr.args.slice(0, -1).find((a) => normalizeCopySource(a.value) === '.' && !a.value.includes('*') && !a.value.startsWith('<<'));
      if (!whole) continue;
      fix ??= {
        title: 'Create a .dockerignore for this context',
        safe: true,
        edits: [],
        createFiles: [{ path: '.dockerignore', content: suggestDockerignore(detectStack(ctx.host.contextEntries ?? []), { keep: namedSources(model) }) }],
      };
      ctx.report({
        range: whole.range,
        instruction: instr,
        message: `\`${instr.keyword} ${whole.value}\` copies the whole build context and there is no .dockerignore: add one so .git, local dependencies and secrets stay out.`,
        fixes: [fix],
      });
    }
  },
};

export default rule;
