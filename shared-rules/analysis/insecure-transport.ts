import { removeCommandEdit } from '../fixes/remove-command';
import { removeSpanEdit } from '../fixes/remove-text';
import { DockerfileModel, Instruction } from '../model/types';
import { invocation, programName } from '../shell/commands';
import { ShellScript, SimpleCommand, Word } from '../shell/model';
import { aptAssumesYes, aptCalls } from '../shell/package-managers';
import { Range, TextEdit } from '../text/types';

/** One place where TLS, signature or checksum verification is switched off. */
export interface InsecureUse {
  range: Range;
  /** What it is, for the message: "`curl -k`". */
  what: string;
  /** The minimal edit that removes it; undefined when none leaves valid text. */
  edits: TextEdit[] | undefined;
}

/**
 * Whether an environment variable switches verification off, described;
 * undefined when it does not. `value` undefined = declared without a value.
 */
export function insecureVariable(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  const off = /^(0|false|no|off)$/.test(v);
  switch (name) {
    case 'NODE_TLS_REJECT_UNAUTHORIZED':
      return v === '0' ? '`NODE_TLS_REJECT_UNAUTHORIZED=0`' : undefined;
    case 'GIT_SSL_NO_VERIFY':
      // Git only checks whether the variable is set: even `false` disables verification.
      return '`GIT_SSL_NO_VERIFY`';
    case 'PIP_TRUSTED_HOST':
    case 'GOINSECURE':
      return v !== '' ? `\`${name}\`` : undefined;
    case 'GOFLAGS':
      return /(^|\s)-insecure\b/.test(v) ? '`GOFLAGS=-insecure`' : undefined;
    case 'PYTHONHTTPSVERIFY':
      return v === '0' ? '`PYTHONHTTPSVERIFY=0`' : undefined;
    default:
      if (/^(npm_config_strict_ssl|yarn_strict_ssl|yarn_enable_strict_ssl|conda_ssl_verify)$/i.test(name) && off) return `\`${name}=${value.trim()}\``;
      return undefined;
  }
}

function wordAt(model: DockerfileModel, w: Word, from: number, to: number): Range {
  return model.lines.rangeOf(w.start + from, w.start + to);
}

const CURL_SHORT_VALUE = 'oHduAexXwmrTFbcEKyYzCQtP';

class Collector {
  readonly uses: InsecureUse[] = [];
  private readonly seen = new Set<number>();

  constructor(readonly model: DockerfileModel, readonly instr: Instruction, readonly script: ShellScript) {}

  add(word: Word, what: string, edits: TextEdit[] | undefined, range: Range = word.range): void {
    if (this.seen.has(word.start)) return;
    this.seen.add(word.start);
    this.uses.push({ range, what, edits });
  }

  removeWords(first: Word, last: Word = first): TextEdit[] {
    return [removeSpanEdit(this.model, first.start, last.end)];
  }

  removeCommand(cmd: SimpleCommand): TextEdit[] | undefined {
    const e = removeCommandEdit(this.model, this.instr, this.script, cmd);
    return e ? [e] : undefined;
  }
}

function curl(c: Collector, args: readonly Word[]): void {
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    const v = w.value;
    if (v === '--insecure' || v === '--proxy-insecure') {
      c.add(w, `\`curl ${v}\``, c.removeWords(w));
      continue;
    }
    if (!/^-[a-zA-Z0-9#:]+$/.test(v)) continue;
    for (let k = 1; k < v.length; k++) {
      if (v[k] === 'k') {
        const exact = w.text === v;
        const edits = v === '-k' ? c.removeWords(w) : exact ? [{ range: wordAt(c.model, w, k, k + 1), newText: '' }] : undefined;
        c.add(w, '`curl -k`', edits, exact && v !== '-k' ? wordAt(c.model, w, k, k + 1) : w.range);
        break;
      }
      if (CURL_SHORT_VALUE.includes(v[k])) {
        if (k === v.length - 1) i++;
        break;
      }
    }
  }
}

function apt(c: Collector, script: ShellScript, cmd: SimpleCommand): void {
  const call = aptCalls({ ...script, commands: [cmd] })[0];
  if (!call) return;
  const args = call.inv.args;
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    const v = w.value;
    if (v === '--allow-unauthenticated' || v === '--allow-insecure-repositories') c.add(w, `\`${call.tool} ${v}\``, c.removeWords(w));
    else if (v === '--force-yes') {
      // --force-yes also answers prompts: keep that with -y unless another option already does.
      const others = { ...call, options: call.options.filter((o) => o.word !== w) };
      c.add(w, `\`${call.tool} --force-yes\``, aptAssumesYes(others) ? c.removeWords(w) : [{ range: w.range, newText: '-y' }]);
    } else if ((v === '-o' || v === '--option') && args[i + 1] && /AllowUnauthenticated\s*=\s*(1|true|yes)|AllowInsecureRepositories\s*=\s*(1|true|yes)|Verify-(Peer|Host)\s*=\s*(0|false|no)/i.test(args[i + 1].value)) {
      c.add(w, `\`${call.tool} -o ${args[i + 1].value}\``, c.removeWords(w, args[i + 1]), { start: w.range.start, end: args[i + 1].range.end });
      i++;
    }
  }
}

function pip(c: Collector, inv: ReturnType<typeof invocation>, args: readonly Word[], cmd: SimpleCommand): void {
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    const v = w.value;
    if ((v === '--trusted-host' || v === '--allow-insecure-host') && args[i + 1]) {
      c.add(w, `\`${inv.program} ${v}\``, c.removeWords(w, args[i + 1]), { start: w.range.start, end: args[i + 1].range.end });
      i++;
    } else if (v.startsWith('--trusted-host=') || v.startsWith('--allow-insecure-host=')) {
      c.add(w, `\`${inv.program} ${v.slice(0, v.indexOf('='))}\``, c.removeWords(w));
    }
  }
  const [a, b, key] = args.map((x) => x.value);
  if (a === 'config' && b === 'set' && /(^|\.)trusted-host$/.test(key ?? '')) c.add(args[2], '`pip config set trusted-host`', c.removeCommand(cmd));
}

/** `apk add --allow-untrusted /tmp/packages/*.apk`: packages built earlier in the build, not fetched. */
function localPackagesOnly(args: readonly Word[]): boolean {
  const packages = args.filter((a) => !a.value.startsWith('-')).slice(1);
  return packages.length > 0 && packages.every((a) => a.text.replace(/^["']/, '').startsWith('/'));
}

function packageManagers(c: Collector, program: string, args: readonly Word[]): void {
  for (const w of args) {
    const v = w.value;
    if (['yum', 'dnf', 'microdnf', 'tdnf', 'yum-config-manager'].includes(program) && (v === '--nogpgcheck' || /^--setopt=(\S+\.)?(gpgcheck|repo_gpgcheck|sslverify)=(0|false|no|off)$/i.test(v))) c.add(w, `\`${program} ${v}\``, c.removeWords(w));
    else if (program === 'zypper' && (v === '--no-gpg-checks' || v === '--no-gpg-check')) c.add(w, `\`zypper ${v}\``, c.removeWords(w));
    else if (program === 'rpm' && (v === '--nosignature' || v === '--nodigest')) c.add(w, `\`rpm ${v}\``, c.removeWords(w));
    else if (program === 'apk' && v === '--allow-untrusted' && !localPackagesOnly(args)) c.add(w, '`apk --allow-untrusted`', c.removeWords(w));
    else if (program === 'wget' && v === '--no-check-certificate') c.add(w, '`wget --no-check-certificate`', c.removeWords(w));
  }
}

/** `npm config set strict-ssl false`, `git config http.sslVerify false`, `conda config --set ssl_verify no`. */
function configCommands(c: Collector, program: string, args: readonly Word[], cmd: SimpleCommand): void {
  const values = args.map((a) => a.value);
  const off = (v: string | undefined) => /^(0|false|no|off)$/i.test(v ?? '');
  if (['npm', 'yarn', 'pnpm'].includes(program)) {
    const set = values.indexOf('set');
    const key = set === -1 ? undefined : values[set + 1];
    if (key && /^(strict-ssl|enableStrictSsl)(=(false|0|no))?$/i.test(key) && (key.includes('=') || off(values[set + 2]))) {
      c.add(args[set + 1], `\`${program} config set ${key.replace(/=.*/, '')} false\``, c.removeCommand(cmd));
    }
    for (const w of args) if (/^--(strict-ssl=false|no-strict-ssl)$/.test(w.value)) c.add(w, `\`${program} ${w.value}\``, c.removeWords(w));
  }
  if (program === 'git') {
    for (let i = 0; i < args.length; i++) {
      const v = values[i];
      if (v === '-c' && /^http(\..+)?\.sslverify=(false|0|no|off)$/i.test(values[i + 1] ?? '')) {
        c.add(args[i + 1], '`git -c http.sslVerify=false`', c.removeWords(args[i], args[i + 1]));
        i++;
      }
    }
    const k = values.findIndex((v) => /^http(\..+)?\.sslverify$/i.test(v));
    if (values[0] === 'config' && k !== -1 && off(values[k + 1])) c.add(args[k], '`git config http.sslVerify false`', c.removeCommand(cmd));
  }
  if (program === 'conda' || program === 'mamba' || program === 'micromamba') {
    const k = values.findIndex((v) => v === 'ssl_verify');
    if (k !== -1 && off(values[k + 1])) c.add(args[k], `\`${program} config --set ssl_verify false\``, c.removeCommand(cmd));
  }
}

/** `NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci`, `export GIT_SSL_NO_VERIFY=1`, `env PIP_TRUSTED_HOST=x pip …`. */
function assignments(c: Collector, cmd: SimpleCommand, program: string, args: readonly Word[]): void {
  for (const a of cmd.assignments) {
    const what = insecureVariable(a.name, a.value);
    if (what && a.word) c.add(a.word, what, c.removeWords(a.word));
  }
  if (program !== 'export' && program !== 'env' && program !== 'declare') return;
  const assigned = args.filter((w) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value));
  for (const w of assigned) {
    const eq = w.value.indexOf('=');
    const what = insecureVariable(w.value.slice(0, eq), w.value.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2'));
    if (!what) continue;
    const alone = program === 'export' && args.length === 1;
    c.add(w, what, alone ? c.removeCommand(cmd) : c.removeWords(w));
  }
}

/** Any other word that sets `sslverify=false` or `[trusted=yes]` (repo files written with echo, sed, tee…). */
function configText(c: Collector, args: readonly Word[], curlrc: boolean): void {
  for (const w of args) {
    const t = w.text;
    if (/(^|[^a-z_])ssl_?verify\s*=\s*(false|0|no|off)\b/i.test(t)) c.add(w, '`sslverify=false`', undefined);
    // A `file:`/`copy:` repository holds packages built in this build: nothing travels over the network.
    else if (/\[[^\]]*trusted=yes[^\]]*\]/.test(t) && !/\]\s*(file|copy):/.test(t)) c.add(w, 'apt `[trusted=yes]`', undefined);
    else if (/\bcheck_certificate\s*=\s*off\b/.test(t)) c.add(w, 'wget `check_certificate = off`', undefined);
    else if (curlrc && /^(insecure|-k|--insecure)$/.test(w.value.trim())) c.add(w, '`insecure` in .curlrc', undefined);
  }
}

/** Every place in the script where verification is turned off. */
export function insecureShellUses(model: DockerfileModel, instr: Instruction, script: ShellScript): InsecureUse[] {
  const c = new Collector(model, instr, script);
  for (const cmd of script.commands) {
    const inv = invocation(cmd);
    const program = inv.program;
    assignments(c, cmd, programName(cmd.name), cmd.args);
    if (program === 'curl') curl(c, inv.args);
    if (program === 'apt-get' || program === 'apt' || program === 'aptitude') apt(c, script, cmd);
    if (/^pip[0-9.]*$/.test(program) || program === 'uv') pip(c, inv, inv.args, cmd);
    if (/^python[0-9.]*$/.test(program) && inv.args[0]?.value === '-m' && inv.args[1]?.value === 'pip') pip(c, { ...inv, program: 'pip' }, inv.args.slice(2), cmd);
    packageManagers(c, program, inv.args);
    configCommands(c, program, inv.args, cmd);
    const curlrc = (program === 'echo' || program === 'printf') && cmd.redirects.some((r) => /\.curlrc$/.test(r.target?.value ?? ''));
    configText(c, inv.args, curlrc);
  }
  return c.uses;
}
