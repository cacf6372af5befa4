import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseDockerfile } from '../../shared-rules/model/parse';
import { RelScript } from '../../shared-rules/shell/model';
import { runScripts } from '../../shared-rules/shell/run-scripts';
import { parseScript } from '../../shared-rules/shell/script-parser';
import { corpusDir, corpusFiles } from '../helpers/corpus';
import { buildRelative, loadOracle } from '../helpers/tree-sitter-oracle';

/*
 * parseScript replaces tree-sitter-bash + buildRelative. Wherever the oracle
 * reads a script as well-formed, parseScript must give exactly its RelScript
 * (unless bash itself rejects the script and parseScript reports an error:
 * see bashComplains); wherever the oracle finds an error, parseScript must
 * find one too.
 */

/** Constructs bash scripts in Dockerfiles use, and the corners of tree-sitter's reading of them. */
const HAND_WRITTEN: string[] = [
  'a=1 b "x$y" 2>&1 >f | c && d; if x; then y; fi',
  'a;\nb', 'a\nb', 'a &\nb', 'a & b', '>f a b >g c', 'A=$(b)', 'A=1 B=2', 'A=1 >f', 'A= b', 'A=#x b', 'A+=1 b', 'A[1]=x b', 'A=(1 2) b',
  'echo a == b', 'echo a =~ b', 'echo $', 'echo $ x', 'echo a$', 'echo a-$V/b-$V.tar.gz', 'echo a$V/b$V.x', 'echo $V$V$V-x', 'echo a$V.x',
  '[ -f x ] && y', '[[ a && b ]]\nc', '[[ a || b ]] ; c', 'echo $((a|b))', 'x=$((a|b))', '(( a | b ))', '(( i++ ))',
  'export A=1 B -n C $D "e"', 'local x=1', 'unset A B', 'unsetenv A', 'readonly A=$(x) B', 'declare -a A=(1 2)', 'typeset -i n', 'export A=$V/b$V.x',
  'echo if then fi', 'echo { } [ ] a{b c}d {a,b} {1..3} x{1..3} [a] a[1] ]',
  'echo a\\\nb "a"b\'c\'d $\'x\'y --o="$x" k=v ~/p *.txt 2>/dev/null 3>&1 a=b=c',
  'echo $V.x $V/x ${V}.x a$V.x a-$V-b $1x $@ $# $? $$x',
  'echo \\$x "\\$x \\" \\\\ \\a" a\\ b', '"a"\\ b', 'echo "a"\\.b x`b`y `a`b `a` "$" "a$"',
  'a && b || c && d; e | f |& g', '! a | b', 'time a', 'coproc a',
  'a <<<x >f', 'a >f <<<x', 'a >f b 2>&1 c', '{ a; } >f', '{ echo a }', 'echo }', 'echo a#b #c', 'echo a; # x', 'echo (',
  'x=1 y=$(a) b', 'a | b && c', 'if a; then b; elif c; then d; else e; fi', 'for i in a $(b); do c; done', 'for i; do c; done',
  'for ((i=0; i<3; i++)); do a; done', 'while a; do b; done', 'until a; do b; done', 'select x in a b; do c; done',
  'case $x in a|b) c;; *) d;; esac', 'case $x in (a) b ;& c) d ;;& *) e; esac', 'case x in\n  a) b\n  ;;\nesac',
  'f() { a; }', 'function f { a; }', 'function f() ( a )', 'f() [[ a ]]',
  'cat <<EOF | grep x\na $(b)\nEOF\nc', 'cat <<EOF > f && d\nbody\nEOF', 'cat <<-"EOF" a b\n\tx\n\tEOF\n', 'cat <<EOF\nx', '<<EOF\nEOF',
  "cat <<'EOF'\n$(\nEOF", 'cat <<EOF\n$(\nEOF', 'a <<< "$(b)" c',
  'a && b > f && c', 'a | b > f', 'a; b > f', 'a && b > f | c', 'a || b 2>&1 | c', '! a > f && b', 'a || b | c', 'a | b || c | d',
  '! { a | b; }', '! if a; then b; fi', '! [[ a ]]', '! ( a )', '! a=1', '{a,b} x', '{x', '}x', '{{ a }}',
  'fi', 'a; then x', 'done', '}', 'a; }', 'esac', ')', 'a )', 'in', 'a && fi', 'a | done',
  'for a in b; do for c in d; do e; done done', 'if a; then b; fi fi',
  'echo "$(echo "$(echo a)")"', 'echo `echo a`', 'a $(b; c) d', 'a $(b && c) && d', 'a <(b) >(c)', 'diff <(a) <(b)',
  "echo $'a\\'b' $\"x\" '' \"\"", 'echo ${a:-b} ${#a} ${a/b/c} ${a%%.*} ${a[@]} "${a}"', 'echo ${a:-$(b)}',
  'a 2>/dev/null; b &>/dev/null; c >>f; d <f; e 2>&-; f >|g',
  'a && \\\n b', 'a \\\n && b', 'a\\\n', '\\', 'a \\', 'echo a\\ ', '#!/bin/sh\na',
  '[ ]', '[ a ]', '[ -f a -a -f b ]', '[ ! -f a ]', '[ a = b ]', '[ a b ]', '[ -f x]', '[[ $a == b* && -n $c ]]', '[[ a =~ ^x(y|z)$ ]]', '[ "$(a)" ]',
  'a &&', 'a ||', 'a |', '&& a', '| a', ';', 'a ;;', 'a; ;', 'if a; then', 'while a; do b;', 'case a in', '$(', '$((', '${', '`', '"', "'", '$(a', '${a', 'a "b', "a 'b", 'a `b',
  '(a', '{ a;', 'a)', 'for', 'for i in', 'f() {', 'echo $(( 1 + ))',
  // `[`/`[[` in command position open a test even with a word attached.
  '[a]', '[a] b', '[a]x', '[]', '! [a]', '[[a ]]', '[[ a]]', '[[a]] && b', '[ a]', "(['b'] c)", "a(['b'], c)", "python -c x; easyocr.Reader(['en','es'], gpu=False)",
  // How `${…}` may begin.
  'echo ${a b}', 'echo ${a.b}', 'echo "${\\1:=\\2}"', 'echo ${$a} ${"a"}', 'echo ${-x}', 'echo ${#a:-x}', 'echo ${#a} ${#} ${#-} ${!a*} ${!a[@]} ${a!} ${1a} ${ a} ${a@Q} ${a:-x} ${@:2}',
  // Names tree-sitter's scanner lexes as assignment names, and those it leaves as words.
  'A=x -DX=Y b', 'A=x -D1=Y b', 'A=x -DX_Y=Y b', 'A=x -DX_=Y b', '--a=1 b', '-a-b=1 b', '1a=1 b', '10=1 b', '_=1 b', '__=1 b', '-0=1 b', 'A=x -D b', 'export -D_X=1 -DX=1',
  // A heredoc tree-sitter ends at `EOF #x`; bash reads on to the end of the text.
  'cat <<EOF\nx\nEOF #x', 'cat <<EOF\nx\nEOF #x\necho y',
  // Clean for tree-sitter, rejected by bash: parseScript reports the error (see bashComplains).
  "case $a in x86_64') u='a' ;; 'arm') u=b ;; esac", '[[ ! \\-e /x ]]',
];

/** Typing: the script cut at every few characters near its start, and at spread points later. */
function truncations(s: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < Math.min(s.length, 160); i += 3) out.push(s.slice(0, i));
  const step = Math.max(3, Math.floor(s.length / 12));
  for (let i = 160; i < s.length; i += step) out.push(s.slice(0, i));
  return out;
}

/** Quotes removed or added, continuation and escape oddities. */
const MUTATIONS: ((s: string) => string)[] = [
  (s) => s.replace(/"/g, ''),
  (s) => s.replace(/'/, ''),
  (s) => s.replace(/"/, ''),
  (s) => s.replace(/ /, ' "'),
  (s) => s.replace(/ ([^ ]*)$/, " '$1"),
  (s) => s.replace(/'/g, '"'),
  (s) => s.replace(/&&/g, '\\\n&&'),
  (s) => s.replace(/ && /g, ' &&\n'),
  (s) => s.replace(/ /g, ' \\\n'),
  (s) => s.replace(/;/g, ';;'),
  (s) => s.replace(/;/g, '\n'),
  (s) => s + ' \\',
  (s) => s + ' &&',
  (s) => s + ' #x',
  (s) => s.replace(/\$\(/, '$( '),
  (s) => s.replace(/\)/, ''),
  (s) => s.replace(/\$/g, '\\$'),
  (s) => s.replace(/\|/g, '||'),
  (s) => s.replace(/ -/g, ' \\-'),
];

function corpusScripts(): string[] {
  const dir = corpusDir();
  if (!dir) return [];
  const out = new Set<string>();
  for (const f of corpusFiles(dir)) {
    const model = parseDockerfile(readFileSync(f.path, 'utf8'));
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      const scripts = runScripts(model, instr);
      if (scripts.main) out.add(scripts.main.source.text);
      for (const h of scripts.heredocs) out.add(h.script.source.text);
    }
  }
  return [...out];
}

/**
 * The one place parseScript may part from tree-sitter: tree-sitter reads the
 * input clean, parseScript reports an error, and bash itself complains when
 * parsing it (`bash -n`: a non-zero exit or any diagnostic on stderr). That
 * covers tree-sitter accepting what bash rejects — quotes that pair
 * differently once one is removed (`x86_64') url='…'`), `[[ ! \-e f ]]`
 * ("conditional binary operator expected", which bash prints but exits 0 on) —
 * and a heredoc tree-sitter ends at a line that only starts with its
 * delimiter (`EOF #x`), which bash reads on to the end ("here-document
 * delimited by end-of-file"). Reporting an error there is the safe side: the
 * core declines to fix such a script. Never the other way round: a missed
 * error always fails.
 */
function bashComplains(input: string): boolean {
  const r = spawnSync('bash', ['-n', '-c', input], { encoding: 'utf8', timeout: 10_000 });
  if (r.error || r.status === null) throw new Error(`bash -n could not judge ${JSON.stringify(input.slice(0, 80))}: ${r.error?.message ?? r.signal}`);
  return r.status !== 0 || r.stderr.trim() !== '';
}

interface Tally {
  inputs: number;
  clean: number;
  equal: number;
  /** Clean for tree-sitter, an error for parseScript, and bash complains too. */
  bashRejects: number;
  failures: string[];
}

function check(inputs: Iterable<string>): Tally {
  const t: Tally = { inputs: 0, clean: 0, equal: 0, bashRejects: 0, failures: [] };
  for (const input of inputs) {
    t.inputs++;
    const expected = buildRelative(input);
    let actual: RelScript;
    try {
      actual = parseScript(input);
    } catch (e) {
      t.failures.push(`${JSON.stringify(input)}\nthrew ${(e as Error).stack}`);
      continue;
    }
    if (expected.hasErrors) {
      if (!actual.hasErrors) t.failures.push(`${JSON.stringify(input)}\ntree-sitter finds an error, parseScript none`);
      continue;
    }
    t.clean++;
    if (actual.hasErrors && bashComplains(input)) {
      t.bashRejects++;
      continue;
    }
    try {
      assert.deepStrictEqual(actual, expected);
      t.equal++;
    } catch (e) {
      t.failures.push(`${JSON.stringify(input)}\n${(e as Error).message}`);
    }
  }
  return t;
}

function assertAgrees(name: string, t: Tally): void {
  console.log(`    ${name}: ${t.inputs} inputs, ${t.clean} clean for tree-sitter, ${t.equal} equal, ${t.bashRejects} errors only for parseScript and bash -n`);
  assert.equal(t.failures.length, 0, `parseScript differs from tree-sitter on ${t.failures.length} of ${t.inputs} inputs; the first:\n${t.failures.slice(0, 3).join('\n\n')}`);
}

describe('shell: parseScript against tree-sitter-bash (buildRelative)', function () {
  this.timeout(120_000);
  let scripts: string[] = [];
  before(async () => {
    await loadOracle();
    scripts = corpusScripts();
  });

  it('on the hand-written table and its truncations', () => {
    const inputs = new Set(HAND_WRITTEN);
    for (const s of HAND_WRITTEN) for (const c of truncations(s)) inputs.add(c);
    assertAgrees('hand-written', check(inputs));
  });

  it('on every script the core extracts from the corpus', function () {
    if (scripts.length === 0) this.skip();
    assert.ok(scripts.length >= 2000, `only ${scripts.length} corpus scripts`);
    const t = check(scripts);
    assertAgrees('corpus', t);
    assert.ok(t.clean >= scripts.length * 0.95, `only ${t.clean} of ${scripts.length} corpus scripts are clean for tree-sitter`);
  });

  it('on mutations of the corpus scripts (quotes, continuations, operators)', function () {
    if (scripts.length === 0) this.skip();
    const inputs = new Set<string>();
    for (const s of scripts) for (const m of MUTATIONS) inputs.add(m(s));
    assertAgrees('mutations', check(inputs));
  });

  it('on truncations of the corpus scripts (typing)', function () {
    if (scripts.length === 0) this.skip();
    const inputs = new Set<string>();
    for (const s of scripts) for (const c of truncations(s)) inputs.add(c);
    assertAgrees('truncations', check(inputs));
  });

  it('never throws, and stays shallow and linear on hostile input', () => {
    const hostile = ['$('.repeat(10_000), '('.repeat(10_000), '{ '.repeat(10_000), '"$('.repeat(5_000), '${'.repeat(10_000), '`'.repeat(9_999), 'if a; then '.repeat(3_000), '[[ ('.repeat(5_000), '$(('.repeat(5_000)];
    for (const h of hostile) assert.equal(parseScript(h).hasErrors, true, h.slice(0, 20));
    assert.equal(parseScript('a | '.repeat(20_000) + 'b').commands.length, 20_001);
  });
});
