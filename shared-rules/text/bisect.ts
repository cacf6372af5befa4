/** First i in [lo, hi) with pred(i), for a pred that is false then true over the range; hi when none. */
export function bisect(lo: number, hi: number, pred: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
