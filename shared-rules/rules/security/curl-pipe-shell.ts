import { Rule } from '../../engine/types';
import { invocation, Invocation } from '../../shell/commands';
import { ShellScript, SimpleCommand, Word } from '../../shell/model';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'fish']);
const INTERPRETERS = /^(python[0-9.]*|perl|ruby|node|php)$/;
const DOWNLOADERS = new Set(['curl', 'wget']);

/** The interpreter runs code it reads from stdin: `sh`, `bash -s -- x`, `python3 -`. */
function readsStdin(inv: Invocation): boolean {
  const shell = SHELLS.has(inv.program);
  if (!shell && !INTERPRETERS.test(inv.program)) return false;
  for (let i = 0; i < inv.args.length; i++) {
    const v = inv.args[i].value;
    if (v === '-' || v === '/dev/stdin') return true;
    if (v === '--') return shell;
    if (shell && /^-[a-z]*s[a-z]*$/i.test(v) && !v.startsWith('--')) return true;
    if (/^-[a-zA-Z]*[cm][a-zA-Z]*$/.test(v) || v === '--command' || (!shell && /^-[er]$/.test(v))) return false;
    if (!v.startsWith('-') && !v.startsWith('+')) return false;
    // `bash -o pipefail`: the option's value is not a script.
    if (shell && (v === '-o' || v === '+o')) i++;
  }
  return true;
}

function isDownloader(cmd: SimpleCommand): boolean {
  return DOWNLOADERS.has(invocation(cmd).program);
}

/** The downloads whose output reaches `cmd` through the pipeline it ends. */
function pipedDownload(commands: readonly SimpleCommand[], cmd: SimpleCommand): boolean {
  let k = cmd.index;
  let current = cmd;
  while (current.separator === '|' || current.separator === '|&') {
    // The previous member, skipping commands nested in its arguments.
    let j = k - 1;
    while (j >= 0 && commands[j].inSubstitution && !current.inSubstitution) j--;
    if (j < 0) return false;
    for (let m = j; m < k; m++) if (isDownloader(commands[m])) return true;
    k = j;
    current = commands[j];
  }
  return false;
}

/** `sh -c "$(curl …)"`, `bash <(curl …)`, `eval "$(wget -qO- …)"`, `source <(curl …)`. */
function substitutedDownload(commands: readonly SimpleCommand[], inv: Invocation): boolean {
  let code: Word[] = [];
  if (inv.program === 'eval') code = inv.args;
  else if (inv.program === 'source' || inv.program === '.') code = inv.args.slice(0, 1);
  else if (SHELLS.has(inv.program) || INTERPRETERS.test(inv.program)) {
    const codeFlag = SHELLS.has(inv.program) ? /^-[a-zA-Z]*c$/ : /^-[cer]$/;
    const c = inv.args.findIndex((a) => codeFlag.test(a.value));
    if (c !== -1 && inv.args[c + 1]) code = [inv.args[c + 1]];
    else {
      const first = inv.args.find((a) => !a.value.startsWith('-'));
      if (first && first.text.startsWith('<(')) code = [first];
    }
  }
  return code.some((w) => commands.some((d) => d.inSubstitution && d.start >= w.start && d.end <= w.end && isDownloader(d)));
}

function check(script: ShellScript, report: (w: Word, program: string) => void): void {
  for (const cmd of script.commands) {
    const inv = invocation(cmd);
    if ((pipedDownload(script.commands, cmd) && readsStdin(inv)) || substitutedDownload(script.commands, inv)) report(inv.programWord, inv.program);
  }
}

const rule: Rule = {
  meta: {
    id: 'curl-pipe-shell',
    scope: 'instruction',
    category: 'security',
    severity: 'warning',
    fixable: 'none',
    equivalents: { note: 'none directly' },
    docs: {
      summary: 'A download piped straight into a shell or interpreter: `curl … | sh`, `wget -O- … | bash`, `sh -c "$(curl …)"`.',
      why:
        'The build runs, as root, whatever the server (or anyone between you and it) sends at that moment: nothing is pinned, nothing is verified, and a truncated download runs half a script. The same URL can serve different content to `curl | sh` than to a browser. Download to a file, check a published checksum or signature, then run it.',
      bad: 'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/install.sh | sh\n',
      good: 'FROM debian:bookworm-slim\nARG INSTALL_SHA256=4f1c8e2b7d9a0c3e6f5b8a1d2c4e7f9a0b3c6d8e1f2a4b5c7d9e0f1a2b3c4d5e\nRUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n && echo "${INSTALL_SHA256}  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh && rm /tmp/install.sh\n',
      fix: 'None: download to a file, verify it (`sha256sum -c`, `gpg --verify`), then run it.',
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      for (const script of ctx.scripts(instr).all) {
        check(script, (word, program) => ctx.report({
          range: word.range,
          instruction: instr,
          message: `Do not pipe a download into \`${program}\`: save it to a file, verify its checksum or signature, then run it.`,
        }));
      }
    }
  },
};

export default rule;
