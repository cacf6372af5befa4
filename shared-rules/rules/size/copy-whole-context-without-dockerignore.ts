import { Fix, Rule } from '../../engine/types';
import { suggestedDockerignore, wholeContextSource } from '../../analysis/dockerignore';
import { formatBytes } from '../../layer-cost/format';

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
      const whole = wholeContextSource(instr);
      if (!whole) continue;
      const content = suggestedDockerignore(model, ctx.host.contextEntries ?? []);
      // The host measures the COPY with and without the suggested file, off the request path.
      const sources = instr.args.slice(0, -1).map((a) => a.value);
      const now = ctx.host.contextSize?.(sources);
      const after = ctx.host.contextSizeWithIgnore?.(sources, content);
      const shrink = now && after && after.bytes < now.bytes ? ` (COPY shrinks from ${formatBytes(now.bytes)} to ${formatBytes(after.bytes)})` : '';
      fix ??= {
        title: `Create a .dockerignore for this context${shrink}`,
        safe: true,
        edits: [],
        createFiles: [{ path: '.dockerignore', content }],
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
