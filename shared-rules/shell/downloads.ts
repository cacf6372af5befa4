import { Invocation, invocation } from './commands';
import { DocWord } from './doc-nodes';
import { ShellScript, SimpleCommand, Word } from './model';

/** One curl or wget call. */
export interface Download {
  inv: Invocation;
  tool: 'curl' | 'wget';
  urls: Word[];
  /** `-o file` (curl) / `-O file` (wget); undefined when none. */
  output: Word | undefined;
  /** The body goes to stdout (`curl` without -o/-O, `wget -O -`). */
  toStdout: boolean;
}

/** curl short options that take a value; in a cluster (`-fsSLo out`) the value follows. */
const CURL_SHORT_VALUE = 'oHduAexXwmrTFbcEKyYzCQtP';
const CURL_LONG_VALUE = new Set([
  '--output', '--header', '--data', '--data-binary', '--data-raw', '--data-urlencode', '--data-ascii', '--json', '--user', '--user-agent', '--referer', '--proxy', '--proxy-user',
  '--request', '--write-out', '--max-time', '--connect-timeout', '--retry', '--retry-delay', '--retry-max-time', '--range', '--upload-file', '--form', '--form-string',
  '--cookie', '--cookie-jar', '--cert', '--cert-type', '--cacert', '--capath', '--key', '--key-type', '--config', '--limit-rate', '--speed-limit', '--speed-time',
  '--time-cond', '--resolve', '--connect-to', '--interface', '--output-dir', '--create-file-mode', '--proto', '--proto-redir', '--proto-default', '--ciphers', '--dns-servers',
  '--max-filesize', '--keepalive-time', '--continue-at', '--oauth2-bearer', '--netrc-file', '--unix-socket', '--abstract-unix-socket', '--variable', '--url', '--max-redirs',
  '--trace', '--trace-ascii', '--stderr', '--dump-header', '--etag-save', '--etag-compare', '--pinnedpubkey', '--retry-all-errors-x', '--aws-sigv4', '--hostpubmd5', '--hostpubsha256',
]);
const WGET_SHORT_VALUE = 'OoPUtTeiawQlARDXIB';
const WGET_LONG_VALUE = new Set([
  '--output-document', '--output-file', '--directory-prefix', '--user-agent', '--header', '--tries', '--timeout', '--user', '--password', '--http-user', '--http-password',
  '--execute', '--input-file', '--append-output', '--wait', '--quota', '--post-data', '--post-file', '--ca-certificate', '--ca-directory', '--certificate', '--private-key',
  '--level', '--accept', '--reject', '--domains', '--exclude-directories', '--include-directories', '--base', '--limit-rate', '--dns-timeout', '--connect-timeout', '--read-timeout',
  '--method', '--body-data', '--body-file', '--referer', '--save-cookies', '--load-cookies', '--progress', '--secure-protocol', '--bind-address', '--max-redirect',
]);

function parseDownload(inv: Invocation, tool: 'curl' | 'wget'): Download {
  const shortValue = tool === 'curl' ? CURL_SHORT_VALUE : WGET_SHORT_VALUE;
  const longValue = tool === 'curl' ? CURL_LONG_VALUE : WGET_LONG_VALUE;
  const outShort = tool === 'curl' ? 'o' : 'O';
  const outLong = tool === 'curl' ? '--output' : '--output-document';
  const urls: Word[] = [];
  let output: Word | undefined;
  let remoteName = false;
  let stdoutOut = false;
  const args = inv.args;
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    const v = w.value;
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const name = eq === -1 ? v : v.slice(0, eq);
      let value: Word | undefined;
      if (eq !== -1) value = DocWord.of(w).retexted(v.slice(eq + 1), v.slice(eq + 1));
      else if (longValue.has(name)) value = args[++i];
      if (name === '--remote-name' || name === '--remote-name-all') remoteName = true;
      if (name === outLong && value) {
        if (value.value === '-') stdoutOut = true;
        else output = value;
      }
      if (name === '--url' && value) urls.push(value);
      continue;
    }
    if (v.startsWith('-') && v.length > 1) {
      for (let k = 1; k < v.length; k++) {
        const c = v[k];
        if (tool === 'curl' && c === 'O') remoteName = true;
        if (!shortValue.includes(c)) continue;
        const attached = v.slice(k + 1);
        const value: Word | undefined = attached ? DocWord.of(w).retexted(attached, attached) : args[++i];
        if (c === outShort && value) {
          if (value.value === '-') stdoutOut = true;
          else output = value;
        }
        break;
      }
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^["']?(https?|ftps?):\/\//i.test(w.text)) urls.push(w);
  }
  const toStdout = stdoutOut || (tool === 'curl' && !output && !remoteName);
  return { inv, tool, urls, output, toStdout };
}

/** The curl/wget calls of a script, wrappers such as `sudo` unwrapped. */
export function downloads(script: ShellScript): Download[] {
  const out: Download[] = [];
  for (const cmd of script.commands) {
    const inv = invocation(cmd);
    if (inv.program === 'curl' || inv.program === 'wget') out.push(parseDownload(inv, inv.program));
  }
  return out;
}

export function downloadOf(cmd: SimpleCommand): Download | undefined {
  const inv = invocation(cmd);
  return inv.program === 'curl' || inv.program === 'wget' ? parseDownload(inv, inv.program) : undefined;
}

/** `https://x/y/file.tar.gz?sig=1` → `file.tar.gz`. */
export function urlBaseName(url: string): string {
  const path = url.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The file name in a URL word, as urlBaseName; quotes and variables kept out of the way. */
export function urlFileName(word: Word): string {
  return urlBaseName(word.text.replace(/^["']|["']$/g, ''));
}

const HASH_TOOLS = new Set(['sha1sum', 'sha224sum', 'sha256sum', 'sha384sum', 'sha512sum', 'md5sum', 'b2sum', 'b3sum', 'shasum', 'cksum', 'rhash', 'gpgv', 'gpgv2', 'minisign', 'signify', 'slsa-verifier', 'sigstore', 'sha3sum']);

/** The script checks a checksum or a signature: `sha256sum -c`, `gpg --verify`, `cosign verify-blob` … */
export function verifiesDownload(scripts: readonly ShellScript[]): boolean {
  return scripts.some((script) => script.commands.some((cmd) => {
    const inv = invocation(cmd);
    const p = inv.program;
    if (HASH_TOOLS.has(p)) return true;
    const words = inv.args.map((a) => a.value);
    if ((p === 'gpg' || p === 'gpg2') && words.some((w) => w === '--verify' || w === '--verify-files')) return true;
    if (p === 'openssl' && words.some((w) => /^(dgst|sha\d*|md5)$/.test(w))) return true;
    if (p === 'cosign' && words.some((w) => w.startsWith('verify'))) return true;
    if (p === 'rpm' && words.some((w) => w === '-K' || w === '--checksig')) return true;
    return false;
  }));
}
