/**
 * The same text as `s`, in memory of its own.
 *
 * V8 represents `text.slice(a, b)` of 13 or more characters as a view that
 * keeps all of `text` alive, and `a + b` as a pair that keeps both parts
 * alive. Whatever outlives one version of a document (a text-keyed cache, a
 * parse reused by later versions, a memoized finding) must hold copies, or
 * every version of a 20,000-line file that one of them was cut from stays
 * resident: 21 copies after 50 keystrokes, before this.
 *
 * Concatenating forces a flat copy of `s` when it is sliced from the result;
 * short strings are copied by V8 already.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
