// Tokenises Dockerfiles with VS Code's own Dockerfile and shell grammars (test fixtures) plus
// our heredoc injection, exactly as VS Code combines them, and checks the scopes.
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const INJECTION_SCOPE = 'dockerfile.heredoc.injection';
const INJECTION_FILE = path.join('syntaxes', 'dockerfile-heredoc.injection.tmLanguage.json');

// Tests may run from out/ (tsc) or from a scratch outDir, so find the repo by its files.
function repoRoot(): string {
  const candidates: string[] = [];
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) candidates.push(dir);
  candidates.push(process.cwd());
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, INJECTION_FILE)));
  if (!found) throw new Error(`cannot find ${INJECTION_FILE} above ${__dirname} or in ${process.cwd()}`);
  return found;
}

const ROOT = repoRoot();
const GRAMMAR_FILES: Record<string, string> = {
  'source.dockerfile': path.join(ROOT, 'test/fixtures/grammars/docker.tmLanguage.json'),
  'source.shell': path.join(ROOT, 'test/fixtures/grammars/shell-unix-bash.tmLanguage.json'),
  [INJECTION_SCOPE]: path.join(ROOT, INJECTION_FILE),
};

interface Token {
  text: string;
  scopes: string[];
}

let wasmLoaded: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  if (!wasmLoaded) {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    wasmLoaded = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  }
  return wasmLoaded;
}

async function dockerfileGrammar(withInjection: boolean): Promise<textmate.IGrammar> {
  await loadOniguruma();
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = GRAMMAR_FILES[scopeName];
      return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName: string) =>
      withInjection && scopeName === 'source.dockerfile' ? [INJECTION_SCOPE] : undefined,
  });
  const grammar = await registry.loadGrammar('source.dockerfile');
  if (!grammar) throw new Error('source.dockerfile did not load');
  return grammar;
}

function tokenize(grammar: textmate.IGrammar, text: string): Token[][] {
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The token that starts exactly at the first occurrence of `text` on line `lineNo` (0-based). */
function tokenStarting(lines: Token[][], lineNo: number, text: string): Token {
  const line = lines[lineNo];
  const lineText = line.map((t) => t.text).join('');
  const at = lineText.indexOf(text);
  assert.ok(at >= 0, `"${text}" not on line ${lineNo}: ${JSON.stringify(lineText)}`);
  let offset = 0;
  for (const token of line) {
    if (offset === at) return token;
    offset += token.text.length;
  }
  assert.fail(`no token starts at "${text}" on line ${lineNo}: ${JSON.stringify(line)}`);
}

function scopesOf(lines: Token[][], lineNo: number, text: string): string[] {
  const token = tokenStarting(lines, lineNo, text);
  assert.strictEqual(token.text, text, `token at "${text}" on line ${lineNo} is ${JSON.stringify(token.text)}`);
  return token.scopes;
}

function lineScopes(lines: Token[][], lineNo: number): string[] {
  return [...new Set(lines[lineNo].flatMap((t) => t.scopes))].sort();
}

const D = 'source.dockerfile';
const HD = 'meta.heredoc.dockerfile';
const SHELL_BODY = [D, HD, 'meta.embedded.block.shellscript', 'source.shell'];
const PLAIN_BODY = [D, HD, 'string.unquoted.heredoc.dockerfile'];
const DELIMITER = [D, HD, 'punctuation.definition.string.heredoc.dockerfile'];
const KEYWORD = [D, 'keyword.other.special-method.dockerfile'];
const HEREDOC_KEYWORD = [D, HD, 'keyword.other.special-method.dockerfile'];
const HEREDOC_OPERATOR = [D, HD, 'keyword.operator.heredoc.dockerfile'];

describe('Dockerfile heredoc injection grammar', () => {
  let withInjection: textmate.IGrammar;
  let baseOnly: textmate.IGrammar;

  before(async () => {
    withInjection = await dockerfileGrammar(true);
    baseOnly = await dockerfileGrammar(false);
  });

  describe('fixtures and grammar file', () => {
    it('stores the base grammars complete and unmodified', () => {
      const expected: Record<string, { bytes: number; sha256: string; scopeName: string }> = {
        'docker.tmLanguage.json': {
          bytes: 1934,
          sha256: '5f8c3cae48ad27e6310a5061ae4b139f04522800eb7e9b84b5ceea238e8f1e3e',
          scopeName: 'source.dockerfile',
        },
        'shell-unix-bash.tmLanguage.json': {
          bytes: 54892,
          sha256: '3ade4252fcc6eeafa4bd02eec48312a1a3ba3257de788d29763c1718a879d8cf',
          scopeName: 'source.shell',
        },
      };
      for (const [name, want] of Object.entries(expected)) {
        const bytes = fs.readFileSync(path.join(ROOT, 'test/fixtures/grammars', name));
        assert.strictEqual(bytes.length, want.bytes, name);
        assert.strictEqual(crypto.createHash('sha256').update(bytes).digest('hex'), want.sha256, name);
        assert.strictEqual(JSON.parse(bytes.toString('utf8')).scopeName, want.scopeName, name);
      }
    });

    it('declares the injection and resolves every local include', () => {
      const raw = JSON.parse(fs.readFileSync(GRAMMAR_FILES[INJECTION_SCOPE], 'utf8'));
      assert.strictEqual(raw.scopeName, INJECTION_SCOPE);
      assert.strictEqual(raw.injectionSelector, 'L:source.dockerfile -comment -meta.heredoc.dockerfile');
      const includes = JSON.stringify(raw).match(/"include":"#[^"]+"/g) ?? [];
      const missing = includes.map((s) => s.slice(12, -1)).filter((name) => !(name in raw.repository));
      assert.deepStrictEqual(missing, []);
      assert.strictEqual(includes.length, 32);
    });
  });

  describe('RUN heredoc with no command: body is shell', () => {
    const text = [
      'FROM alpine', // 0
      'RUN <<EOF', // 1
      'apt-get update && echo "$HOME"', // 2
      'echo EOF here', // 3
      'EOF', // 4
      'COPY app.py /app/', // 5
      'COPY <<EOF /etc/motd', // 6
      'hello $HOME && echo', // 7
      'EOF', // 8
      'RUN echo done', // 9
    ].join('\n');
    let lines: Token[][];
    before(() => {
      lines = tokenize(withInjection, text);
    });

    it('scopes the instruction line and its heredoc word', () => {
      assert.deepStrictEqual(scopesOf(lines, 1, 'RUN'), HEREDOC_KEYWORD);
      assert.deepStrictEqual(scopesOf(lines, 1, '<<'), HEREDOC_OPERATOR);
      assert.deepStrictEqual(scopesOf(lines, 1, 'EOF'), DELIMITER);
    });

    it('highlights commands in the body with the shell grammar', () => {
      assert.deepStrictEqual(scopesOf(lines, 2, 'apt-get'), [
        ...SHELL_BODY,
        'meta.statement.shell',
        'meta.statement.command.shell',
        'meta.statement.command.name.shell',
        'entity.name.function.call.shell',
        'entity.name.command.shell',
      ]);
      assert.deepStrictEqual(scopesOf(lines, 2, '&&'), [...SHELL_BODY, 'punctuation.separator.statement.and.shell']);
      const echo = scopesOf(lines, 2, 'echo');
      assert.deepStrictEqual(echo.slice(0, 4), SHELL_BODY);
      assert.strictEqual(echo[echo.length - 1], 'support.function.builtin.shell');
    });

    it('gives "$HOME" string and variable scopes', () => {
      const quote = scopesOf(lines, 2, '"');
      assert.deepStrictEqual(quote.slice(-2), ['string.quoted.double.shell', 'punctuation.definition.string.begin.shell']);
      const home = scopesOf(lines, 2, 'HOME');
      assert.deepStrictEqual(home.slice(0, 4), SHELL_BODY);
      assert.deepStrictEqual(home.slice(-2), ['string.quoted.double.shell', 'variable.other.normal.shell']);
      assert.deepStrictEqual(scopesOf(lines, 2, '$').slice(-3), [
        'string.quoted.double.shell',
        'punctuation.definition.variable.shell',
        'variable.other.normal.shell',
      ]);
    });

    it('does not end the heredoc on a line that only contains the delimiter word', () => {
      const eof = scopesOf(lines, 3, 'EOF');
      assert.deepStrictEqual(eof.slice(0, 4), SHELL_BODY);
      assert.strictEqual(eof[eof.length - 1], 'string.unquoted.argument.shell');
    });

    it('scopes the closing delimiter line and returns to Dockerfile scopes after it', () => {
      assert.deepStrictEqual(lines[4], [{ text: 'EOF', scopes: DELIMITER }]);
      assert.deepStrictEqual(scopesOf(lines, 5, 'COPY'), KEYWORD);
      assert.deepStrictEqual(lineScopes(lines, 5), ['keyword.other.special-method.dockerfile', D]);
      assert.deepStrictEqual(scopesOf(lines, 9, 'RUN'), KEYWORD);
      assert.deepStrictEqual(lineScopes(lines, 9), ['keyword.other.special-method.dockerfile', D]);
    });

    it('keeps a COPY heredoc body as plain text, with no shell scopes', () => {
      assert.deepStrictEqual(scopesOf(lines, 6, 'COPY'), HEREDOC_KEYWORD);
      assert.deepStrictEqual(lines[7], [{ text: 'hello $HOME && echo', scopes: PLAIN_BODY }]);
      assert.deepStrictEqual(lines[8], [{ text: 'EOF', scopes: DELIMITER }]);
    });
  });

  describe('delimiter forms', () => {
    it('ends <<-EOF at a tab-indented delimiter', () => {
      const lines = tokenize(withInjection, 'RUN <<-EOF\n\tapt-get install -y curl\n\t\tEOF\nUSER app');
      assert.deepStrictEqual(scopesOf(lines, 0, '<<-'), HEREDOC_OPERATOR);
      assert.deepStrictEqual(scopesOf(lines, 1, 'apt-get').slice(0, 4), SHELL_BODY);
      assert.deepStrictEqual(lines[2], [
        { text: '\t\t', scopes: [D, HD, 'punctuation.whitespace.heredoc.dockerfile'] },
        { text: 'EOF', scopes: DELIMITER },
      ]);
      assert.deepStrictEqual(scopesOf(lines, 3, 'USER'), KEYWORD);
    });

    it('does not end a plain <<EOF at a tab-indented delimiter', () => {
      const lines = tokenize(withInjection, 'RUN <<EOF\n\tEOF\nEOF\nUSER app');
      assert.ok(lineScopes(lines, 1).includes('source.shell'), JSON.stringify(lines[1]));
      assert.deepStrictEqual(lines[2], [{ text: 'EOF', scopes: DELIMITER }]);
      assert.deepStrictEqual(scopesOf(lines, 3, 'USER'), KEYWORD);
    });

    it('does not end a plain-text <<EOF body at a tab-indented delimiter either', () => {
      const lines = tokenize(withInjection, 'COPY <<EOF /x\n\tEOF\nEOF\nCOPY <<A <<B /y/\n\tA\nA\n\tB\nB\nUSER app');
      assert.deepStrictEqual(lines[1], [{ text: '\tEOF', scopes: PLAIN_BODY }]);
      assert.deepStrictEqual(lines[2], [{ text: 'EOF', scopes: DELIMITER }]);
      assert.deepStrictEqual(lines[4], [{ text: '\tA', scopes: PLAIN_BODY }]);
      assert.deepStrictEqual(lines[5], [{ text: 'A', scopes: DELIMITER }]);
      assert.deepStrictEqual(lines[6], [{ text: '\tB', scopes: PLAIN_BODY }]);
      assert.deepStrictEqual(lines[7], [{ text: 'B', scopes: DELIMITER }]);
      assert.deepStrictEqual(scopesOf(lines, 8, 'USER'), KEYWORD);
    });

    for (const quote of ['"', "'"]) {
      it(`accepts a ${quote === '"' ? 'double' : 'single'}-quoted delimiter and ends at the bare word`, () => {
        const lines = tokenize(withInjection, `RUN <<${quote}EOT${quote}\necho "$X"\nEOT\nWORKDIR /`);
        assert.deepStrictEqual(scopesOf(lines, 0, quote), [D, HD, 'punctuation.definition.string.begin.dockerfile']);
        assert.deepStrictEqual(scopesOf(lines, 0, 'EOT'), DELIMITER);
        assert.deepStrictEqual(scopesOf(lines, 1, 'echo').slice(0, 4), SHELL_BODY);
        assert.deepStrictEqual(lines[2], [{ text: 'EOT', scopes: DELIMITER }]);
        assert.deepStrictEqual(scopesOf(lines, 3, 'WORKDIR'), KEYWORD);
      });
    }

    it('accepts any word as delimiter, including dots', () => {
      const lines = tokenize(withInjection, 'COPY <<robots.txt /srv/\nUser-agent: *\nrobots.txt\nEXPOSE 80');
      assert.deepStrictEqual(scopesOf(lines, 0, 'robots.txt'), DELIMITER);
      assert.deepStrictEqual(lines[1], [{ text: 'User-agent: *', scopes: PLAIN_BODY }]);
      assert.deepStrictEqual(lines[2], [{ text: 'robots.txt', scopes: DELIMITER }]);
      assert.deepStrictEqual(scopesOf(lines, 3, 'EXPOSE'), KEYWORD);
    });
  });

  describe('which bodies are shell', () => {
    const shellHeaders = [
      'RUN <<EOF bash',
      'RUN <<EOF sh -ex',
      'RUN bash -euxo pipefail <<EOF',
      'RUN /usr/bin/env bash <<EOF',
      'RUN --mount=type=cache,target=/var/cache/apt --network=none <<EOF',
      'ONBUILD RUN <<EOF',
    ];
    for (const header of shellHeaders) {
      it(`"${header}" → shell`, () => {
        const lines = tokenize(withInjection, `${header}\nls -l\nEOF\nUSER app`);
        assert.deepStrictEqual(scopesOf(lines, 1, 'ls').slice(0, 4), SHELL_BODY);
        assert.deepStrictEqual(lines[2], [{ text: 'EOF', scopes: DELIMITER }]);
        assert.deepStrictEqual(scopesOf(lines, 3, 'USER'), KEYWORD);
      });
    }

    const plainHeaders = [
      'RUN python3 <<EOF',
      'RUN <<EOF python3',
      'RUN cat <<EOF > /etc/motd',
      'RUN <<EOF && echo done',
      'ADD <<EOF /etc/motd',
      'COPY --chmod=755 <<EOF /entrypoint.sh',
    ];
    for (const header of plainHeaders) {
      it(`"${header}" → plain text`, () => {
        const lines = tokenize(withInjection, `${header}\nls -l\nEOF\nUSER app`);
        assert.deepStrictEqual(lines[1], [{ text: 'ls -l', scopes: PLAIN_BODY }]);
        assert.deepStrictEqual(lines[2], [{ text: 'EOF', scopes: DELIMITER }]);
        assert.deepStrictEqual(scopesOf(lines, 3, 'USER'), KEYWORD);
      });
    }

    it('scopes ONBUILD like the built-in grammar does', () => {
      const lines = tokenize(withInjection, 'ONBUILD RUN <<EOF\nls\nEOF');
      assert.deepStrictEqual(scopesOf(lines, 0, 'ONBUILD'), [D, HD, 'keyword.control.dockerfile']);
      assert.deepStrictEqual(scopesOf(lines, 0, 'RUN'), HEREDOC_KEYWORD);
    });
  });

  describe('several heredocs on one instruction', () => {
    it('closes each body at its own delimiter, in order', () => {
      const text = [
        'COPY <<robots.txt <<humans.txt /usr/share/nginx/html/', // 0
        'User-agent: *', // 1
        'humans.txt', // 2: inside the first body, not a delimiter yet
        'robots.txt', // 3
        'I am human', // 4
        'humans.txt', // 5
        'EXPOSE 80', // 6
      ].join('\n');
      const lines = tokenize(withInjection, text);
      assert.deepStrictEqual(scopesOf(lines, 0, '<<'), HEREDOC_OPERATOR);
      assert.deepStrictEqual(scopesOf(lines, 0, 'robots.txt'), DELIMITER);
      assert.deepStrictEqual(scopesOf(lines, 0, 'humans.txt'), DELIMITER);
      assert.deepStrictEqual(scopesOf(lines, 0, ' /usr/share/nginx/html/'), [D, HD]);
      assert.deepStrictEqual(lines[1], [{ text: 'User-agent: *', scopes: PLAIN_BODY }]);
      assert.deepStrictEqual(lines[2], [{ text: 'humans.txt', scopes: PLAIN_BODY }]);
      assert.deepStrictEqual(lines[3], [{ text: 'robots.txt', scopes: DELIMITER }]);
      assert.deepStrictEqual(lines[4], [{ text: 'I am human', scopes: PLAIN_BODY }]);
      assert.deepStrictEqual(lines[5], [{ text: 'humans.txt', scopes: DELIMITER }]);
      assert.deepStrictEqual(scopesOf(lines, 6, 'EXPOSE'), KEYWORD);
    });

    it('handles three heredocs with mixed <<- and << forms', () => {
      const text = [
        'RUN <<A cat > /a && <<-B cat > /b && <<C cat > /c', // 0
        'a body', // 1
        'A', // 2
        'b body', // 3
        '\tB', // 4
        'c body', // 5
        'C', // 6
        'USER app', // 7
      ].join('\n');
      const lines = tokenize(withInjection, text);
      assert.deepStrictEqual(scopesOf(lines, 0, '<<-'), HEREDOC_OPERATOR);
      assert.deepStrictEqual(scopesOf(lines, 0, ' cat > /a && '), [D, HD]);
      for (const body of [1, 3, 5]) assert.deepStrictEqual(lines[body], [{ text: lines[body][0].text, scopes: PLAIN_BODY }]);
      assert.deepStrictEqual(lines[2], [{ text: 'A', scopes: DELIMITER }]);
      assert.deepStrictEqual(lines[4][1], { text: 'B', scopes: DELIMITER });
      assert.deepStrictEqual(lines[6], [{ text: 'C', scopes: DELIMITER }]);
      assert.deepStrictEqual(scopesOf(lines, 7, 'USER'), KEYWORD);
    });
  });

  describe('robustness', () => {
    it('an unterminated shell string in the body cannot run past the delimiter', () => {
      const lines = tokenize(withInjection, 'RUN <<EOF\necho "oops\nEOF\nUSER app\nCMD ["app"]');
      assert.ok(lineScopes(lines, 1).includes('string.quoted.double.shell'));
      assert.deepStrictEqual(lines[2], [{ text: 'EOF', scopes: DELIMITER }]);
      assert.deepStrictEqual(lines.slice(3), tokenize(baseOnly, 'USER app\nCMD ["app"]'));
    });

    it('leaves a Dockerfile without heredocs token-for-token unchanged', () => {
      const text = [
        '# syntax=docker/dockerfile:1',
        'FROM debian:bookworm AS build',
        'ARG VERSION="1.2.3"',
        'RUN apt-get update \\',
        '    && apt-get install -y --no-install-recommends curl \\',
        "    && echo 'done' > /tmp/x \\",
        '    && rm -rf /var/lib/apt/lists/*',
        'RUN echo $((1<<4)) && cat <<<"here-string"',
        'ENV PATH="/opt/bin:$PATH" \\',
        '    LANG=C.UTF-8',
        '  # indented comment with <<EOF',
        'ENTRYPOINT ["sh", "-c", "cat <<EOF"]',
        'CMD ["--help"]',
      ].join('\n');
      assert.deepStrictEqual(tokenize(withInjection, text), tokenize(baseOnly, text));
    });

    it('changes only the heredoc lines of a mixed Dockerfile', () => {
      const text = [
        'FROM alpine',
        'RUN apk add --no-cache \\',
        '      curl',
        'RUN <<EOF',
        'set -e',
        'EOF',
        'COPY <<EOF /x',
        'data',
        'EOF',
        "LABEL a='b' \\",
        '      c="d"',
      ].join('\n');
      const heredocLines = new Set([3, 4, 5, 6, 7, 8]);
      const injected = tokenize(withInjection, text);
      const base = tokenize(baseOnly, text);
      injected.forEach((line, i) => {
        if (heredocLines.has(i)) assert.ok(lineScopes(injected, i).includes(HD), `line ${i} should be a heredoc line`);
        else assert.deepStrictEqual(line, base[i], `line ${i} changed`);
      });
    });
  });
});
