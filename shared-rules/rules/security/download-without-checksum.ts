import { Rule } from '../../engine/types';
import { invocation } from '../../shell/commands';
import { Download, downloads, urlFileName, verifiesDownload } from '../../shell/downloads';
import { ShellScript } from '../../shell/model';

const ARCHIVE_OR_BINARY = /\.(tar|tgz|tar\.gz|tar\.xz|txz|tar\.bz2|tbz2?|tar\.zst|tzst|tar\.lz4?|zip|gz|xz|bz2|zst|lz4|7z|rar|deb|rpm|apk|jar|war|ear|whl|egg|exe|msi|bin|run|appimage|dmg|pkg|so|phar|gem|nupkg|vsix|iso|img|crate)$/i;
const BIN_DIR = /^(\/usr(\/local)?)?\/s?bin\/[^/]+$|^\/opt\/[^ ]*\/bin\/[^/]+$/;
const EXTRACTORS = new Set(['tar', 'bsdtar', 'unzip', 'funzip', 'gunzip', 'gzip', 'xz', 'unxz', 'bunzip2', 'bzip2', 'zstd', 'unzstd', 'dpkg', 'rpm', 'cpio', 'jar']);

/** What the download fetches, when it is an archive or a program; undefined for pages, keys, scripts, checksums. */
function fetchedArtifact(d: Download, script: ShellScript): string | undefined {
  // A URL pinned to a commit (`raw/<sha>/…`, `${DIND_COMMIT}`) names immutable content.
  if (d.urls.some((u) => /\b[0-9a-f]{40}\b/.test(u.text) || /\$\{?\w*COMMIT\w*\}?/i.test(u.text))) return undefined;
  const out = d.output?.value.replace(/^["']|["']$/g, '');
  if (out && (ARCHIVE_OR_BINARY.test(out) || BIN_DIR.test(out))) return out;
  for (const url of d.urls) {
    const name = urlFileName(url);
    if (ARCHIVE_OR_BINARY.test(name)) return name;
  }
  if (d.toStdout && d.urls.length > 0) {
    // `curl -fsSL … | tar -xz`: the body is an archive even when the URL does not say so.
    const next = script.commands.find((c) => c.index > d.inv.command.index && !c.inSubstitution);
    if (next && (next.separator === '|' || next.separator === '|&') && EXTRACTORS.has(invocation(next).program)) return urlFileName(d.urls[0]) || 'archive';
  }
  return undefined;
}

const rule: Rule = {
  meta: {
    id: 'download-without-checksum',
    scope: 'instruction',
    category: 'security',
    severity: 'info',
    fixable: 'none',
    equivalents: { note: 'hadolint#282 (open since 2018)' },
    docs: {
      summary: 'curl/wget fetches an archive or a binary and the same RUN verifies no checksum or signature.',
      why:
        'Without verification the image contains whatever the server returned at build time: a compromised mirror, a re-tagged release or a truncated transfer goes straight into the image, and rebuilds are not reproducible. A pinned checksum (`echo "<sha256>  file" | sha256sum -c -`) or a signature check (`gpg --verify`) in the same RUN fails the build instead.',
      bad: 'FROM debian:bookworm-slim\nRUN curl -fsSLo /tmp/tool.tar.gz https://example.com/tool-1.2.tar.gz \\\n && tar -xzf /tmp/tool.tar.gz -C /usr/local/bin && rm /tmp/tool.tar.gz\n',
      good: 'FROM debian:bookworm-slim\nRUN curl -fsSLo /tmp/tool.tar.gz https://example.com/tool-1.2.tar.gz \\\n && echo "4f1c8e2b7d9a0c3e6f5b8a1d2c4e7f9a0b3c6d8e1f2a4b5c7d9e0f1a2b3c4d5e  /tmp/tool.tar.gz" | sha256sum -c - \\\n && tar -xzf /tmp/tool.tar.gz -C /usr/local/bin && rm /tmp/tool.tar.gz\n',
      fix: 'None: add the publisher\'s checksum (`sha256sum -c`) or signature check (`gpg --verify`) after the download.',
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      const scripts = ctx.scripts(instr).all;
      if (scripts.length === 0 || verifiesDownload(scripts)) continue;
      for (const script of scripts) {
        for (const d of downloads(script)) {
          const artifact = fetchedArtifact(d, script);
          if (!artifact) continue;
          ctx.report({
            range: (d.urls[0] ?? d.inv.programWord).range,
            instruction: instr,
            message: `Verify the downloaded \`${artifact}\` in the same RUN (\`sha256sum -c\` or \`gpg --verify\`) before using it.`,
          });
        }
      }
    }
  },
};

export default rule;
