/**
 * `compute` memoized by key for one CLI run. A run lints many files and never
 * adds files to disk (fix-all leaves out fixes that create files), so what
 * it learns about a folder holds for the whole run; undefined answers are
 * kept too.
 */
export function perRun<V>(compute: (key: string) => V): (key: string) => V {
  const memo = new Map<string, V>();
  return (key) => {
    if (memo.has(key)) return memo.get(key) as V;
    const value = compute(key);
    memo.set(key, value);
    return value;
  };
}
