import { Rule } from '../../engine/types';
import { copyArgs, isGitSource } from '../../analysis/copy-args';

const rule: Rule = {
  meta: {
    id: 'add-remote-url',
    scope: 'instruction',
    category: 'size',
    severity: 'warning',
    fixable: 'none',
    equivalents: { trivy: ['DS-0005'], checkov: ['CKV_DOCKER_4'], note: 'DL3020-adjacent (hadolint\'s DL3020 exempts URLs)' },
    docs: {
      summary: '`ADD http(s)://…` without `--checksum`.',
      why:
        'ADD downloads the file at build time with nothing to check it against: a changed or compromised download goes into the image unnoticed, and the builder must fetch it again on every build to see whether it changed. The downloaded file also stays in its own layer, even when the next RUN unpacks it and deletes it. Downloading in a RUN with curl or wget lets you verify a checksum, unpack and delete in one layer; or keep ADD and pin the content with `--checksum=sha256:…`.',
      bad: 'FROM debian:bookworm-slim\nADD https://example.com/tool-1.2.tar.gz /tmp/\n',
      good: 'FROM debian:bookworm-slim\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool-1.2.tar.gz /tmp/\n',
      fix: 'None. The checksum cannot be known without downloading the file, and a placeholder would break the build; a curl/wget RUN needs a downloader the image may not have, and the file\'s mode (ADD writes 0600) and name would change. The message says what to do. Git sources (`ADD https://…/repo.git#ref`) and ADD with `--checksum` are not flagged.',
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      if (instr.keyword !== 'ADD' || instr.stageIndex < 0) continue;
      if (instr.flags.some((f) => f.name === 'checksum')) continue;
      for (const src of copyArgs(instr).sources) {
        if (!/^https?:\/\//i.test(src.value) || isGitSource(src.value)) continue;
        ctx.report({
          range: src.range,
          instruction: instr,
          message: 'Pin this download with `--checksum=sha256:…`, or fetch it with curl/wget in a RUN that verifies, unpacks and deletes it in one layer.',
        });
      }
    }
  },
};

export default rule;
