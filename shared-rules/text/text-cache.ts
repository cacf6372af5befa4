import { detach } from './detach';

/**
 * A text-keyed cache bounded by entries and by characters.
 *
 * These caches outlive documents and versions. A count alone does not bound
 * them: typing `RUN <<EOF` near the top of a large file makes the rest of the
 * file one heredoc, so every keystroke brings a new key of the file's size
 * (5,000 entries of a 130 KB text is 650 MB). A text longer than an eighth of
 * the budget is not kept at all. Keys are stored as copies (text/detach).
 */
export class TextCache<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  get size(): number {
    return this.map.size;
  }

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    if (this.map.has(key)) {
      // Map.set keeps the stored key, which is already a copy.
      this.map.set(key, value);
      return;
    }
    this.add(detach(key), value);
  }

  /**
   * The value for `key`, else what `create` makes of it, kept when defined.
   * `create` gets the copy of the key the cache keeps, so a value built from
   * it holds no view of the text the key was cut from, and there is one copy.
   */
  getOrCreate(key: string, create: (own: string) => V): V;
  getOrCreate(key: string, create: (own: string) => V | undefined): V | undefined;
  getOrCreate(key: string, create: (own: string) => V | undefined): V | undefined {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const own = detach(key);
    const value = create(own);
    if (value !== undefined) this.add(own, value);
    return value;
  }

  /** Stores a key that is already a copy of its own and not in the cache. */
  private add(own: string, value: V): void {
    if (own.length * 8 > this.maxChars) return;
    // Emptied when full rather than trimmed oldest-first: a full cache keeps
    // its bound all the time, an emptied one half of it on average, and at
    // 20,000 lines that was 30 MB less RSS for the same latency.
    if (this.map.size >= this.maxEntries || this.chars + own.length > this.maxChars) this.clear();
    this.map.set(own, value);
    this.chars += own.length;
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
  }
}

/**
 * The budget every text-keyed cache of the core uses: about 100 KB of text
 * (the values weigh several times their keys). An open document does not need
 * them (edits reuse the previous version's model, also when a new line moves
 * every instruction below it), so what they hold is mostly closed documents:
 * at 1,000,000 characters a 20,000-line session peaked at 223 MB, at 100,000
 * at 174 MB, with the same keystroke latency (typing and new lines) and the
 * same corpus throughput.
 */
export function textCache<V>(): TextCache<V> {
  return new TextCache<V>(2_000, 100_000);
}
