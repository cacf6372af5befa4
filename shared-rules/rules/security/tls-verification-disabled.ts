import { Rule } from '../../engine/types';
import { insecureShellUses, insecureVariable } from '../../analysis/insecure-transport';
import { removeInstructionEdit, removeSpanEdit } from '../../fixes/remove-text';
import { keyValuePairs } from '../../model/key-values';

const rule: Rule = {
  meta: {
    id: 'tls-verification-disabled',
    scope: 'instruction',
    category: 'security',
    severity: 'warning',
    fixable: 'unsafe',
    equivalents: { checkov: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_15', 'CKV2_DOCKER_16', 'CKV2_DOCKER_18'] },
    docs: {
      summary: 'TLS certificate, package signature or checksum verification switched off: `curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `GIT_SSL_NO_VERIFY`, `npm config set strict-ssl false`, `apk --allow-untrusted`, `apt-get --allow-unauthenticated`/`--force-yes`, `yum/dnf --nogpgcheck`, `rpm --nosignature`, `sslverify=false`, `GOINSECURE`.',
      why:
        'With verification off, anyone on the network path (a compromised proxy, a hijacked DNS entry, a hostile Wi-Fi during a local build) can replace what the build downloads, and the image ships their code with root privileges. Set in ENV, the switch also stays on in every container started from the image. The usual reason — a corporate proxy that re-signs TLS — is solved by adding its CA certificate (`COPY corp-ca.crt /usr/local/share/ca-certificates/` + `update-ca-certificates`), not by turning checks off.',
      bad: 'FROM debian:bookworm-slim\nRUN curl -kfsSLo /tmp/app.deb https://example.com/app.deb\n',
      good: 'FROM debian:bookworm-slim\nRUN curl -fsSLo /tmp/app.deb https://example.com/app.deb\n',
      fix: 'Removes the flag, option or variable with a minimal edit (`-kfsSL` → `-fsSL`; `--force-yes` becomes `-y` when nothing else answers the prompt; an ENV pair or a `config set` command goes entirely). Unsafe: behind a TLS-intercepting proxy the build fails until its CA is installed. Text written into repository or rc files (`sslverify=0`, `[trusted=yes]`) is reported without a fix.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const instr of model.instructions) {
      if (instr.keyword === 'ENV' || instr.keyword === 'ARG') {
        const pairs = keyValuePairs(model, instr);
        for (const pair of pairs) {
          const what = insecureVariable(pair.name, pair.value);
          if (!what) continue;
          const edit = pairs.length === 1 ? removeInstructionEdit(model, instr) : removeSpanEdit(model, pair.start, pair.end);
          ctx.report({
            range: pair.range,
            instruction: instr,
            message: `${what} turns off certificate or signature verification: remove it (install the proxy's CA certificate if one is needed).`,
            fixes: [{ title: `Remove ${pair.name}`, safe: false, edits: [edit] }],
          });
        }
        continue;
      }
      if (instr.keyword !== 'RUN') continue;
      for (const script of ctx.scripts(instr).all) {
        for (const use of insecureShellUses(model, instr, script)) {
          ctx.report({
            range: use.range,
            instruction: instr,
            message: `${use.what} turns off certificate or signature verification: remove it (install the proxy's CA certificate if one is needed).`,
            fixes: use.edits ? [{ title: `Remove ${use.what.replace(/`/g, '')}`, safe: false, edits: use.edits }] : [],
          });
        }
      }
    }
  },
};

export default rule;
