import { checkDirectives, checkStructure } from '../../buildkit/file-checks';
import { CheckOptions } from '../../buildkit/instruction-checks';
import { checkInstructionMemo } from '../../buildkit/instruction-check-memo';
import { DockerfileModel } from '../../model/types';
import { Rule } from '../../engine/types';

/** Problems the model already found that the catalog gives their own warning rule. */
const OWN_RULES = new Set(['empty-continuation-line']);

function frontendOptions(model: DockerfileModel): CheckOptions {
  const syntax = model.directives.find((d) => d.name === 'syntax')?.value.trim();
  if (!syntax) return { customFrontend: false, labs: false };
  const official = /^(docker\.io\/)?docker\/dockerfile(-upstream)?(:[\w.-]+)?(@sha256:[0-9a-f]+)?$/i.test(syntax);
  return { customFrontend: !official, labs: /labs/i.test(syntax) };
}

const rule: Rule = {
  meta: {
    id: 'syntax-error',
    // Parser problems and instruction checks read one instruction (and the escape, the directives and its stage's base);
    // directive problems sit before the first FROM; checkStructure speaks only when there is no stage.
    scope: 'stage',
    category: 'syntax',
    severity: 'error',
    fixable: 'mixed',
    equivalents: { note: 'BuildKit parse errors (frontend/dockerfile/parser, instructions/parse.go); rcjsuen/dockerfile-utils validation codes' },
    docs: {
      summary: 'Text the Docker builder rejects or misreads: unknown instructions and flags, wrong argument counts, bad values, malformed JSON, bad directives.',
      why: [
        'BuildKit refuses the whole Dockerfile on the first of these, before any layer is built, so the build fails with one `dockerfile parse error` at a time. The linter shows all of them at once, at the exact word:',
        '',
        '- unknown instructions (`RUNN`), unknown or repeated flags (`COPY --chmown`, `--link --link`), flags without their value (`COPY --from`), non-boolean values for `--link`/`--parents`;',
        '- wrong argument counts: FROM takes one image and optionally `AS name`, COPY/ADD need a source and a destination, STOPSIGNAL and USER take one value, `HEALTHCHECK NONE` takes none, every instruction needs an argument;',
        '- bad values: HEALTHCHECK durations (`--interval=5` has no unit, less than 1ms), negative `--retries`, unknown STOPSIGNAL names, `--platform` values that are not `os/arch[/variant]`, invalid image references (`FROM Ubuntu`), invalid stage names;',
        '- `ONBUILD ONBUILD`, `ONBUILD FROM`, `ONBUILD MAINTAINER`; `SHELL` not in JSON form; HEALTHCHECK types other than CMD/NONE;',
        '- ENV/LABEL without a value or `=`, blank ENV/LABEL/ARG names, unterminated quotes;',
        '- an `# escape=` other than `\\` or `` ` ``, a parser directive given twice, a file with no instructions or no FROM;',
        '- JSON arrays that are not what they look like: an element that is not a string fails the build; text after the array is silently ignored; a malformed array (single quotes, missing bracket) is run as a shell string — `CMD [\'node\', \'app.js\']` starts `/bin/sh -c "[\'node\', \'app.js\']"` and the container exits at once.',
        '',
        'Flags are checked against the docker/dockerfile frontend; with a custom `# syntax=` frontend they are not checked, and a `-labs` frontend may add `RUN --device`. An empty file is not reported (it is being written); a file with only comments is.',
      ].join('\n'),
      bad: 'FROM alpine:3.22\nRUNN echo hi\nCOPY --chmown=app:app . /app\n',
      good: 'FROM alpine:3.22\nRUN echo hi\nCOPY --chown=app:app . /app\n',
      fix: 'Where the intent is clear the fix is offered: the nearest known flag for a misspelt one (unsafe: a guess), the nearest instruction for an unknown one (unsafe), `AS` for a misspelt `AS`, removal of extra arguments (safe), a valid escape character, SHELL converted to JSON form (safe), single-quoted JSON turned into double quotes (unsafe: the command now runs without a shell), a lowercase image name (unsafe).',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const p of model.problems) {
      if (OWN_RULES.has(p.code)) continue;
      ctx.report({ range: p.range, message: p.message });
    }
    for (const issue of checkDirectives(model)) ctx.report({ range: issue.range, message: issue.message, fixes: issue.fixes });
    for (const issue of checkStructure(model)) ctx.report({ range: issue.range, message: issue.message, fixes: issue.fixes, instruction: model.instructions[0] });
    const opts = frontendOptions(model);
    for (const instr of model.instructions) {
      for (const issue of checkInstructionMemo(model, instr, opts)) ctx.report({ range: issue.range, message: issue.message, fixes: issue.fixes, instruction: instr });
    }
  },
};

export default rule;
