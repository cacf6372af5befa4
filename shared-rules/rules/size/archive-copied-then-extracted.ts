import { Fix, Rule } from '../../engine/types';
import { copyArgs } from '../../analysis/copy-args';
import { baseName, joinPath } from '../../analysis/paths';
import { workdirAt } from '../../analysis/stage-env';
import { imageStages } from '../../model/stages';
import { Arg, DockerfileModel, Instruction } from '../../model/types';
import { invocation } from '../../shell/commands';
import { extractions, Extraction } from '../../shell/extract';
import { ShellScript, SimpleCommand } from '../../shell/model';

const ARCHIVE_NAME = /\.(tar(\.(gz|bz2|xz|zst|lz4|lzma))?|tgz|tbz2?|txz|tzst|zip)$/i;
/** What ADD unpacks by itself. */
const ADD_UNPACKS = /\.(tar(\.(gz|bz2|xz))?|tgz|tbz2?|txz)$/i;
/** tar option clusters the ADD rewrite can reproduce: extract, verbose, decompress, file, permissions. */
const PLAIN_TAR_CLUSTER = /^-?[xvzjJfp]+$/;

/** Directory each top-level command runs in, following `cd`; undefined once a `cd` is not static. */
function directories(script: ShellScript, start: string | undefined): Map<SimpleCommand, string | undefined> {
  const out = new Map<SimpleCommand, string | undefined>();
  let dir = start;
  for (const cmd of script.commands) {
    out.set(cmd, dir);
    if (cmd.name !== 'cd' || cmd.inSubstitution) continue;
    const target = cmd.args[0];
    dir = target && target.static && dir !== undefined && !target.value.startsWith('-') && !target.value.startsWith('~') ? joinPath(dir, target.value) : undefined;
  }
  return out;
}

interface Match {
  run: Instruction;
  script: ShellScript;
  extraction: Extraction;
  dir: string | undefined;
  /** The archive's path as the extraction names it, when it resolves. */
  path: string | undefined;
}

function findExtraction(ctx: { scripts(i: Instruction): { all: ShellScript[] } }, model: DockerfileModel, later: Instruction[], candidates: string[]): Match | undefined {
  const names = new Set(candidates.map(baseName));
  for (const run of later) {
    for (const script of ctx.scripts(run).all) {
      const dirs = directories(script, workdirAt(model, run));
      for (const cmd of script.commands) {
        const dir = dirs.get(cmd);
        const found = extractions({ ...script, commands: [cmd] }, (w) => {
          if (!w.static || !names.has(baseName(w.value))) return false;
          return dir === undefined && !w.value.startsWith('/') ? true : candidates.includes(joinPath(dir ?? '/', w.value));
        });
        if (found.length === 0) continue;
        const a = found[0].archive.value.replace(/^--file=/, '');
        const path = dir === undefined && !a.startsWith('/') ? undefined : joinPath(dir ?? '/', a);
        return { run, script, extraction: found[0], dir, path };
      }
    }
  }
  return undefined;
}

/** `COPY x.tar.gz /tmp/` + `RUN tar -xzf /tmp/x.tar.gz -C /opt [&& rm /tmp/x.tar.gz]` → `ADD x.tar.gz /opt/`. */
function addFix(model: DockerfileModel, copy: Instruction, dest: Arg, src: Arg, m: Match, archivePath: string): Fix | undefined {
  if (copy.flags.length > 0 || copy.jsonForm || m.extraction.tool !== 'tar' || !ADD_UNPACKS.test(src.value)) return undefined;
  const stage = model.stages[copy.stageIndex];
  const next = stage.instructions[stage.instructions.indexOf(copy) + 1];
  if (next !== m.run || m.run.heredocs.length > 0 || m.script.hasComment || m.script.hasErrors) return undefined;
  let target = m.dir;
  const args = m.extraction.inv.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (args[i] === m.extraction.archive || v === `--file=${m.extraction.archive.value}`) continue;
    if (v === '-C' || v === '--directory') {
      const d = args[++i];
      if (!d?.static || target === undefined) return undefined;
      target = joinPath(target, d.value);
    } else if (v.startsWith('--directory=') && target !== undefined) target = joinPath(target, v.slice('--directory='.length));
    else if (!PLAIN_TAR_CLUSTER.test(v)) return undefined;
  }
  if (target === undefined) return undefined;
  // Every command of the RUN must be the extraction, deleting the archive, or creating the target.
  for (const cmd of m.script.commands) {
    if (cmd === m.extraction.inv.command) continue;
    const inv = invocation(cmd);
    const paths = inv.args.filter((a) => !a.value.startsWith('-'));
    if (cmd.inSubstitution || cmd.redirects.length > 0 || paths.length === 0) return undefined;
    const dir = m.dir ?? '/';
    if (inv.program === 'rm' && paths.every((a) => a.static && joinPath(dir, a.value) === archivePath)) continue;
    if (inv.program === 'mkdir' && paths.every((a) => a.static && joinPath(dir, a.value) === target)) continue;
    return undefined;
  }
  const keyword = model.text.slice(copy.start, model.lines.offsetAt(copy.keywordRange.end));
  const add = keyword === keyword.toLowerCase() ? 'add' : 'ADD';
  const runStart = model.lines.lineStart(m.run.startLine);
  if (m.run.endLine + 1 >= model.lines.lineCount) return undefined;
  const runEnd = model.lines.lineStart(m.run.endLine + 1);
  return {
    title: `Use ADD to unpack into ${target === '/' ? '/' : target + '/'} and drop the RUN`,
    safe: false,
    edits: [
      { range: copy.keywordRange, newText: add },
      { range: dest.range, newText: target === '/' ? '/' : `${target}/` },
      { range: model.lines.rangeOf(runStart, runEnd), newText: '' },
    ],
  };
}

const rule: Rule = {
  meta: {
    id: 'archive-copied-then-extracted',
    scope: 'stage',
    category: 'size',
    severity: 'info',
    fixable: 'unsafe',
    equivalents: { hadolint: ['DL3010'] },
    docs: {
      summary: 'An archive is COPY\'d into the image and then extracted by a later RUN.',
      why:
        'The COPY puts the archive in its own layer; the RUN that unpacks it (and perhaps deletes it) adds the unpacked files in another. Deleting the archive later does not remove it from the earlier layer, so the image carries both the packed and the unpacked bytes. `ADD` unpacks a local tar archive in one step, and downloading, unpacking and deleting in one RUN keeps only the result.',
      bad: 'FROM debian:bookworm-slim\nCOPY tool.tar.gz /tmp/\nRUN tar -xzf /tmp/tool.tar.gz -C /opt && rm /tmp/tool.tar.gz\n',
      good: 'FROM debian:bookworm-slim\nADD tool.tar.gz /opt/\n',
      fix: 'For the simple shape — one tar archive, a COPY without flags, the next RUN doing only the extraction (`tar -x[vzjJfp] <archive> [-C dir]`), `rm` of the archive and `mkdir` of the target — rewrites the COPY as `ADD <archive> <dir>/` and removes the RUN. Unsafe: ADD unpacks every member with the archive\'s own owners and permissions, which may differ from what your tar options did. Zip files, `--strip-components` and RUNs that do more get no fix.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const shipped = imageStages(model);
    for (const stage of model.stages) {
      if (stage.windows || !shipped.has(stage.index)) continue;
      stage.instructions.forEach((instr, k) => {
        if (instr.keyword !== 'COPY') return;
        const { sources, dest } = copyArgs(instr);
        const wd = workdirAt(model, instr);
        if (!dest || dest.value.includes('$') || wd === undefined) return;
        const destPath = joinPath(wd, dest.value);
        for (const src of sources) {
          if (/[*?[$]/.test(src.value) || !ARCHIVE_NAME.test(src.value)) continue;
          const name = baseName(src.value);
          const intoDir = dest.value.endsWith('/') || sources.length > 1;
          const candidates = intoDir ? [joinPath(destPath, name)] : ARCHIVE_NAME.test(dest.value) ? [destPath] : [destPath, joinPath(destPath, name)];
          const m = findExtraction(ctx, model, stage.instructions.slice(k + 1), candidates);
          if (!m) continue;
          const fix = m.path ? addFix(model, instr, dest, src, m, m.path) : undefined;
          ctx.report({
            range: src.range,
            instruction: instr,
            message: `\`${name}\` is copied, then unpacked on line ${m.run.startLine + 1}: the archive stays in this layer. Use ADD to unpack it, or download, unpack and delete it in one RUN.`,
            fixes: fix ? [fix] : [],
          });
        }
      });
    }
  },
};

export default rule;
