import { Rule } from '../../engine/types';
import { copyArgs, isRemoteSource, looksLikeArchive } from '../../analysis/copy-args';

/** Flags COPY does not accept. */
const ADD_ONLY = new Set(['checksum', 'keep-git-dir', 'unpack']);
const GLOB = /[*?[]/;
/** A glob whose file extension rules out an archive, e.g. `*.py`. */
const SAFE_GLOB_EXTENSION = /\.[A-Za-z0-9]+$/;

function plainLocal(value: string): boolean {
  if (value.includes('$') || isRemoteSource(value) || looksLikeArchive(value)) return false;
  if (!GLOB.test(value)) return true;
  const last = value.slice(value.lastIndexOf('/') + 1);
  return SAFE_GLOB_EXTENSION.test(last) && !GLOB.test(last.slice(last.lastIndexOf('.')));
}

const rule: Rule = {
  meta: {
    id: 'add-instead-of-copy',
    scope: 'instruction',
    category: 'size',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3020'] },
    docs: {
      summary: '`ADD` of local files that are not archives.',
      why:
        'ADD does more than copy: it unpacks local tar archives and downloads URLs. Using it for plain files hides that magic where a reader does not expect it, and a file that later becomes a `.tar.gz` silently starts being unpacked. COPY does exactly what it says.',
      bad: 'FROM python:3.13-slim\nADD app.py /app/\n',
      good: 'FROM python:3.13-slim\nCOPY app.py /app/\n',
      fix: 'Replaces the keyword with `COPY`. Safe: for local files that are not archives both copy the same bytes with the same flags. Sources that may be archives (by name, a variable, or a glob that could match one) are not flagged; with an ADD-only flag (`--checksum`, `--keep-git-dir`, `--unpack`) the finding has no fix.',
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      if (instr.keyword !== 'ADD' || instr.stageIndex < 0) continue;
      const { sources, dest } = copyArgs(instr);
      if (!dest || (sources.length === 0 && instr.heredocs.length === 0)) continue;
      if (!sources.every((s) => plainLocal(s.value))) continue;
      const written = ctx.model.text.slice(ctx.model.lines.offsetAt(instr.keywordRange.start), ctx.model.lines.offsetAt(instr.keywordRange.end));
      const copy = written === written.toLowerCase() ? 'copy' : 'COPY';
      const fixable = !instr.flags.some((f) => ADD_ONLY.has(f.name));
      ctx.report({
        range: instr.keywordRange,
        instruction: instr,
        message: 'Use COPY for local files: ADD also unpacks archives and fetches URLs.',
        fixes: fixable ? [{ title: 'Replace ADD with COPY', safe: true, edits: [{ range: instr.keywordRange, newText: copy }] }] : [],
      });
    }
  },
};

export default rule;
