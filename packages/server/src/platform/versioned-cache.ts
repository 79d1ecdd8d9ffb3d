import { planningVersionRepository } from '@stockwise/db/replenishment/planning-version.repository';
import { planningSnapshotsRepository } from '@stockwise/db/replenishment/planning-snapshots.repository';
import { buildId } from './build-id';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec';
import type { Transactor } from './transactor';

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

/** A query's cache key: every field, in a fixed order (a field added to the query keeps keys apart). */
export function keyOf(accountId: number, method: string, q: object): string {
  const fields = Object.entries(q)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${String(accountId)}|${method}|${JSON.stringify(fields)}`;
}

/** An answer waiting to be stored: whose unit of work computed it, how to store it now, when it is done. */
interface PendingStore {
  owner: Transactor;
  hurry: () => void;
  done: Promise<void>;
}

const pendingStores = new Set<PendingStore>();

/** How long an answer's planning version must stay current before the answer is stored. */
export const STORE_AFTER_QUIET_MS = 2_000;

/** How long a graceful shutdown waits at most for the answers still to be stored (docs/decisions.md 48). */
export const STORE_ON_CLOSE_AT_MOST_MS = 8_000;

/** Resolves once every answer computed so far is stored (tests restarting on the same database). */
export async function snapshotsStored(): Promise<void> {
  while (pendingStores.size > 0) await Promise.all([...pendingStores].map((p) => p.done));
}

/**
 * Stores now, without waiting for their version to hold still, the answers `owner`'s caches computed and
 * have not stored yet (those of a version since moved on are still dropped), and resolves once they are
 * stored, or after `atMostMs`: a graceful shutdown calls it before closing the database, so that a
 * restarted process starts from what this one planned (docs/decisions.md 48). A store still running then
 * finishes or fails on its own; a crash loses what was not stored, as before.
 */
export async function storePendingSnapshots(
  owner: Transactor,
  atMostMs = STORE_ON_CLOSE_AT_MOST_MS,
): Promise<void> {
  const deadline = performance.now() + atMostMs;
  for (;;) {
    const mine = [...pendingStores].filter((p) => p.owner === owner);
    const left = deadline - performance.now();
    if (mine.length === 0 || left <= 0) return;
    for (const p of mine) p.hurry();
    let timer: NodeJS.Timeout | undefined;
    const timeUp = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, left);
    });
    await Promise.race([Promise.all(mine.map((p) => p.done)), timeUp]);
    clearTimeout(timer);
  }
}

/** Resolves after `ms` (a timer that keeps no process alive), or at once when `now()` is called. */
function quietFor(ms: number): { elapsed: Promise<void>; now: () => void } {
  let now = (): void => undefined;
  const elapsed = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms).unref();
    now = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { elapsed, now };
}

/**
 * Answers kept while the account's planning version (ledger, catalogue, locations, fees, forecasts…;
 * `planningVersionRepository`) is unchanged. Inside a transaction it answers uncached, as that
 * transaction may see its own writes. With `persistAs`, an answer is also stored (planning_snapshots,
 * under its key, the version read before computing it and the build computing it) and a process that
 * finds none in memory reads it from there first: a restart does not compute it again
 * (docs/decisions.md 34).
 */
export class PlanningVersionCache<V> {
  private readonly cache = new VersionedCache<V>();

  constructor(
    private readonly unitOfWork: Transactor,
    private readonly options: { persistAs?: string } = {},
  ) {}

  /** With `persist: false`, this key's answers are kept in memory only (a one-SKU query's). */
  async get(
    accountId: number,
    key: string,
    compute: () => Promise<V>,
    options: { persist?: boolean } = {},
  ): Promise<V> {
    if (this.unitOfWork.inTransaction) return compute();
    const version = await planningVersionRepository.current(this.unitOfWork.sql, accountId);
    const { persistAs } = this.options;
    if (persistAs === undefined || options.persist === false) return this.cache.get(key, version, compute);
    return this.cache.get(key, version, () =>
      this.stored(accountId, { kind: persistAs, key: `${persistAs}|${key}`, version }, compute),
    );
  }

  /**
   * The answer last stored under this key by this build, whatever its planning version (null when none):
   * for a caller that can bring an older answer up to date itself (docs/decisions.md 46).
   */
  async latestStored(accountId: number, key: string): Promise<V | null> {
    const { persistAs } = this.options;
    if (persistAs === undefined || this.unitOfWork.inTransaction) return null;
    const body = await planningSnapshotsRepository.findAnyVersion(this.unitOfWork.sql, accountId, {
      key: `${persistAs}|${key}`,
      build: await buildId(),
    });
    return (decoded(body) as V | undefined) ?? null;
  }

  private async stored(
    accountId: number,
    k: { kind: string; key: string; version: string },
    compute: () => Promise<V>,
  ): Promise<V> {
    const sql = this.unitOfWork.sql;
    const at = { ...k, build: await buildId() };
    const body = await planningSnapshotsRepository.find(sql, accountId, at);
    const hit = decoded(body) as V | undefined;
    if (hit !== undefined) return hit;
    const value = await compute();
    // Encoded and stored after the answer is handed back (a restock page's row, 1.2 MB at 300 SKUs and
    // 10 MB at 3,000, took PGlite seconds to write), and only once its version has held for
    // STORE_AFTER_QUIET_MS: while orders flow every answer is soon old, and writing each one stood in the
    // way of the next request (docs/decisions.md 34).
    // A graceful shutdown stores it at once (storePendingSnapshots).
    const quiet = quietFor(STORE_AFTER_QUIET_MS);
    const pending: PendingStore = {
      owner: this.unitOfWork,
      hurry: quiet.now,
      done: (async () => {
        await quiet.elapsed;
        if ((await planningVersionRepository.current(sql, accountId)) !== k.version) return;
        await planningSnapshotsRepository.store(sql, accountId, at, encodeSnapshot(value));
      })()
        .catch(() => {
          // Not stored (an answer the codec refuses, a failed write, a closed database): computed again later.
        })
        .finally(() => pendingStores.delete(pending)),
    };
    pendingStores.add(pending);
    return value;
  }
}

/** A stored body's answer; undefined when none, or one that cannot be read (computed again instead). */
function decoded(body: string | null): unknown {
  if (body === null) return undefined;
  try {
    return decodeSnapshot(body);
  } catch {
    return undefined;
  }
}
