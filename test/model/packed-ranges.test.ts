import assert from 'node:assert/strict';
import { parseDockerfile } from '../../shared-rules/model/parse';
import { DockerfileModel } from '../../shared-rules/model/types';
import { runScripts } from '../../shared-rules/shell/run-scripts';
import { Word } from '../../shared-rules/shell/model';

// Arguments, script words and commands keep their ranges as four numbers and
// build them when read (text/packed-range); moved copies move the numbers.

const RUN = ['RUN --mount=type=cache,target=/var/cache/apt apt-get update && \\', '    apt-get install -y "curl" \\', '      ca-certificates > /tmp/log && echo "done"'];
const TEXT = ['FROM debian:bookworm-slim AS base', ...RUN, 'COPY --chown=app a.txt "b c.txt" /srv/', 'FROM base', '# again, further down and indented', ...RUN.map((l) => `  ${l}`), 'CMD ["sh", "-c", "echo hi"]', ''].join('\n');

/** Every argument, script word and command of `m`, checked against the text at its range. */
function checkRanges(m: DockerfileModel, label: string): number {
  let checked = 0;
  for (const instr of m.instructions) {
    for (const a of instr.args) {
      if (instr.jsonForm) continue; // JSON strings' ranges include the quotes and differ from the decoded value
      assert.equal(m.lines.slice(a.range), a.raw, `${label}: ${instr.keyword} argument ${a.raw}`);
      checked++;
    }
    const scripts = runScripts(m, instr);
    for (const s of scripts.all) {
      for (const c of s.commands) {
        assert.deepEqual(c.range, m.lines.rangeOf(c.start, c.end), `${label}: command ${c.name}`);
        const words: Word[] = [c.nameWord, ...c.args, ...c.redirects.flatMap((r) => (r.target ? [r.target] : []))];
        for (const w of words) {
          assert.deepEqual(w.range, m.lines.rangeOf(w.start, w.end), `${label}: word ${w.text}`);
          checked++;
        }
      }
    }
  }
  return checked;
}

describe('packed ranges of arguments, script words and commands', () => {
  it('name the text they cover, in a fresh parse and after edits move them by lines and characters', () => {
    let m = parseDockerfile(TEXT);
    const n = checkRanges(m, 'fresh');
    assert.ok(n > 25, `only ${n} ranges checked`);
    // A new line above (moved lines), a character before on the same line (moved offsets), an edit in between.
    const edits: ((t: string) => string)[] = [(t) => '# top\n' + t, (t) => t.replace('FROM base', 'FROM  base'), (t) => t.replace('a.txt', 'a.txt\n'), (t) => t.replace('# again', '\n\n# again')];
    let text = TEXT;
    for (const [k, edit] of edits.entries()) {
      text = edit(text);
      m = parseDockerfile(text, m);
      assert.equal(checkRanges(m, `after edit ${k + 1}`), checkRanges(parseDockerfile(text), `edit ${k + 1} from scratch`));
    }
  });

  it('give a new object on each read: changing one leaves the model as it was', () => {
    const m = parseDockerfile(TEXT);
    const arg = m.instructions[1].args[0];
    const word = runScripts(m, m.instructions[1]).main!.commands[0].nameWord;
    for (const node of [arg, word]) {
      const r = node.range;
      assert.notEqual(node.range, r);
      r.start.line = 99;
      assert.equal(node.range.start.line, 1);
    }
  });

  it('serialize as plain objects with their range', () => {
    const m = parseDockerfile(TEXT);
    const word = runScripts(m, m.instructions[1]).main!.commands[0].nameWord;
    assert.deepEqual(JSON.parse(JSON.stringify(word)), { text: 'apt-get', value: 'apt-get', static: true, start: word.start, end: word.end, range: { start: { line: 1, character: 45 }, end: { line: 1, character: 52 } } });
    assert.deepEqual(JSON.parse(JSON.stringify(m.instructions[0].args[0])), { raw: 'debian:bookworm-slim', value: 'debian:bookworm-slim', range: { start: { line: 0, character: 5 }, end: { line: 0, character: 25 } } });
  });
});
