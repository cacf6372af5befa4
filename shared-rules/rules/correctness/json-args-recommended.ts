import { Rule } from '../../engine/types';
import { shellFormScript } from '../../shell/run-scripts';

/** Characters that make a word mean something to the shell beyond its text. */
const SHELL_META = /[*?[~{}$`]/;

const rule: Rule = {
  meta: {
    id: 'json-args-recommended',
    scope: 'instruction',
    category: 'correctness',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'] },
    docs: {
      summary: 'CMD or ENTRYPOINT in shell form.',
      why:
        'In shell form the command runs as `/bin/sh -c "…"`: PID 1 is the shell, which does not forward SIGTERM, so `docker stop` waits its 10-second timeout and then kills your process without a clean shutdown. Exec (JSON) form runs the program directly as PID 1.',
      bad: 'FROM python:3.13-slim\nCMD python -m http.server 8000\n',
      good: 'FROM python:3.13-slim\nCMD ["python", "-m", "http.server", "8000"]\n',
      fix: 'Rewrites the arguments as a JSON array when the command is one plain program call (no variables, globs, pipes, redirections or `&&`). Safe: the same program gets the same arguments. Commands that need a shell are left for you to decide.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const instr of model.instructions) {
      if ((instr.keyword !== 'CMD' && instr.keyword !== 'ENTRYPOINT') || instr.jsonForm || !instr.argsRange) continue;
      const script = shellFormScript(model, instr);
      let fixes;
      if (script && !script.hasErrors && !script.hasComment && script.commands.length === 1) {
        const cmd = script.commands[0];
        const words = [cmd.nameWord, ...cmd.args];
        const plain = cmd.assignments.length === 0 && cmd.redirects.length === 0 && cmd.name !== '' && words.every((w) => w.static && !(w.text === w.value && SHELL_META.test(w.text)));
        if (plain) fixes = [{ title: 'Convert to exec (JSON) form', safe: true, edits: [{ range: instr.argsRange, newText: JSON.stringify(words.map((w) => w.value)).replace(/","/g, '", "') }] }];
      }
      ctx.report({
        range: instr.argsRange,
        instruction: instr,
        message: `Use exec (JSON) form for ${instr.keyword} so the program is PID 1 and receives signals.`,
        fixes,
      });
    }
  },
};

export default rule;
