/**
 * Loaded specs kept by recency within a byte budget: a spec past the budget is dropped and loaded again when next
 * asked for. Sizes are estimates (see `approximateBytes`), so the budget bounds memory to a factor, not a byte.
 */
export class SpecCache<K, V> {
  private readonly items = new Map<K, { value: V; bytes: number }>();
  private used = 0;

  constructor(
    readonly budgetBytes: number,
    private readonly onEvict: (key: K, value: V) => void = () => {},
  ) {}

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.items.size;
  }

  get(key: K): V | undefined {
    const item = this.items.get(key);
    if (!item) return undefined;
    // Map order is insertion order: re-inserting makes it the most recent.
    this.items.delete(key);
    this.items.set(key, item);
    return item.value;
  }

  has(key: K): boolean {
    return this.items.has(key);
  }

  /** Adds or replaces; the newest item stays even when it alone is over budget (it is being served). */
  set(key: K, value: V, bytes: number): void {
    this.delete(key);
    this.items.set(key, { value, bytes });
    this.used += bytes;
    this.evictUntil(() => this.used <= this.budgetBytes, key);
  }

  /** Evicts the least recently used until `bytes` more fit: called before a load, whose peak is above its final size. */
  makeRoom(bytes: number): void {
    this.evictUntil(() => this.used + bytes <= this.budgetBytes);
  }

  private evictUntil(fits: () => boolean, keep?: K): void {
    for (const [oldest, item] of this.items) {
      if (fits() || oldest === keep) break;
      this.items.delete(oldest);
      this.used -= item.bytes;
      this.onEvict(oldest, item.value);
    }
  }

  delete(key: K): void {
    const item = this.items.get(key);
    if (!item) return;
    this.items.delete(key);
    this.used -= item.bytes;
  }

  keys(): K[] {
    return [...this.items.keys()];
  }
}

/**
 * A loaded spec holds its source text, the parsed document, the bundled copy, its lint and, once downloaded, the
 * serialized and gzipped files: measured at 11 times its source size over 30 corpus specs (heap and buffers after a
 * GC), rounded up. bench/portal.ts --scale checks RSS against the budget.
 */
export const HEAP_PER_SOURCE_BYTE = 12;

export function approximateBytes(sourceBytes: number): number {
  return sourceBytes * HEAP_PER_SOURCE_BYTE;
}
