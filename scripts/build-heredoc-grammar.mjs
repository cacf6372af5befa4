// Generates syntaxes/dockerfile-heredoc.injection.tmLanguage.json (the regexes
// repeat across rules, so they are written once here). Run: node scripts/build-heredoc-grammar.mjs
// Throwaway generator: composes the regexes once so JSON escaping is mechanical.
import fs from 'node:fs';
const R = String.raw;
const BS = '\\';

// BuildKit takes the rest of a whitespace-separated word after `<<` / `<<-` as the delimiter
// (quotes removed), so the delimiter may contain dots or slashes but never `<`.
const DCH = R`[^\s<"'\\]`;
// A heredoc word, without capture groups (used to count and skip words).
const ANYTOK = R`(?<!\S)\d*<<-?(?:"${DCH}+"|'${DCH}+'|${DCH}+)(?=\s|$)`;
const NOTOK = R`(?:(?!${ANYTOK}).)*`;
const exactly = (n) => R`(?=${Array(n).fill(R`${NOTOK}${ANYTOK}`).join('')}${NOTOK}$)`;
const KW_ANY = R`(?i:RUN|COPY|ADD)`;
const KW_RUN = R`(?i:RUN)`;
const LEAD = R`\s*(?:ONBUILD\s+)?`;
const FLAG = R`--[A-Za-z][\w-]*(?:=\S*)?`;
const SHELL = R`(?:(?:/usr)?/bin/)?(?:env\s+)?(?:ba|da|k|mk|z|a)?sh(?:\s+(?:[-+][A-Za-z]*o\s+[A-Za-z][\w-]*|[-+][A-Za-z]+))*`;
const op = (dash) => (dash ? R`\d*<<-` : R`\d*<<(?!-)`);
// Token with two capture groups: quote, delimiter.
const tok = (dash, q) => R`(?<!\S)${op(dash)}(["']?)(${DCH}+)${BS}${q}(?=\s|$)`;
const closeLine = (dash, ref) => (dash ? R`^(\t*)(${BS}${ref})$` : R`^()(${BS}${ref})$`);
const stillBody = (dash, ref) => (dash ? R`^(?!\t*${BS}${ref}$)` : R`^(?!${BS}${ref}$)`);

const closeCaptures = {
  '1': { name: 'punctuation.whitespace.heredoc.dockerfile' },
  '2': { name: 'punctuation.definition.string.heredoc.dockerfile' },
};
// Header = the instruction line. Keyword scopes mirror the built-in grammar's.
const headerCaptures = (ws, onbuild, kw, rest) => ({
  [onbuild]: { name: 'keyword.control.dockerfile' },
  [kw]: { name: 'keyword.other.special-method.dockerfile' },
  [rest]: { patterns: [{ include: '#heredoc-word' }, { include: 'source.dockerfile' }] },
});
// Consumes the instruction line; the first heredoc word's quote/delimiter are groups 4/5.
const header = (anchor, kw, dash) =>
  R`${anchor}(\s*)(?:(ONBUILD)\s+)?(${kw})\s+(?=${NOTOK}${tok(dash, 4)})(.*)$`;

const repo = {};
const dashes = [[true, 'dash'], [false, 'nodash']];

// RUN with one heredoc and no command, or only a shell, around it: the body is a shell script.
for (const [dash, tag] of dashes) {
  repo[`run-shell-${tag}`] = {
    comment: 'RUN [flags] [sh] <<EOF [sh]: body is a shell script (BuildKit runs it with the shell).',
    name: 'meta.heredoc.dockerfile',
    begin: R`^(?=${LEAD}${KW_RUN}\s+(?:${FLAG}\s+)*(?:${SHELL}\s+)?${tok(dash, 1)}(?:\s+${SHELL})?\s*$)`,
    end: closeLine(dash, 2),
    endCaptures: closeCaptures,
    patterns: [
      {
        begin: header(R`\G`, KW_RUN, dash),
        beginCaptures: headerCaptures(1, 2, 3, 6),
        // `while` (not `end`) so an unbalanced shell construct in the body cannot run past the delimiter.
        while: stillBody(dash, 5),
        contentName: 'meta.embedded.block.shellscript source.shell',
        patterns: [{ include: 'source.shell' }],
      },
    ],
  };
}
// One heredoc on RUN <other command> / COPY / ADD: the body is data, not shell.
for (const [dash, tag] of dashes) {
  repo[`single-plain-${tag}`] = {
    comment: 'RUN python3 <<EOF, RUN cat <<EOF > f, COPY <<EOF /dest, ADD <<EOF /dest: body is plain text.',
    name: 'meta.heredoc.dockerfile',
    begin: R`^(?=${LEAD}${KW_ANY}\s+${exactly(1)})` + header('', KW_ANY, dash),
    end: closeLine(dash, 5),
    endCaptures: closeCaptures,
    beginCaptures: headerCaptures(1, 2, 3, 6),
    contentName: 'string.unquoted.heredoc.dockerfile',
  };
}
// First heredoc of several: owns the instruction line; later bodies belong to the enclosing rules.
for (const [dash, tag] of dashes) {
  repo[`first-of-many-${tag}`] = {
    begin: header(R`\G`, KW_ANY, dash),
    beginCaptures: headerCaptures(1, 2, 3, 6),
    end: closeLine(dash, 5),
    endCaptures: closeCaptures,
    contentName: 'string.unquoted.heredoc.dockerfile',
  };
}
repo['later-body-line'] = {
  comment: 'A body line of the 2nd/3rd heredoc; the enclosing rule\'s end wins on the delimiter line.',
  match: '^.+$',
  name: 'string.unquoted.heredoc.dockerfile',
};
// Heredoc number k (1-based) of the instruction: skip k-1 words, capture quote/delimiter as 1/2.
const nth = (k, dash) => R`(?=${LEAD}${KW_ANY}\s+${Array(k - 1).fill(R`${NOTOK}${ANYTOK}`).join('')}${NOTOK}${tok(dash, 1)})`;
// Several heredocs: bodies follow in order, so the last heredoc is the outermost rule.
for (const [dash, tag] of dashes) {
  repo[`multi-2-${tag}`] = {
    comment: 'Two heredocs (COPY <<a <<b /dest, RUN <<A cmd && <<B cmd): bodies are plain text.',
    name: 'meta.heredoc.dockerfile',
    begin: R`^(?=${LEAD}${KW_ANY}\s+${exactly(2)})${nth(2, dash)}`,
    end: closeLine(dash, 2),
    endCaptures: closeCaptures,
    patterns: [{ include: '#first-of-many-dash' }, { include: '#first-of-many-nodash' }, { include: '#later-body-line' }],
  };
  repo[`multi-3-${tag}`] = {
    comment: 'Three heredocs: outermost rule waits for the third delimiter.',
    name: 'meta.heredoc.dockerfile',
    begin: R`^(?=${LEAD}${KW_ANY}\s+${exactly(3)})${nth(3, dash)}`,
    end: closeLine(dash, 2),
    endCaptures: closeCaptures,
    patterns: [{ include: '#second-of-three-dash' }, { include: '#second-of-three-nodash' }, { include: '#later-body-line' }],
  };
  repo[`second-of-three-${tag}`] = {
    begin: R`\G${nth(2, dash)}`,
    end: closeLine(dash, 2),
    endCaptures: closeCaptures,
    patterns: [{ include: '#first-of-many-dash' }, { include: '#first-of-many-nodash' }, { include: '#later-body-line' }],
  };
}
repo['heredoc-word'] = {
  comment: 'The <<EOF / <<-"EOF" word on the instruction line.',
  match: R`(?<!\S)(\d*<<-?)(["']?)(${DCH}+)(\2)(?=\s|$)`,
  captures: {
    '1': { name: 'keyword.operator.heredoc.dockerfile' },
    '2': { name: 'punctuation.definition.string.begin.dockerfile' },
    '3': { name: 'punctuation.definition.string.heredoc.dockerfile' },
    '4': { name: 'punctuation.definition.string.end.dockerfile' },
  },
};

const grammar = {
  name: 'Dockerfile heredocs',
  scopeName: 'dockerfile.heredoc.injection',
  comment: 'Injected into source.dockerfile. Highlights BuildKit heredoc bodies (RUN/COPY/ADD <<EOF ... EOF): shell when RUN has no command or a shell as command, plain text otherwise. Up to three heredocs per instruction.',
  injectionSelector: 'L:source.dockerfile -comment -meta.heredoc.dockerfile',
  patterns: [
    { include: '#run-shell-dash' }, { include: '#run-shell-nodash' },
    { include: '#single-plain-dash' }, { include: '#single-plain-nodash' },
    { include: '#multi-2-dash' }, { include: '#multi-2-nodash' },
    { include: '#multi-3-dash' }, { include: '#multi-3-nodash' },
  ],
  repository: repo,
};
fs.writeFileSync(process.argv[2] ?? new URL('../syntaxes/dockerfile-heredoc.injection.tmLanguage.json', import.meta.url), JSON.stringify(grammar, null, 2) + '\n');
