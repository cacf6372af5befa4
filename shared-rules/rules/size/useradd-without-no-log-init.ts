import { Rule } from '../../engine/types';
import { shellScripts } from '../../engine/walk';
import { invocation, parseOptions } from '../../shell/commands';

/** useradd options that take a value. */
const VALUE_OPTIONS = new Set(['-b', '--base-dir', '-c', '--comment', '-d', '--home-dir', '-e', '--expiredate', '-f', '--inactive', '-g', '--gid', '-G', '--groups', '-k', '--skel', '-K', '--key', '-p', '--password', '-P', '--prefix', '-R', '--root', '-s', '--shell', '-u', '--uid', '-Z', '--selinux-user', '--btrfs-subvolume-home']);

/**
 * Above the default UID_MAX (60000) the lastlog file is already ~17 MB: each
 * uid below the new one gets a 292-byte record, and image layers do not keep
 * sparse files sparse.
 */
const LARGE_UID = 60000;

function uidOf(options: { name: string; word: { value: string }; value: string | undefined }[]): string | undefined {
  for (const o of options) {
    if (o.name === '-u' || o.name === '--uid') return o.value;
    if (/^-u\d+$/.test(o.name)) return o.name.slice(2);
  }
  return undefined;
}

function megabytes(bytes: number): string {
  return bytes >= 1e9 ? `${Math.round(bytes / 1e9)} GB` : `${Math.max(1, Math.round(bytes / 1e6))} MB`;
}

const rule: Rule = {
  meta: {
    id: 'useradd-without-no-log-init',
    scope: 'stage',
    category: 'size',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3046'] },
    docs: {
      summary: '`useradd` with a large UID but without `-l`/`--no-log-init`.',
      why:
        '`useradd` reserves a record for the new user in `/var/log/lastlog` and `/var/log/faillog`, at the offset of its UID. On disk the file is sparse, but image layers store it in full: UID 100000 adds ~29 MB, a UID like 1000000000 (common on OpenShift) hundreds of GB, and the build runs out of disk. `-l` skips these logs, which no container reads.',
      bad: 'FROM debian:bookworm-slim\nRUN useradd -u 100000 app\nUSER app\n',
      good: 'FROM debian:bookworm-slim\nRUN useradd -l -u 100000 app\nUSER app\n',
      fix: 'Inserts `-l` after `useradd`. Safe: only the login records are skipped. Flags UIDs above 60000 (the default UID_MAX, ~17 MB of lastlog); UIDs given by a variable are not flagged.',
    },
  },
  check(ctx) {
    for (const { instr, script } of shellScripts(ctx)) {
      for (const cmd of script.commands) {
        const inv = invocation(cmd);
        if (inv.program !== 'useradd') continue;
        const { options } = parseOptions(inv.args, VALUE_OPTIONS);
        if (options.some((o) => o.name === '--no-log-init' || (!o.name.startsWith('--') && !/^-u/.test(o.name) && o.name.slice(1).includes('l')))) continue;
        const uid = uidOf(options);
        if (uid === undefined || !/^\d+$/.test(uid) || Number(uid) <= LARGE_UID) continue;
        const at = inv.programWord.range.end;
        ctx.report({
          range: inv.programWord.range,
          instruction: instr,
          message: `Add \`-l\` (\`--no-log-init\`) to \`useradd\`: with UID ${uid} the lastlog file alone adds ~${megabytes(Number(uid) * 292)} to the layer.`,
          fixes: [{ title: 'Add -l (--no-log-init)', safe: true, edits: [{ range: { start: at, end: at }, newText: ' -l' }] }],
        });
      }
    }
  },
};

export default rule;
