import { Rule } from '../../engine/types';
import { Range } from '../../text/types';

/** Flags only BuildKit's Dockerfile frontend understands, per instruction. */
const BUILDKIT_FLAGS: Record<string, readonly string[]> = {
  RUN: ['mount', 'network', 'security'],
  COPY: ['chmod', 'link', 'exclude', 'parents'],
  ADD: ['chmod', 'link', 'exclude', 'parents', 'checksum', 'keep-git-dir'],
};

const rule: Rule = {
  meta: {
    id: 'missing-syntax-directive',
    category: 'cache',
    severity: 'hint',
    enabledByDefault: false,
    fixable: 'safe',
    equivalents: { note: 'BuildKit discussion: pin the frontend when using its features.' },
    docs: {
      summary: 'BuildKit-only features (`--mount`, heredocs, `--chmod`, `--link`, `--exclude`, `--parents`) without a `# syntax=` directive.',
      why:
        'Without `# syntax=`, the Dockerfile is parsed by whatever frontend is built into the builder that happens to run it: an older Docker, the legacy builder or another tool may reject `RUN --mount`, heredocs or `COPY --link`, or silently lack a newer flag. `# syntax=docker/dockerfile:1` makes BuildKit fetch the current stable 1.x frontend, so the features work the same on every machine and CI runner.',
      bad: 'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt apt-get update\n',
      good: '# syntax=docker/dockerfile:1\nFROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt apt-get update\n',
      fix: 'Inserts `# syntax=docker/dockerfile:1` as the first line. Safe: it selects the stable 1.x frontend, which understands everything older frontends do.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    if (model.directives.some((d) => d.name === 'syntax')) return;
    const found: { range: Range; what: string }[] = [];
    for (const instr of model.instructions) {
      for (const x of [instr, ...(instr.trigger ? [instr.trigger] : [])]) {
        for (const f of x.flags) if (BUILDKIT_FLAGS[x.keyword]?.includes(f.name)) found.push({ range: f.nameRange, what: `\`${x.keyword} --${f.name}\`` });
      }
      if (instr.heredocs.length > 0) found.push({ range: instr.heredocs[0].markerRange, what: 'heredocs' });
    }
    if (found.length === 0) return;
    const first = found[0];
    const what = [...new Set(found.map((f) => f.what))];
    ctx.report({
      range: first.range,
      message: `BuildKit-only features (${what.slice(0, 3).join(', ')}${what.length > 3 ? ', …' : ''}) without a syntax directive: add \`# syntax=docker/dockerfile:1\` as the first line.`,
      fixes: [{ title: 'Add `# syntax=docker/dockerfile:1`', safe: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# syntax=docker/dockerfile:1\n' }] }],
    });
  },
};

export default rule;
