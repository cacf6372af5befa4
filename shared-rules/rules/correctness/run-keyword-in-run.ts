import { Rule } from '../../engine/types';
import { Word } from '../../shell/model';

const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

const rule: Rule = {
  meta: {
    id: 'run-keyword-in-run',
    scope: 'instruction',
    category: 'correctness',
    severity: 'error',
    fixable: 'none',
    equivalents: { note: 'hadolint#760 (asked)' },
    docs: {
      summary: 'A Dockerfile instruction (`RUN`, `COPY`, `ENV` …) inside a RUN\'s shell script.',
      why:
        'After `&&` or a line continuation, `RUN`, `COPY` or `WORKDIR` is just a word for the shell: it tries to run a program called `COPY` ("COPY: not found") or passes the words as arguments to the previous command. Usually a `\\` was left at the end of the line before, or a RUN was pasted into another.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && \\\n    RUN apt-get install -y --no-install-recommends curl\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n',
      fix: 'None: remove the keyword, or end the RUN before it.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const instr of model.instructions) {
      for (const script of ctx.scripts(instr).all) {
        const flagged: Word[] = [];
        for (const cmd of script.commands) {
          if (cmd.nameWord.static && KEYWORDS.has(cmd.nameWord.text)) flagged.push(cmd.nameWord);
          // `a \` + newline + `COPY x y`: the keyword became an argument of the previous command.
          for (const w of cmd.args) {
            if (!w.static || !KEYWORDS.has(w.text)) continue;
            const before = model.text.slice(model.lines.lineStart(w.range.start.line), w.start);
            if (/^[ \t]*$/.test(before) && w.range.start.line > instr.startLine) flagged.push(w);
          }
        }
        for (const w of flagged) {
          ctx.report({
            range: w.range,
            instruction: instr,
            message: `\`${w.text}\` is a Dockerfile instruction, not a shell command: remove it or end the RUN before it.`,
          });
        }
      }
    }
  },
};

export default rule;
