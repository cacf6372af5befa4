import assert from 'node:assert/strict';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateDockerfile, rng } from '../../scripts/bench/generate';
import { DocumentStore } from '../../server/document-store';
import { allRules } from '../../shared-rules/rules/index';
import { Linter } from '../../shared-rules/engine/lint';

/**
 * A server keeps one model per open document, but the model, its memos and
 * the text-keyed caches are shared with later versions. Any string they keep
 * that is a V8 view of one version's text keeps that whole text alive, so a
 * session of scattered edits in a large file would hold one copy of the file
 * per edit (text/detach.ts). This types at many places and weighs the heap.
 */

function collect(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return getHeapStatistics().used_heap_size;
}

function session(targetsOf: (line: string) => boolean) {
  const every = Object.fromEntries(allRules.map((r) => [r.meta.id, 'warning' as const]));
  const store = new DocumentStore(new Linter(allRules), () => ({ rules: every }), () => ({}));
  const text = generateDockerfile(5_000, 7);
  let doc = TextDocument.create('file:///tmp/layerwise-test/retention/Dockerfile', 'dockerfile', 1, text);
  store.analysis(doc);
  const targets = text
    .split('\n')
    .map((l, i) => (targetsOf(l) ? i : -1))
    .filter((i) => i >= 0);
  assert.ok(targets.length >= 20, 'the generated file has places to type at');
  const pick = rng(11);
  /** Types one character at the end of a random target line, and analyses the new version. */
  const type = (count: number) => {
    for (let k = 0; k < count; k++) {
      const line = targets[Math.floor(pick() * targets.length)];
      const character = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).trimEnd().length;
      doc = TextDocument.update(doc, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }], doc.version + 1);
      store.analysis(doc);
    }
  };
  return { type, size: text.length };
}

/** Heap growth over `count` edits after `warm` edits (enough for the caches to fill up to their bounds). */
function growth(targetsOf: (line: string) => boolean, warm: number, count: number): { grown: number; size: number; count: number } {
  const { type, size } = session(targetsOf);
  type(warm);
  const before = collect();
  type(count);
  return { grown: collect() - before, size, count };
}

describe('memory over an editing session', function () {
  this.timeout(120_000);

  // A kept version costs at least its text (one byte per ASCII character): 120 edits would be 120×.
  // Without leaks the heap still moves by a few times the text as the bounded caches fill and empty.
  const report = ({ grown, size, count }: { grown: number; size: number; count: number }) => `the heap grew by ${(grown / 1e6).toFixed(2)} MB over ${count} edits, ${(grown / size).toFixed(1)}× the text (${(size / 1e3).toFixed(0)} KB)`;

  it('edits at 120 places in a 5,000-line file keep no old version of its text alive', () => {
    const r = growth((l) => /^(RUN|#|COPY|ENV) /.test(l) && !l.includes('<<'), 300, 120);
    assert.ok(r.grown < 24 * r.size, report(r));
  });

  it('typing after a heredoc marker, which makes the rest of the file its body, keeps memory bounded', () => {
    // Each keystroke here makes the rest of the file one heredoc, so texts of the file's size pass through the text caches (their character bound is tested in test/text/text-cache.test.ts).
    const r = growth((l) => /<<-?EOF$/.test(l), 60, 40);
    assert.ok(r.grown < 24 * r.size, report(r));
  });
});
