/**
 * Whether a variable name or a literal value looks like a secret. Tuned for
 * precision: public key fingerprints, key ids, checksums, URLs, file paths,
 * switches and placeholders are not secrets, and a rule that cries wolf on
 * `GPG_KEY` gets turned off.
 */

/** `AWS_SECRET_ACCESS_KEY` → aws, secret, access, key; `apiKey` → api, key. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const STRONG = new Set(['password', 'passwd', 'passphrase', 'pwd', 'pword', 'pass', 'secret', 'secrets', 'token', 'apikey', 'apitoken', 'authtoken', 'accesstoken', 'privatekey', 'secretkey', 'credential', 'credentials', 'creds']);
const STRONG_SUFFIX = /^[a-z]+(password|passwd|passphrase|secret|token|apikey)$/;
const PASS_SUFFIX = /^(root|admin|db|user|mysql|pg|postgres|ldap|app|smtp|mail|ftp|redis|sa|vnc|rpc|sql|web|ui)pass$/;
/** Tokens that may follow the secret noun and still name its value: `SECRET_KEY_BASE`, `TOKEN_B64`. */
const VALUE_SUFFIX = new Set(['value', 'val', 'b64', 'base64', 'encoded', 'enc', 'plain', 'plaintext', 'raw', 'str', 'string', 'hex', 'pem', 'data', 'content', 'contents', 'text', 'base']);
/** A name with one of these is a switch or a rule about the secret, not the secret. */
const SWITCH = new Set(['allow', 'empty', 'random', 'generate', 'generated', 'require', 'required', 'skip', 'no', 'disable', 'disabled', 'enable', 'enabled', 'use', 'min', 'max', 'length', 'expire', 'expiry', 'reset', 'change', 'policy', 'check', 'checking', 'verify', 'public', 'pub']);
/** `*_KEY` that are public or not cryptographic at all. */
const PUBLIC_KEY_QUALIFIER = new Set(['gpg', 'pgp', 'gnupg', 'gpgkey', 'repo', 'apt', 'yum', 'rpm', 'apk', 'host', 'cache', 'sort', 'primary', 'foreign', 'partition', 'routing', 'idempotency', 'lookup', 'map', 'dedup', 'keyring']);
/** Personal access tokens: `GITHUB_PAT`. */
const PAT_OWNER = new Set(['github', 'gh', 'gitlab', 'ado', 'azure', 'devops', 'git']);
/** `*_KEY` that are secret by their name. */
const SECRET_KEY_QUALIFIER = new Set(['api', 'secret', 'private', 'priv', 'access', 'license', 'licence', 'encryption', 'encrypt', 'crypt', 'crypto', 'auth', 'client', 'master', 'session', 'app', 'account', 'service', 'shared', 'hmac', 'jwt', 'aes', 'cipher', 'ssh', 'deploy', 'ssl', 'tls', 'rsa', 'ecdsa', 'ed25519', 'cookie', 'storage', 'subscription', 'admin', 'root']);

export type SecretNameStrength = 'strong' | 'weak';

function isStrongToken(t: string): boolean {
  return STRONG.has(t) || STRONG_SUFFIX.test(t) || PASS_SUFFIX.test(t);
}

/**
 * `strong`: the name says it holds a secret (`DB_PASSWORD`, `NPM_TOKEN`,
 * `AWS_SECRET_ACCESS_KEY`); `weak`: it may (`KEY`, `FOO_KEY`, `AUTH`), so only a
 * random-looking value counts; undefined: not a secret name (`GPG_KEY`,
 * `PASSWORD_FILE`, `TOKEN_URL`, `AWS_ACCESS_KEY_ID`, `MYSQL_ALLOW_EMPTY_PASSWORD`).
 */
export function secretNameStrength(name: string): SecretNameStrength | undefined {
  const tokens = nameTokens(name);
  let head = tokens.length - 1;
  while (head >= 0 && VALUE_SUFFIX.has(tokens[head])) head--;
  if (head < 0 || head < tokens.length - 1 && !/^(key|keys|secret|token|password|pass|auth)$/.test(tokens[head])) return undefined;
  const noun = tokens[head];
  const qualifiers = tokens.slice(0, head);
  if (qualifiers.some((q) => SWITCH.has(q))) return undefined;
  if (isStrongToken(noun)) return 'strong';
  if (noun === 'pat') return qualifiers.some((q) => PAT_OWNER.has(q)) ? 'strong' : undefined;
  if (noun === 'key' || noun === 'keys') {
    if (qualifiers.some((q) => SECRET_KEY_QUALIFIER.has(q) || isStrongToken(q))) return 'strong';
    if (qualifiers.some((q) => PUBLIC_KEY_QUALIFIER.has(q))) return undefined;
    return 'weak';
  }
  if (noun === 'auth') return 'weak';
  return undefined;
}

const KNOWN_FORMATS: [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}\b/, 'a GitHub token'],
  [/\bgithub_pat_[A-Za-z0-9_]{22,}/, 'a GitHub token'],
  [/\bglpat-[A-Za-z0-9_-]{20,}/, 'a GitLab token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,}/, 'a Stripe key'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, 'a Google API key'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'an npm token'],
  [/\bsk-(?:proj-|ant-)[A-Za-z0-9_-]{20,}/, 'an API key'],
  [/\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, 'a JSON Web Token'],
  // A password inside a URL's user info; `$VAR` there is a reference, not a literal.
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@$]+:(?![$*])[^\s/@$]+@[^\s/]/i, 'a password in a URL'],
];

/** A literal in a well-known token format, described (`a GitHub token`); undefined otherwise. */
export function knownSecretFormat(value: string): string | undefined {
  for (const [re, what] of KNOWN_FORMATS) if (re.test(value)) return what;
  return undefined;
}

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * A generated-looking literal: 16+ characters of a base64/token alphabet
 * with upper case, lower case and digits mixed and high entropy. Hex digests,
 * fingerprints, versions, words and paths do not qualify.
 */
export function looksRandom(value: string): boolean {
  if (value.length < 16 || !/^[A-Za-z0-9+/=_.~-]+$/.test(value)) return false;
  if (value.startsWith('/') || value.startsWith('.') || /\.[a-z]{2,4}$/.test(value)) return false;
  if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/[0-9]/.test(value) || /^0x[0-9a-f]+$/i.test(value)) return false;
  // Words joined by dashes or dots (`PSDocker-Ubuntu-22.04`) are names, not keys.
  const parts = value.split(/[-_.]/);
  if (parts.length > 1 && parts.every((p) => /^([A-Z]?[a-z]+|[A-Z]+[a-z]*|v?[0-9]+|[a-z]+[0-9]+|)$/.test(p))) return false;
  return entropy(value) >= 3.5;
}

/** Values that are not secrets whatever the name says. */
export function isNonSecretValue(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  // Only variable references: the secret, if any, comes from elsewhere.
  if (/^(\$\{[A-Za-z_][A-Za-z0-9_]*(?:[:?+-][^}]*)?\}|\$[A-Za-z_][A-Za-z0-9_]*)+$/.test(v)) return true;
  if (/^(true|false|yes|no|on|off|0|1|none|null|nil|disabled?|enabled?)$/i.test(v)) return true;
  // A placeholder of one repeated character, or a zero UUID.
  if (/^(.)\1*$/.test(v) || /^[0-]+$/.test(v)) return true;
  // A file path or URL names where the secret lives.
  if (/^(~|\.{0,2})\//.test(v) || /^[A-Za-z]:\\/.test(v) || /^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !knownSecretFormat(v)) return true;
  if (/^[\w.-]+\.(key|pem|crt|cer|p12|pfx|jks|json|txt|env|asc|gpg)$/i.test(v)) return true;
  // Public key material.
  if (/^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-\S+|sk-ssh-\S+) /.test(v) || /-----BEGIN (PGP )?PUBLIC KEY/.test(v)) return true;
  return false;
}
