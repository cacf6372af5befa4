import { Rule } from '../../engine/types';
import { imageStages } from '../../model/stages';

/** `22`, `22/tcp`, or a range such as `20-25/tcp` that contains 22. */
function exposesSsh(value: string): boolean {
  const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(value.trim());
  if (!m || (m[3] && m[3].toLowerCase() !== 'tcp')) return false;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return from <= 22 && 22 <= to;
}

const rule: Rule = {
  meta: {
    id: 'expose-ssh',
    scope: 'stage',
    category: 'security',
    severity: 'warning',
    fixable: 'none',
    equivalents: { trivy: ['DS-0004'], checkov: ['CKV_DOCKER_1'] },
    docs: {
      summary: '`EXPOSE 22`: the image advertises an SSH server.',
      why:
        'An SSH daemon in a container is one more long-lived credential store and network service to patch, and it bypasses the runtime\'s own access control. `docker exec` / `kubectl exec` give a shell without it, and copying files works with `docker cp`. Exposing port 22 usually means sshd runs as a second process next to the application.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server && rm -rf /var/lib/apt/lists/*\nEXPOSE 22\nCMD ["/usr/sbin/sshd", "-D"]\n',
      good: 'FROM debian:bookworm-slim\nCOPY app /usr/local/bin/app\nEXPOSE 8080\nCMD ["app"]\n',
      fix: 'None: remove the SSH server and use `docker exec`/`kubectl exec` for access.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    // EXPOSE in a build stage the image does not inherit from is harmless metadata.
    const image = imageStages(model);
    for (const stage of model.stages) {
      if (!image.has(stage.index)) continue;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'EXPOSE') continue;
        for (const arg of instr.args) {
          if (!exposesSsh(arg.value)) continue;
          ctx.report({ range: arg.range, instruction: instr, message: 'Do not expose SSH (port 22): use `docker exec` or `kubectl exec` to get a shell.' });
        }
      }
    }
  },
};

export default rule;
