import assert from 'node:assert/strict';
import { Connection, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultLinter } from '../../shared-rules/index';
import { DocumentStore } from '../../server/document-store';
import { ValidationScheduler } from '../../server/validation';

const URI = 'file:///tmp/layerwise-test/scheduler/Dockerfile';
// Longer than any test: a validation that waits for this timer is never seen.
const DELAY_MS = 60_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The scheduler over a real store, a document set of one and a connection that records publications. */
function harness(text: string, analysed?: (ms: number) => void) {
  let doc = TextDocument.create(URI, 'dockerfile', 1, text);
  const published: PublishDiagnosticsParams[] = [];
  const connection = {
    sendDiagnostics: (p: PublishDiagnosticsParams) => {
      published.push(p);
      return Promise.resolve();
    },
    console: { error: (m: string) => assert.fail(m) },
  } as unknown as Connection;
  const documents = { get: (uri: string) => (uri === URI ? doc : undefined), all: () => [doc] } as unknown as TextDocuments<TextDocument>;
  const store = new DocumentStore(defaultLinter(), () => ({}), () => ({}));
  const scheduler = new ValidationScheduler(connection, documents, store, () => DELAY_MS, () => true, analysed);
  const edit = (newText: string) => {
    doc = TextDocument.create(URI, 'dockerfile', doc.version + 1, newText);
  };
  return { scheduler, published, edit, dispose: () => scheduler.close(URI) };
}

describe('validation scheduler', () => {
  it('tells how long each published analysis took, after publishing it', async () => {
    const told: { ms: number; publishedBefore: number }[] = [];
    const h = harness('FROM ubuntu\nMAINTAINER me\n', (ms) => told.push({ ms, publishedBefore: h.published.length }));
    h.scheduler.schedule(URI, true);
    await nextTurn();
    h.edit('FROM ubuntu\n');
    h.scheduler.schedule(URI, true);
    await nextTurn();
    assert.equal(told.length, 2);
    assert.deepEqual(told.map((t) => t.publishedBefore), [1, 2]);
    for (const t of told) assert.ok(Number.isFinite(t.ms) && t.ms >= 0, `duration ${t.ms}`);
    h.dispose();
  });

  it('validates an opened document on the next turn, although its change event follows in the same turn', async () => {
    const h = harness('FROM ubuntu\nMAINTAINER me\n');
    // What the server does for didOpen: onDidOpen, then onDidChangeContent, in one turn.
    h.scheduler.schedule(URI, true);
    h.scheduler.schedule(URI);
    await nextTurn();
    assert.equal(h.published.length, 1, 'published before the validation delay');
    assert.equal(h.published[0].version, 1);
    assert.ok(h.published[0].diagnostics.some((d) => d.code === 'maintainer-deprecated'));
    h.dispose();
  });

  it('validates the first change after a quiet period at once, on the newest version', async () => {
    const h = harness('FROM ubuntu\n');
    h.edit('FROM ubuntu\nMAINTAINER me\n');
    h.scheduler.schedule(URI);
    h.edit('FROM ubuntu\nMAINTAINER me\nMAINTAINER you\n');
    h.scheduler.schedule(URI);
    await nextTurn();
    assert.deepEqual(
      h.published.map((p) => p.version),
      [3],
    );
    assert.equal(h.published[0].diagnostics.filter((d) => d.code === 'maintainer-deprecated').length, 2);
    h.dispose();
  });

  it('holds a change that follows a validation for the cost of the last one, not for the whole delay', async () => {
    const h = harness('FROM ubuntu\n');
    h.scheduler.schedule(URI, true);
    await nextTurn();
    assert.equal(h.published.length, 1);
    h.edit('FROM ubuntu\nMAINTAINER me\n');
    h.scheduler.schedule(URI);
    // Validating two lines takes milliseconds; the delay is a minute, far past this test's timeout.
    while (h.published.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(h.published[1].version, 2);
    h.dispose();
  });
});
