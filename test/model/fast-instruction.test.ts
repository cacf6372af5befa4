import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readInstructionFast } from '../../shared-rules/model/fast-instruction';
import { detectEscape, splitLogicalUnits } from '../../shared-rules/model/logical-lines';
import { parseDockerfile, parseWithDockerfileAst } from '../../shared-rules/model/parse';
import { LineIndex } from '../../shared-rules/text/line-index';
import { generateDockerfile } from '../../scripts/bench/generate';
import { corpusDir, corpusFiles } from '../helpers/corpus';

/*
 * readInstructionFast replays dockerfile-ast's scanners for the common case;
 * parseChunk trusts it whenever it answers. So wherever it answers, it must
 * give exactly what the library path (parseWithDockerfileAst) gives, and it
 * must keep answering often enough to be worth having, and keep declining
 * what it does not replay.
 */

/** Instruction chunks of a file, cut as parse.ts cuts them; none for backtick files (the fast path is never asked there). */
function instructionChunks(text: string): string[] {
  const lines = new LineIndex(text);
  const escape = detectEscape(lines);
  if (escape !== '\\') return [];
  const out: string[] = [];
  for (const u of splitLogicalUnits(lines, escape)) if (u.kind === 'instruction') out.push(text.slice(lines.lineStart(u.startLine), lines.lineEnd(u.logicalEndLine)));
  return out;
}

/** Continuation oddities, comments and blank lines inside continuations, tabs, escapes. */
const MUTATIONS: ((c: string) => string)[] = [
  (c) => c.replace(/ \\\n/g, ' \\  \n'),
  (c) => c.replace(/\\\n/g, '\\\n# c\n'),
  (c) => c.replace(/\\\n/g, '\\\n\n'),
  (c) => c.replace(/ /g, '\t'),
  (c) => c.replace(/ --/g, ' \\\n --'),
  (c) => c.replace(/=/g, '\\='),
  (c) => c.replace(/ /, ' \\ '),
  (c) => c.replace(/\\\n\s*/g, '\\\n  #x\n   '),
  (c) => c.replace(/"/g, '\\"'),
  (c) => c + ' \\',
  (c) => c + ' \\\n',
  (c) => c.replace(/ /, '  --x '),
  (c) => c.replace(/\$/g, '\\$'),
  (c) => '  ' + c,
  (c) => c.replace(/(\S) (\S)/, '$1 \\ $2'),
  (c) => c.replace(/(\S) (\S)/g, '$1\\ $2'),
  (c) => c.replace(/ \\\n/g, '\\\n'),
];

function mutate(chunks: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const c of chunks) for (const m of MUTATIONS) out.add(m(c));
  return out;
}

const KEYWORDS = ['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL'];

const HAND_WRITTEN: string[] = [
  ...KEYWORDS.flatMap((k) => [`${k} a b`, `${k.toLowerCase()} --x=1 a`, `${k}`, `${k} `, `${k}\t\ta\t b`, `${k} \\\n  a \\\n  b`, `${k} --f a`, `${k} -- a`]),
  'FOO bar baz',
  'Run echo hi',
  'RUN apt-get update && \\\n    # install\n    apt-get install -y curl \\\n\n    && rm -rf /var/lib/apt/lists/*',
  'RUN a \\\n#c1\n#c2\n\n  b',
  'RUN a \\  \n  b',
  'RUN a\\\n b',
  'RUN a \\',
  'RUN a \\\n',
  'RUN \\',
  'RUN \\\n  \\\n  x',
  'COPY --from=build --chown=1:1 /src /dst',
  'COPY --from build /src /dst',
  'COPY --link --from=b a b',
  'COPY -- a b',
  'COPY --chmod= a b',
  'COPY --chown=1\\=2 a b',
  'COPY --a\\=b c d',
  'ADD --checksum=sha256:abc https://x/y /z',
  'ADD a\\ b c',
  'RUN --mount=type=cache,target=/root/.cache \\\n    --mount=type=secret,id=x \\\n    pip install -r req.txt',
  'RUN --network=none make',
  'RUN -- make',
  'RUN a --b=c',
  'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
  'FROM --platform linux/amd64 x',
  'HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1',
  'HEALTHCHECK NONE',
  'HEALTHCHECK --retries=3 cmd --x=1 y',
  'HEALTHCHECK --interval=5s none',
  'CMD --x=1 a',
  'ENTRYPOINT --x a',
  'SHELL --x a',
  'VOLUME --x /a',
  'ENV A=1 B="two words" C=\\"q\\"',
  'ENV A="x \\\n  y"',
  'ENV PATH=/usr/local/bin:$PATH',
  'ENV A B C',
  "LABEL a='x y' b=\"z\"",
  'LABEL a=b\\ c',
  'ARG A=\\$HOME',
  'ARG A\\=B',
  'ARG \\=',
  'ENV \\\\',
  'RUN echo \\\\',
  'RUN echo a\\\\ b',
  'RUN echo \\a \\b \\',
  'RUN echo "a b" \'c d\'',
  'RUN echo \\"a b\\"',
  'RUN echo a\\ \\ b',
  'RUN echo a\\\tb',
  'RUN echo a \\ \t \n b',
  'RUN echo a \\ x',
  'WORKDIR /a\\ b',
  'USER 1000:1000',
  'EXPOSE 80/tcp 443',
  'STOPSIGNAL SIGTERM',
  'MAINTAINER Jane Doe <jane@example.com>',
  'RUN echo héllo wörld 日本 🐳',
  'LABEL emoji=🐳 name="ünïcode"',
  'RUN echo 🐳\\\n  🐳',
  '  RUN indented',
  '\tRUN tab-indented',
  'RUN a # not a comment',
  'RUN a \\\n # comment \\\n b',
  'RUN a \\\n\t# tab comment\n\tb',
  'RUN a \\\n#\n b',
  'RUN #x',
  'RUN a \\\n  #c\n',
  'ENV A=1\\\n',
  'COPY a b \\\n  --from=x',
  'COPY \\\n  --from=x \\\n  a b',
  'RUN [ -f x ] && echo y',
  'RUN echo [a]',
  'RUN x [a]',
  'CMD echo ]',
  'LABEL a=[b]',
  'ENV A=[1,2]',
  'EXPOSE [80]',
  'ARG A=<b',
  'RUN echo a<b',
];

/** Heredocs, ONBUILD, CR/BOM, an escaped keyword and JSON-looking arguments are left to dockerfile-ast. */
const DECLINED: [string, string][] = [
  ['a heredoc in RUN', 'RUN <<EOF\necho hi\nEOF'],
  ['a heredoc in COPY', 'COPY <<EOF /etc/x\nhello\nEOF'],
  ['a dashed quoted heredoc', 'RUN <<-"EOF" sh\n\techo hi\n\tEOF'],
  ['ONBUILD', 'ONBUILD RUN echo hi'],
  ['lowercase onbuild', 'onbuild COPY a b'],
  ['CR LF line breaks', 'RUN a \\\r\n  b'],
  ['a lone CR', 'RUN a\rb'],
  ['a byte order mark', '\ufeffRUN a'],
  ['an escaped keyword', 'RU\\\nN a'],
  ['a comment chunk', '# just a comment'],
  ['an empty chunk', ''],
  ['a whitespace-only chunk', '  \t'],
  ['JSON CMD', 'CMD ["node", "server.js"]'],
  ['JSON ENTRYPOINT', 'ENTRYPOINT ["/docker-entrypoint.sh"]'],
  ['JSON RUN', 'RUN ["sh", "-c", "echo hi"]'],
  ['JSON SHELL', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]'],
  ['JSON VOLUME', 'VOLUME ["/data"]'],
  ['JSON ADD', 'ADD ["a b", "/c"]'],
  ['JSON COPY', 'COPY ["a", "/b"]'],
  ['JSON COPY after flags', 'COPY --from=build ["a", "/b"]'],
  ['JSON RUN after a mount flag', 'RUN --mount=type=cache,target=/x ["make"]'],
  ['JSON CMD over continuation lines', 'CMD [ \\\n  "a", \\\n  "b" ]'],
  ['lowercase JSON cmd', 'cmd ["a"]'],
  ['a closing bracket first in CMD', 'CMD ] a'],
  ['an escape first in ENTRYPOINT', 'ENTRYPOINT \\["a"]'],
  // dockerfile-ast finds an opening bracket here too (and no JSON strings), so even a shell test needs the library.
  ['a shell test bracket first in RUN', 'RUN [ -f x ] && echo y'],
];

type Ast = ReturnType<typeof parseWithDockerfileAst>;

interface Tally {
  checked: number;
  fast: number;
  mismatches: string[];
}

function check(chunks: Iterable<string>): Tally {
  const tally: Tally = { checked: 0, fast: 0, mismatches: [] };
  for (const chunk of chunks) {
    tally.checked++;
    const fast = readInstructionFast(chunk, new LineIndex(chunk));
    if (!fast) continue;
    tally.fast++;
    // What parseChunk stores for a fast answer, against what it stores otherwise.
    const actual: Ast = { ...fast, jsonStrings: undefined, trigger: undefined };
    const expected = parseWithDockerfileAst(chunk, '\\');
    try {
      assert.deepStrictEqual(actual, expected);
    } catch (e) {
      if (tally.mismatches.length < 5) tally.mismatches.push(`${JSON.stringify(chunk)}\n${(e as Error).message}`);
      else tally.mismatches.push(JSON.stringify(chunk));
    }
  }
  return tally;
}

function assertAgrees(t: Tally): void {
  assert.equal(t.mismatches.length, 0, `readInstructionFast differs from dockerfile-ast on ${t.mismatches.length} of ${t.fast} chunks:\n${t.mismatches.slice(0, 5).join('\n\n')}`);
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function generatedChunks(): string[] {
  const out = new Set<string>();
  for (const seed of SEEDS) for (const c of instructionChunks(generateDockerfile(300, seed))) out.add(c);
  return [...out];
}

describe('model: readInstructionFast', function () {
  this.timeout(60_000);

  describe('agrees with dockerfile-ast wherever it answers', () => {
    it('on the hand-written table', () => {
      const t = check(new Set(HAND_WRITTEN));
      assertAgrees(t);
      // The table is mostly plain instructions: if few of them take the fast path, it has stopped being one.
      assert.ok(t.fast >= t.checked * 0.8, `fast path taken on ${t.fast} of ${t.checked} hand-written chunks`);
    });

    it('on generated Dockerfiles, taking the fast path on at least 85% of their instructions', () => {
      const chunks = generatedChunks();
      assert.ok(chunks.length >= 500, `only ${chunks.length} distinct generated instructions`);
      const t = check(chunks);
      assertAgrees(t);
      assert.ok(t.fast >= t.checked * 0.85, `fast path taken on ${t.fast} of ${t.checked} generated chunks`);
    });

    it('on mutations of the generated instructions', () => {
      const t = check(mutate(generatedChunks()));
      assertAgrees(t);
      assert.ok(t.fast >= t.checked * 0.5, `fast path taken on ${t.fast} of ${t.checked} mutated chunks`);
    });

    it('on every instruction of the corpus, and their mutations', function () {
      const dir = corpusDir();
      if (!dir) this.skip();
      const chunks = new Set<string>();
      for (const f of corpusFiles(dir)) for (const c of instructionChunks(readFileSync(f.path, 'utf8'))) chunks.add(c);
      assert.ok(chunks.size >= 1000, `only ${chunks.size} distinct corpus instructions`);
      const t = check(chunks);
      assertAgrees(t);
      assert.ok(t.fast >= t.checked * 0.7, `fast path taken on ${t.fast} of ${t.checked} corpus chunks`);
      assertAgrees(check(mutate(chunks)));
    });
  });

  describe('leaves to dockerfile-ast', () => {
    for (const [name, chunk] of DECLINED) {
      it(name, () => {
        assert.equal(readInstructionFast(chunk, new LineIndex(chunk)), undefined);
      });
    }

    it('the instructions of a backtick-escaped file', () => {
      const chunk = 'RUN echo a `\n  b';
      // Read with `\` as the escape, the backtick would be an argument and the second line another instruction.
      assert.deepEqual(
        readInstructionFast(chunk, new LineIndex(chunk))?.args.map((a) => a.value),
        ['echo', 'a', '`'],
      );
      const m = parseDockerfile('# escape=`\n' + chunk + '\n');
      assert.equal(m.instructions.length, 1);
      assert.deepEqual(
        m.instructions[0].args.map((a) => [a.value, a.range]),
        [
          ['echo', { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } }],
          ['a', { start: { line: 1, character: 9 }, end: { line: 1, character: 10 } }],
          ['b', { start: { line: 2, character: 2 }, end: { line: 2, character: 3 } }],
        ],
      );
    });
  });
});
