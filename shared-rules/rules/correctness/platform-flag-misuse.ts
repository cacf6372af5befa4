import { Rule } from '../../engine/types';
import { removeSpanEdit } from '../../fixes/remove-text';

const OSES = new Set(['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'android', 'ios', 'js', 'wasip1']);
const ARCH_ALIASES: Record<string, string> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm', i386: '386', i686: '386', x86: '386' };

/** os and architecture of a constant platform string, normalised like containerd's platforms.Parse. */
function parsePlatform(value: string): { os: string; arch: string } | undefined {
  const parts = value.toLowerCase().split('/');
  if (parts.length > 3 || parts.some((p) => !/^[a-z0-9_.-]+$/.test(p))) return undefined;
  const norm = (a: string) => ARCH_ALIASES[a] ?? (/^armv\d/.test(a) ? 'arm' : a);
  if (parts.length === 1) return OSES.has(parts[0]) ? { os: parts[0], arch: 'amd64' } : { os: 'linux', arch: norm(parts[0]) };
  return { os: parts[0], arch: norm(parts[1]) };
}

const rule: Rule = {
  meta: {
    id: 'platform-flag-misuse',
    scope: 'stage',
    category: 'correctness',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3029', 'DL3065'], buildkit: ['RedundantTargetPlatform', 'FromPlatformFlagConstDisallowed'] },
    docs: {
      summary: '`FROM --platform=$TARGETPLATFORM` (redundant) or `FROM --platform=<constant>`.',
      why:
        'A stage is built for the target platform anyway, so `--platform=$TARGETPLATFORM` only adds noise (RedundantTargetPlatform). A constant such as `--platform=linux/amd64` pins the stage to one architecture: `docker build --platform linux/arm64` then quietly produces amd64 binaries, or an image that fails with "exec format error" (FromPlatformFlagConstDisallowed). Use `$BUILDPLATFORM` for stages that cross-compile, and choose the target with `docker build --platform`. A constant is accepted when the stage name says which platform it is for (`AS build-amd64`).',
      bad: 'FROM --platform=$TARGETPLATFORM alpine:3.22\nRUN uname -m\n',
      good: 'FROM alpine:3.22\nRUN uname -m\n',
      fix: 'For `$TARGETPLATFORM`: removes the flag. Safe: the stage is built for the same platform. A constant platform has no automatic fix.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const flag = stage.platform;
      if (!flag || flag.value === undefined) continue;
      const value = flag.value;
      if (/^\$(\{TARGETPLATFORM\}|TARGETPLATFORM)$/.test(value)) {
        ctx.report({
          range: flag.range,
          instruction: stage.from,
          tags: ['unnecessary'],
          message: 'Remove `--platform=$TARGETPLATFORM`: stages are built for the target platform anyway.',
          fixes: [{ title: 'Remove the redundant --platform flag', safe: true, edits: [removeSpanEdit(model, model.lines.offsetAt(flag.range.start), model.lines.offsetAt(flag.range.end))] }],
        });
        continue;
      }
      if (value.includes('$')) continue;
      const p = parsePlatform(value);
      if (!p) continue;
      const name = stage.name ?? '';
      if (name.includes(p.os) || name.includes(p.arch)) continue;
      ctx.report({
        range: flag.range,
        instruction: stage.from,
        message: `Avoid the constant \`--platform=${value}\`: use \`$BUILDPLATFORM\` for build stages and pass \`--platform\` to docker build.`,
      });
    }
  },
};

export default rule;
