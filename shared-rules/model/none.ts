/**
 * The one empty list that the model's read-only lists share when they are
 * empty: a 20,000-line file's instructions, logical units and shell commands
 * held ~60,000 empty arrays of their own (32 bytes each). Frozen, so a push
 * past the readonly types throws instead of filling every empty list at once.
 */
export const NONE: readonly never[] = Object.freeze([]);

/** `xs.map(f)`, or NONE when `xs` is empty. */
export function mapOrNone<T, U>(xs: readonly T[], f: (x: T, i: number) => U): readonly U[] {
  return xs.length === 0 ? NONE : xs.map(f);
}
