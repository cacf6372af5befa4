/**
 * The value grammars BuildKit checks while it turns the parsed Dockerfile into
 * instructions: Go durations (HEALTHCHECK), signals (STOPSIGNAL) and platform
 * specifiers (FROM --platform). Each returns an error message, or undefined
 * when the value is accepted.
 */

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds, with its error messages. */
export function parseGoDuration(s: string): { ms: number } | { error: string } {
  const orig = s;
  let rest = s;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return { ms: 0 };
  if (rest === '') return { error: `time: invalid duration "${orig}"` };
  let total = 0;
  while (rest !== '') {
    const num = /^([0-9]*)(\.[0-9]*)?/.exec(rest);
    const digits = num ? num[0] : '';
    if (digits === '' || digits === '.') return { error: `time: invalid duration "${orig}"` };
    rest = rest.slice(digits.length);
    const unit = /^[^0-9.]*/.exec(rest)?.[0] ?? '';
    if (unit === '') return { error: `time: missing unit in duration "${orig}"` };
    const factor = UNITS[unit];
    if (factor === undefined) return { error: `time: unknown unit "${unit}" in duration "${orig}"` };
    total += Number(digits) * factor;
    rest = rest.slice(unit.length);
  }
  return { ms: sign * total };
}

/** HEALTHCHECK --interval and friends: a duration that is 0 or at least 1ms. */
export function checkHealthcheckDuration(flag: string, value: string): string | undefined {
  if (value === '' || value.includes('$')) return undefined;
  const d = parseGoDuration(value);
  if ('error' in d) return d.error;
  if (d.ms !== 0 && d.ms < 1) return `Interval "${flag}" cannot be less than 1ms`;
  return undefined;
}

const SIGNALS = new Set([
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL', 'PROF', 'PWR', 'QUIT',
  'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'UNUSED', 'URG', 'USR1', 'USR2', 'VTALRM', 'WINCH', 'XCPU', 'XFSZ',
  'RTMIN', 'RTMAX',
]);

/** moby's signal.ParseSignal on Linux: a positive number or a name, `SIG` prefix optional, any case. */
export function checkSignal(value: string): string | undefined {
  if (value.includes('$')) return undefined;
  if (/^[0-9]+$/.test(value)) return Number(value) === 0 || Number(value) > 0xffffffff ? `Invalid signal: ${value}` : undefined;
  const name = value.toUpperCase().replace(/^SIG/, '');
  if (SIGNALS.has(name)) return undefined;
  const rt = /^RTMIN\+([0-9]+)$/.exec(name) ?? /^RTMAX-([0-9]+)$/.exec(name);
  if (rt && Number(rt[1]) >= 1 && Number(rt[1]) <= 15) return undefined;
  return `Invalid signal: ${value}`;
}

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);
const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le',
  'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm',
  // containerd normalizes these aliases.
  'i386', 'i486', 'i586', 'i686', 'x86_64', 'x86-64', 'aarch64', 'armhf', 'armel',
]);

/** containerd's platforms.Parse: `os[/arch[/variant]]`, or a lone OS or architecture. */
export function checkPlatform(value: string): string | undefined {
  if (value === '' || value.includes('$')) return undefined;
  const parts = value.toLowerCase().split('/');
  const bad = `"${value}": unknown operating system or architecture: use os/arch[/variant], e.g. linux/amd64`;
  if (parts.length > 3 || parts.some((p) => !/^[a-z0-9_.-]+$/.test(p))) return `"${value}": invalid platform specifier: use os/arch[/variant], e.g. linux/amd64`;
  if (parts.length === 1) return KNOWN_OS.has(parts[0]) || KNOWN_ARCH.has(parts[0]) ? undefined : bad;
  return KNOWN_OS.has(parts[0]) && KNOWN_ARCH.has(parts[1]) ? undefined : bad;
}
