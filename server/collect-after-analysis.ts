/**
 * A full collection after an analysis that ran long, on the turn after its
 * diagnostics are handed to the connection.
 *
 * V8 sets the old generation's next limit from what its last full collection
 * kept (1.3× it, see main.ts). Opening a 20,000-line file analyses it for
 * about a second and allocates ~250 MB; a collection that lands in that
 * second keeps the analysis' working set and what was promoted while it
 * marked, up to ~77 MB where the document keeps ~35, and the limit then lets
 * the heap reach ~180 MB before the next one. Collecting right after the
 * analysis sets the limit from what the document really keeps. Over ten
 * alternating sessions each, peak RSS at 20,000 lines: 121–147 MB (median
 * 128) against 124–167 MB (median 154) without; keystroke latency unchanged.
 *
 * An analysis of 300 ms or more is one such (an open of a file of some
 * thousands of lines). Keystrokes are incremental and far shorter, so they
 * never pay it. The price, on such files only: the collection runs on the
 * turn after the diagnostics are handed to the connection, which writes them
 * on that turn too, so the end of a ~1 MB publication waits for it; opening
 * one 20,000-line file after another took ~0.9 s instead of ~0.8 s (medians
 * of twelve opens each). Waiting for the write to complete instead left
 * peaks of 146-187 MB (six sessions).
 */
export const LONG_ANALYSIS_MS = 300;

export class CollectAfterLongAnalysis {
  private pending = false;

  constructor(
    private readonly collect: () => void,
    private readonly thresholdMs = LONG_ANALYSIS_MS,
    // The next turn, after the connection's write task (queued first) has started the write.
    private readonly defer: (f: () => void) => void = (f) => void setImmediate(f),
  ) {}

  /** An analysis took `ms`; several long ones in one turn share one collection. */
  analysed(ms: number): void {
    if (ms < this.thresholdMs || this.pending) return;
    this.pending = true;
    this.defer(() => {
      this.pending = false;
      this.collect();
    });
  }
}
