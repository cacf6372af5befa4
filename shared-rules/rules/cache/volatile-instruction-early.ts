import { Fix, Rule } from '../../engine/types';
import { normalizeCopySource } from '../../context/copy-sources';
import { DockerfileModel, Instruction } from '../../model/types';
import { findVariableRefs } from '../../model/variables';
import { invocation, parseOptions } from '../../shell/commands';
import { runScripts } from '../../shell/run-scripts';
import { TextEdit } from '../../text/types';

/** Build arguments whose value changes with every build or commit. */
const VOLATILE_ARG = /(^|_)(BUILD_?(DATE|TIME|TIMESTAMP|NUMBER|ID)|GIT_?(COMMIT|SHA|REF|HASH|REVISION)|COMMIT(_?(SHA|HASH|ID))?|VCS_?REF|SOURCE_?COMMIT|REVISION|CACHE_?BUST(ER)?|TIMESTAMP)$/i;
/** Source folders that change with every edit. */
const SOURCE_DIRS = /^(src|app|lib|source|sources|cmd|pkg|internal)$/;
/** A RUN may jump over these: they neither change its environment nor its filesystem. */
const RUN_MAY_PASS = new Set(['LABEL', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'STOPSIGNAL']);
const PACKAGE_PROGRAMS = new Set(['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'tdnf', 'zypper', 'set']);

interface Volatile {
  instr: Instruction;
  /** Names it defines (ARG). */
  names: string[];
  range: Instruction['keywordRange'];
  what: string;
}

function volatileOf(instr: Instruction): Volatile | undefined {
  if (instr.keyword === 'ARG') {
    const names = instr.args.map((a) => a.value.split('=')[0]).filter((n) => VOLATILE_ARG.test(n));
    const arg = instr.args.find((a) => VOLATILE_ARG.test(a.value.split('=')[0]));
    return arg ? { instr, names, range: arg.range, what: `ARG ${names[0]}` } : undefined;
  }
  if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.flags.some((f) => f.name === 'from') || instr.args.length < 2 || instr.jsonForm) return undefined;
  const src = instr.args.slice(0, -1).find((a) => {
    const n = normalizeCopySource(a.value);
    return !a.value.startsWith('<<') && !a.value.includes('://') && (n === '.' || SOURCE_DIRS.test(n));
  });
  return src ? { instr, names: [], range: src.range, what: `${instr.keyword} ${src.value}` } : undefined;
}

function referencedNames(model: DockerfileModel, instr: Instruction): Set<string> {
  const text = model.text.slice(instr.start, instr.end);
  return new Set(findVariableRefs(text, model.escape).map((r) => r.name));
}

function definedNames(instr: Instruction): string[] {
  if (instr.keyword !== 'ARG' && instr.keyword !== 'ENV') return [];
  if (instr.keyword === 'ENV' && instr.args.length >= 2 && !instr.args[0].value.includes('=')) return [instr.args[0].value];
  return instr.args.map((a) => a.value.split('=')[0]);
}

/** A RUN that only installs system packages by name: it reads nothing a COPY brings. */
function isPackageInstall(model: DockerfileModel, instr: Instruction): boolean {
  if (instr.keyword !== 'RUN' || instr.jsonForm || instr.heredocs.length > 0 || instr.flags.length > 0) return false;
  const main = runScripts(model, instr).main;
  if (!main || main.hasErrors || main.commands.length === 0) return false;
  let installs = false;
  for (const c of main.commands) {
    if (c.inSubstitution || c.redirects.length > 0) return false;
    const inv = invocation(c);
    if (inv.program === 'rm') {
      if (!inv.args.every((a) => a.value.startsWith('-') || /^\/(var\/lib\/apt\/lists|var\/cache|tmp)\b/.test(a.value))) return false;
      continue;
    }
    if (!PACKAGE_PROGRAMS.has(inv.program)) return false;
    // Only package names: no local .deb/.rpm files or paths.
    const pos = parseOptions(inv.args).positionals;
    if (pos.some((a) => a.value.includes('/') || /\.(deb|rpm|apk)$/.test(a.value))) return false;
    if (pos.some((a) => /^(install|add)$/.test(a.value))) installs = true;
  }
  return installs;
}

/** Whether `cand` can move above every instruction in `skipped` without changing what any of them does. */
function canJump(model: DockerfileModel, cand: Instruction, skipped: Instruction[], v: Volatile): boolean {
  const refs = referencedNames(model, cand);
  const defs = definedNames(cand);
  for (const s of skipped) {
    if (definedNames(s).some((n) => refs.has(n) || defs.includes(n))) return false;
    if (defs.length > 0 && [...referencedNames(model, s)].some((n) => defs.includes(n))) return false;
    if (cand.keyword === 'ENV' && s.keyword === 'RUN') return false;
    if (cand.keyword === 'RUN' && s !== v.instr && !RUN_MAY_PASS.has(s.keyword)) return false;
  }
  return true;
}

function fullLines(model: DockerfileModel, instr: Instruction): { start: number; end: number } {
  const start = model.lines.lineStart(instr.startLine);
  const end = instr.endLine + 1 < model.lines.lineCount ? model.lines.lineStart(instr.endLine + 1) : model.text.length;
  return { start, end };
}

function moveFix(model: DockerfileModel, v: Volatile, moved: Instruction[]): Fix {
  let top = v.instr.startLine;
  while (top > 0 && /^\s*#/.test(model.lines.lineText(top - 1)) && !model.directives.some((d) => d.range.start.line === top - 1)) top--;
  const at = { line: top, character: 0 };
  const texts = moved.map((m) => {
    const { start, end } = fullLines(model, m);
    const t = model.text.slice(start, end);
    return t.endsWith('\n') ? t : `${t}\n`;
  });
  const edits: TextEdit[] = [{ range: { start: at, end: at }, newText: texts.join('') }];
  for (const m of moved) {
    const { start, end } = fullLines(model, m);
    // The last line of the file has no line break of its own: take the one before it.
    const from = end === model.text.length && !model.text.endsWith('\n') ? Math.max(0, start - 1) : start;
    edits.push({ range: model.lines.rangeOf(from, end), newText: '' });
  }
  return { title: `Move ${moved.length} instruction${moved.length > 1 ? 's' : ''} above \`${v.what}\``, safe: true, edits };
}

const rule: Rule = {
  meta: {
    id: 'volatile-instruction-early',
    scope: 'stage',
    mentionsLines: true,
    category: 'cache',
    severity: 'info',
    fixable: 'safe',
    equivalents: { note: 'None has it.' },
    docs: {
      summary: 'An instruction that changes often (COPY of the sources, an ARG with a build-specific value) sits above package installs (and ENV/LABEL/EXPOSE) that do not depend on it.',
      why:
        'Once one instruction misses the build cache, every instruction after it is rebuilt. A `COPY . .` changes with every edit and an `ARG GIT_COMMIT` with every commit (build arguments are part of every later RUN\'s cache key), so a package install placed after them re-downloads its packages on each build although nothing it uses changed. Moved above, it stays cached.',
      bad: 'FROM debian:bookworm-slim\nWORKDIR /app\nCOPY . .\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nCMD ["./run.sh"]\n',
      good: 'FROM debian:bookworm-slim\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nCOPY . .\nCMD ["./run.sh"]\n',
      fix:
        'Moves the independent instructions, in their order, right above the volatile one (above its comment lines). An instruction moves only when it references no variable that the instructions it jumps over define, defines nothing they reference, and — for a RUN — jumps over nothing but the volatile instruction and metadata (LABEL, EXPOSE, CMD …), never over another RUN, COPY, ENV, ARG, USER or WORKDIR; an ENV never jumps over a RUN. Only RUNs that install system packages by name count as independent; the rule fires when at least one such RUN can move. Safe under those conditions.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      if (stage.windows) continue;
      const list = stage.instructions;
      for (let i = 0; i < list.length; i++) {
        const v = volatileOf(list[i]);
        if (!v) continue;
        const skipped: Instruction[] = [v.instr];
        const moved: Instruction[] = [];
        for (const cand of list.slice(i + 1)) {
          const kindOk = cand.keyword === 'ENV' || cand.keyword === 'LABEL' || cand.keyword === 'EXPOSE' || isPackageInstall(model, cand);
          if (kindOk && canJump(model, cand, skipped, v)) moved.push(cand);
          else skipped.push(cand);
        }
        const runs = moved.filter((m) => m.keyword === 'RUN');
        if (runs.length === 0) continue;
        ctx.report({
          range: v.range,
          instruction: v.instr,
          message: `\`${v.what}\` changes often and sits above ${moved.length === 1 ? 'an instruction' : `${moved.length} instructions`} that do${moved.length === 1 ? 'es' : ''} not depend on it (RUN on line ${runs.map((r) => r.startLine + 1).join(', ')}): move ${moved.length === 1 ? 'it' : 'them'} above so ${moved.length === 1 ? 'it stays' : 'they stay'} cached.`,
          fixes: [moveFix(model, v, moved)],
        });
        // One finding per stage: after the fix, the next volatile instruction is judged afresh.
        break;
      }
    }
  },
};

export default rule;
