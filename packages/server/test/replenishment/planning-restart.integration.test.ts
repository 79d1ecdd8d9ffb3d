import { afterEach, expect, it, vi } from 'vitest';
import type { Database } from '@stockwise/db/database';
import { planningChangesRepository } from '@stockwise/db/replenishment/planning-changes.repository';
import { planningSnapshotsRepository } from '@stockwise/db/replenishment/planning-snapshots.repository';
import { todayUtc } from '../../src/forecasting/forecast.service';
import { snapshotsStored } from '../../src/platform/versioned-cache';
import { CHANGE_NOTES_KEPT_SECONDS } from '../../src/replenishment/planning-changes.jobs';
import { createStockwise, type Stockwise } from '../../src/stockwise';
import { describeEachBackend } from '../support/backends';
import { useDemoSeller } from '../support/demo-seller';
import { expectSameAsFull as sameAsFull, useForecastDemoSkus } from '../support/planning-equality';

/**
 * A restarted server starts from the planned lines a previous process stored, with where their inputs
 * stood, and re-plans only the SKUs changed since (docs/decisions.md 46): after writes the previous
 * process never planned, the restarted service's position and plan equal a fresh full computation and
 * read no whole inputs. Lines of another build, or older than the pruned change notes, are planned whole.
 * A graceful shutdown stores the lines not stored yet before it closes the database (decision 48).
 */
describeEachBackend('Planning position after a restart re-planned per touched SKU', (backend) => {
  const seller = useDemoSeller(backend, 16);
  const asOf = todayUtc();
  const demo = useForecastDemoSkus(seller, { asOf, count: 16 });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The lines planned by `sw` are stored (as at a shutdown); a new set of services on the database. */
  const restarted = async () => {
    await snapshotsStored();
    return createStockwise(seller.sw.db);
  };
  /** A view of `db` that `close()` shuts for its holder only (the suite's database stays open). */
  const closable = (db: Database): Database => {
    let closed = false;
    const open = () => (closed ? Promise.reject(new Error('database closed')) : Promise.resolve());
    return {
      kind: db.kind,
      query: (text, params, options) => open().then(() => db.query(text, params, options)),
      exec: (text) => open().then(() => db.exec(text)),
      transaction: (fn) => open().then(() => db.transaction(fn)),
      close: () => {
        closed = true;
        return Promise.resolve();
      },
    };
  };
  const receipt = (sw: Stockwise, sku: string) =>
    sw.ledger.post(seller.actor, [{ sku, location: demo.hub, request: { type: 'receipt', quantity: 11 } }]);

  /** `sw`'s answers equal the full computation's; `wholeReads` counts whole input reads. */
  const expectSameAsFull = (sw: Stockwise, what: string, wholeReads: number) =>
    sameAsFull(sw, { actor: seller.actor, asOf, what, wholeReads });

  it('re-plans only what changed since the lines a previous process stored', async () => {
    const [a = '', b = '', c = ''] = demo.skus;
    await seller.sw.planning.position(seller.actor, { asOf });
    // Stored once their version has held still (docs/decisions.md 34).
    await snapshotsStored();
    // Writes the first process never plans: the restarted one finds them through the notes and the ledger.
    await receipt(seller.sw, a);
    await seller.sw.restock.updateSettings(seller.actor, b, { serviceLevel: 0.97, minCoverDays: 40 });
    const first = await restarted();
    await expectSameAsFull(first, 'first computation after a restart', 0);
    await receipt(first, c);
    await expectSameAsFull(first, 'a receipt after the restart', 0);
    // Restarted again: the lines the first restart planned were stored in turn.
    const second = await restarted();
    await second.catalog.updateProduct(seller.actor, a, { unitCost: 7.25 });
    await expectSameAsFull(second, 'a product edit after a second restart', 0);
  }, 240_000);

  it('keeps the stored lines when another kind of answer is stored under a newer version', async () => {
    const [a = ''] = demo.skus;
    await seller.sw.planning.position(seller.actor, { asOf });
    await snapshotsStored();
    // A write the process does not plan for, then a small answer of the new version is stored (the IPI
    // overview): the planned lines of the version before stay, each kind its own (docs/decisions.md 52).
    await receipt(seller.sw, a);
    await seller.sw.health.ipi(seller.actor, { asOf });
    await snapshotsStored();
    await expectSameAsFull(await restarted(), 'lines stored before a newer IPI overview', 0);
  }, 240_000);

  it('holds the stored lines before the first write after a restart: that write reads none', async () => {
    const [a = ''] = demo.skus;
    await seller.sw.planning.position(seller.actor, { asOf });
    await snapshotsStored();
    const next = await restarted();
    // As the warm-up does after a start (docs/decisions.md 52).
    await next.planning.holdStoredLines(seller.actor, { asOf });
    const storedReads = vi.spyOn(planningSnapshotsRepository, 'findAnyVersion');
    await receipt(next, a);
    await expectSameAsFull(next, 'first write after the lines were held', 0);
    expect(storedReads).not.toHaveBeenCalled();
  }, 240_000);

  it('stores the lines planned just before a graceful shutdown: the restart starts from them', async () => {
    const [a = ''] = demo.skus;
    // Nothing stored by the tests before: the first process plans whole and has stored nothing when it closes.
    await seller.sw.db.query(`DELETE FROM planning_snapshots WHERE account_id = $1`, [
      seller.actor.accountId,
    ]);
    const first = createStockwise(closable(seller.sw.db));
    await first.planning.position(seller.actor, { asOf });
    // Closed as the server closes it (packages/cli serve: the HTTP server, then the services) at once, well
    // within the time an answer's version must hold still before it is stored otherwise (STORE_AFTER_QUIET_MS).
    await first.close();
    const next = await restarted();
    await receipt(next, a);
    await expectSameAsFull(next, 'first computation after a graceful restart', 0);
  }, 240_000);

  it('plans whole from lines another build stored', async () => {
    const [a = ''] = demo.skus;
    await seller.sw.planning.position(seller.actor, { asOf });
    await snapshotsStored();
    await seller.sw.db.query(`UPDATE planning_snapshots SET build = 'an-older-build' WHERE account_id = $1`, [
      seller.actor.accountId,
    ]);
    await receipt(seller.sw, a);
    await expectSameAsFull(await restarted(), 'lines of another build', 1);
  }, 240_000);

  it('plans whole from lines older than the pruned change notes', async () => {
    const [, b = ''] = demo.skus;
    await seller.sw.planning.position(seller.actor, { asOf });
    await snapshotsStored();
    await seller.sw.restock.updateSettings(seller.actor, b, { serviceLevel: 0.91 });
    await seller.sw.db.query(
      `UPDATE planning_changes SET noted_at = now() - make_interval(secs => $2) WHERE account_id = $1`,
      [seller.actor.accountId, 2 * CHANGE_NOTES_KEPT_SECONDS],
    );
    expect(
      await planningChangesRepository.prune(seller.sw.tx.sql, CHANGE_NOTES_KEPT_SECONDS),
    ).toBeGreaterThan(0);
    await expectSameAsFull(await restarted(), 'lines older than the pruned notes', 1);
  }, 240_000);
});
