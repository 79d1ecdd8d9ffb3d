/**
 * Answers that depend only on data with a version (the ledger's last movement id, a settings counter…):
 * kept per key until the version changes, so an unchanged ledger is read once, not on every request.
 * Concurrent callers of the same key and version share one computation (the overview's cards ask for
 * the same planning position at once). A failed computation is forgotten. At most `maxEntries` keys,
 * the least recently used dropped first.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { version: string; value: Promise<V> }>();

  constructor(private readonly maxEntries = 16) {}

  get(key: string, version: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.version === version) {
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    const entry = { version, value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
