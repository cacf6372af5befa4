import { Rule } from '../../engine/types';
import { invocation } from '../../shell/commands';

/** passwd options that lock, delete, expire or report instead of setting a password. */
const NOT_SETTING = /^(-[dlueSanwix]+|--(delete|lock|unlock|expire|status|all|keep-tokens|mindays|maxdays|warndays|inactive|root|prefix|repository|quiet)(=.*)?)$/;

const rule: Rule = {
  meta: {
    id: 'chpasswd-in-run',
    scope: 'instruction',
    category: 'security',
    severity: 'warning',
    fixable: 'none',
    equivalents: { checkov: ['CKV2_DOCKER_17'] },
    docs: {
      summary: 'A password set with `chpasswd` or `passwd` in a RUN.',
      why:
        'The password is written in clear text into the Dockerfile, the build log and the image history, and the resulting hash ships in `/etc/shadow` of every container: every copy of the image shares the same known credential. Containers need no login passwords; users that must authenticate should get their credentials at run time (a mounted secret, an entrypoint that reads one).',
      bad: 'FROM debian:bookworm-slim\nRUN useradd -m app && echo "app:changeme" | chpasswd\n',
      good: 'FROM debian:bookworm-slim\nRUN useradd -m app && passwd -l app\n',
      fix: 'None: remove the password; lock the account (`passwd -l`) or provide credentials at run time.',
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      for (const script of ctx.scripts(instr).all) {
        for (const cmd of script.commands) {
          const inv = invocation(cmd);
          if (inv.program === 'chpasswd' || inv.program === 'chgpasswd') {
            ctx.report({ range: inv.programWord.range, instruction: instr, message: `Do not set passwords with \`${inv.program}\` in the image: provide credentials at run time.` });
            continue;
          }
          if (inv.program !== 'passwd') continue;
          // `passwd -l root`, `passwd -d user`: hardening, not a password.
          if (inv.args.some((a) => NOT_SETTING.test(a.value))) continue;
          ctx.report({ range: inv.programWord.range, instruction: instr, message: 'Do not set passwords with `passwd` in the image: lock the account or provide credentials at run time.' });
        }
      }
    }
  },
};

export default rule;
