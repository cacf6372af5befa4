import * as assert from 'assert';
import { CollectAfterLongAnalysis, LONG_ANALYSIS_MS } from '../../server/collect-after-analysis';
import { collectFully, exposeFullCollection } from '../../server/full-collection';

/** A collector whose deferred work runs when the test says. */
function harness(threshold = LONG_ANALYSIS_MS) {
  let collections = 0;
  const deferred: (() => void)[] = [];
  const c = new CollectAfterLongAnalysis(() => collections++, threshold, (f) => deferred.push(f));
  const turn = () => deferred.splice(0).forEach((f) => f());
  return { c, turn, collections: () => collections, deferred };
}

/** Heap used with ~8 MB of garbage in it, made in a scope that has ended when this returns: only a full collection frees it. */
function heapWithGarbage(): number {
  const junk = Array.from({ length: 2000 }, () => new Array<number>(500).fill(1));
  return process.memoryUsage().heapUsed + junk.length * 0;
}

describe('server: a full collection after a long analysis', function () {
  it('collects once, on a later turn, after an analysis of the threshold or longer', function () {
    const h = harness();
    h.c.analysed(LONG_ANALYSIS_MS);
    assert.strictEqual(h.collections(), 0, 'not while the publication is still being written');
    h.turn();
    assert.strictEqual(h.collections(), 1);
  });

  it('leaves short analyses (keystrokes) alone', function () {
    const h = harness();
    for (const ms of [0, 5, 60, LONG_ANALYSIS_MS - 1]) h.c.analysed(ms);
    h.turn();
    assert.strictEqual(h.collections(), 0);
  });

  it('gives long analyses finished in one turn one collection, and the next turn its own', function () {
    const h = harness();
    h.c.analysed(900);
    h.c.analysed(1200);
    assert.strictEqual(h.deferred.length, 1);
    h.turn();
    h.c.analysed(400);
    h.turn();
    assert.strictEqual(h.collections(), 2);
  });

  it('gets a working full collection from this runtime without a command-line flag', function () {
    const gc = exposeFullCollection();
    assert.ok(gc, 'the runtime refused --expose-gc: the server would lose its collection after long analyses');
    const before = heapWithGarbage();
    gc();
    assert.ok(process.memoryUsage().heapUsed < before - 4 * 1024 * 1024, 'heap did not shrink after the collection');
  });

  it('collects on every call of collectFully, which obtains gc on its first', function () {
    for (let round = 0; round < 2; round++) {
      const before = heapWithGarbage();
      collectFully();
      assert.ok(process.memoryUsage().heapUsed < before - 4 * 1024 * 1024, `heap did not shrink after call ${round + 1}`);
    }
  });
});
