import { afterEach, expect, it, vi } from 'vitest';
import { planningChangesRepository } from '@stockwise/db/replenishment/planning-changes.repository';
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
