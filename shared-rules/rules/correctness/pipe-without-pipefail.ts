import { runShell } from '../../analysis/run-shell';
import { Fix, Rule } from '../../engine/types';
import { programName } from '../../shell/commands';
import { ShellScript, SimpleCommand } from '../../shell/model';

/** Left sides that cannot fail (or, like `yes`, would fail only because of pipefail). */
const HARMLESS_LEFT = new Set(['echo', 'printf', 'yes', 'true', ':']);

function setsPipefail(cmd: SimpleCommand): boolean {
  if (cmd.name !== 'set') return false;
  const a = cmd.args.map((w) => w.value);
  return a.some((v, i) => v === 'pipefail' && i > 0 && /^-[a-zA-Z]*o$/.test(a[i - 1]));
}

/** The first pipeline whose status could hide a failure, as its `|` command; undefined when pipefail is set first. */
function riskyPipe(script: ShellScript): { bar: SimpleCommand; left: SimpleCommand } | undefined {
  const cmds = script.commands.filter((c) => !c.inSubstitution);
  for (let k = 0; k < cmds.length; k++) {
    const c = cmds[k];
    if (setsPipefail(c)) return undefined;
    if (c.separator !== '|' && c.separator !== '|&') continue;
    let first = k - 1;
    while (first > 0 && (cmds[first].separator === '|' || cmds[first].separator === '|&')) first--;
    let last = k;
    while (last + 1 < cmds.length && (cmds[last + 1].separator === '|' || cmds[last + 1].separator === '|&')) last++;
    const left = cmds.slice(first, last);
    const risky = left.find((l) => !HARMLESS_LEFT.has(programName(l.name)) && /^[\w./-]+$/.test(l.name)) ?? left.find((l) => !HARMLESS_LEFT.has(programName(l.name)));
    if (!risky) {
      k = last;
      continue;
    }
    return { bar: c, left: risky };
  }
  return undefined;
}

const rule: Rule = {
  meta: {
    id: 'pipe-without-pipefail',
    scope: 'stage',
    category: 'correctness',
    severity: 'warning',
    fixable: 'unsafe',
    equivalents: { hadolint: ['DL4006'] },
    docs: {
      summary: 'A RUN with a pipe, without `set -o pipefail` or a pipefail SHELL.',
      why:
        'A pipeline\'s exit status is that of its last command, so `RUN curl -fsSL https://example.com/install.sh | sh` succeeds even when curl fails (sh runs an empty script), and `wget -O- … | tar xz` can leave a half-extracted tree in the image — the build carries on and the failure shows up later, at run time. `set -o pipefail` makes the pipeline fail when any part fails.',
      bad: 'FROM alpine:3.22\nRUN wget -qO- https://example.com/tool.tar.gz | tar -xz -C /opt\n',
      good: 'FROM alpine:3.22\nRUN set -o pipefail && wget -qO- https://example.com/tool.tar.gz | tar -xz -C /opt\n',
      fix: 'Where the shell supports it (bash, or `/bin/sh` on Alpine, BusyBox and the Red Hat family): prefixes the script with `set -o pipefail &&`. On Debian and Ubuntu, whose `/bin/sh` is dash: adds `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN, which also applies to the RUNs after it. Unsafe either way: a pipeline that used to hide a failure now fails the build — which is the point, but it changes what builds.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        const scripts = ctx.scripts(instr);
        if (scripts.all.length === 0) continue;
        const shell = runShell(model, stage, instr);
        if (shell.pipefail) continue;
        for (const script of scripts.all) {
          const found = riskyPipe(script);
          if (!found) continue;
          const pipe = found.bar;
          const top = script.commands.filter((c) => c.index < pipe.index && !c.inSubstitution);
          const prevEnd = top.length ? top[top.length - 1].end : pipe.start;
          const bar = model.text.indexOf('|', prevEnd);
          const at = bar >= 0 && bar < pipe.start ? bar : pipe.start;
          const fixes: Fix[] = [];
          const heredoc = scripts.heredocs.find((h) => h.script === script)?.heredoc;
          if (shell.supportsSetPipefail) {
            if (heredoc?.bodyRange) {
              const body = heredoc.body;
              const line = body.startsWith('#!') ? heredoc.bodyRange.start.line + 1 : heredoc.bodyRange.start.line;
              fixes.push({ title: 'Add `set -o pipefail` to the script', safe: false, edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: 'set -o pipefail\n' }] });
            } else if (!heredoc) {
              const lead = script.source.text.length - script.source.text.trimStart().length;
              const p = model.lines.positionAt(script.source.toDocument(lead));
              fixes.push({ title: 'Prefix the RUN with `set -o pipefail &&`', safe: false, edits: [{ range: { start: p, end: p }, newText: 'set -o pipefail && ' }] });
            }
          } else if (shell.supportsSetPipefail === false && !shell.shell && (shell.family === 'debian' || shell.family === 'ubuntu')) {
            const indent = /^[ \t]*/.exec(model.lines.lineText(instr.startLine))?.[0] ?? '';
            const p = model.lines.positionAt(instr.start);
            fixes.push({ title: 'Run RUNs with bash and pipefail (SHELL)', safe: false, edits: [{ range: { start: p, end: p }, newText: `SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${indent}` }] });
          }
          ctx.report({
            range: model.lines.rangeOf(at, at === bar ? at + 1 : pipe.end),
            instruction: instr,
            message: `Set \`-o pipefail\` for this pipe: without it a failing ${/^[\w.+-]+$/.test(programName(found.left.name)) ? `\`${programName(found.left.name)}\`` : 'command'} before \`|\` does not fail the build.`,
            fixes,
          });
        }
      }
    }
  },
};

export default rule;
