import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { planningChangesRepository } from '@stockwise/db/replenishment/planning-changes.repository';
import { CHANGE_NOTES_KEPT_SECONDS } from '../../src/replenishment/planning-changes.jobs';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend, useStockwise } from '../support/backends';
import { locationInput, newAccount, plannedProduct, uid, type TestAccount } from '../support/factories';

const AS_OF = '2026-06-30';
import { expectSameAsFull as sameAsFull } from '../support/planning-equality';

/**
 * Planning change notes are removed once older than CHANGE_NOTES_KEPT_SECONDS (docs/decisions.md 46):
 * the removed rows are gone, another account's recent notes stay, a cache that last planned before the
 * removed notes plans everything again and still equals the full computation, and one that planned after
 * them keeps re-planning only the SKUs a write touched.
 */
describeEachBackend('Planning change notes pruned', (backend) => {
  const ctx = useStockwise(backend);
  let sw: Stockwise;
  let account: TestAccount;
  let other: TestAccount;
  const skus = [uid('P-'), uid('P-'), uid('P-')];
  const wh = uid('WH');

  const notes = async (accountId: number) =>
    (
      await sw.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM planning_changes WHERE account_id = $1',
        [accountId],
      )
    )[0]?.n ?? 0;
  /** Makes every note of the account older than the prune keeps. */
  const age = async (accountId: number) => {
    await sw.db.query(
      `UPDATE planning_changes SET noted_at = now() - make_interval(secs => $2) WHERE account_id = $1`,
      [accountId, 2 * CHANGE_NOTES_KEPT_SECONDS],
    );
  };
  const setting = (sku: string, serviceLevel: number) =>
    sw.restock.updateSettings(account.actor, sku, { serviceLevel });

  /** The cached position equals the full computation's; `wholeReads` counts whole input reads of the cache. */
  const expectSameAsFull = (what: string, wholeReads: number) =>
    sameAsFull(sw, { actor: account.actor, asOf: AS_OF, what, wholeReads, plan: false });

  beforeAll(async () => {
    sw = ctx.sw;
    account = await newAccount(sw);
    other = await newAccount(sw);
    await sw.locations.createLocation(account.actor, locationInput({ code: wh }));
    for (const sku of skus) {
      await sw.catalog.createProduct(account.actor, plannedProduct(sku));
      await sw.ledger.post(account.actor, [
        { sku, location: wh, request: { type: 'receipt', quantity: 12 } },
      ]);
    }
    await sw.catalog.createProduct(other.actor, plannedProduct(uid('O-')));
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('removes old notes only, and a cache older than the removed ones plans everything, the same', async () => {
    const [a = '', b = ''] = skus;
    await expectSameAsFull('first computation', 1);
    await setting(a, 0.97);
    const [row] = await sw.db.query<{ last: number }>(
      'SELECT max(id)::int AS last FROM planning_changes WHERE account_id = $1',
      [account.actor.accountId],
    );
    const last = row?.last;
    expect(await notes(account.actor.accountId)).toBeGreaterThan(0);
    await age(account.actor.accountId);
    const otherBefore = await notes(other.actor.accountId);
    expect(otherBefore).toBeGreaterThan(0);

    expect(await planningChangesRepository.prune(sw.tx.sql, CHANGE_NOTES_KEPT_SECONDS)).toBeGreaterThan(0);
    expect(await notes(account.actor.accountId)).toBe(0);
    expect(await notes(other.actor.accountId)).toBe(otherBefore);
    const [horizon] = await sw.db.query<{ through: number }>(
      'SELECT changes_pruned_through::int AS through FROM account_cache_versions WHERE account_id = $1',
      [account.actor.accountId],
    );
    expect(horizon?.through).toBe(last);

    // The cache's mark is below the removed notes: it cannot know they named only `a`.
    await expectSameAsFull('after notes the cache had not read were removed', 1);
    // The mark taken with no note left stands at the horizon: the next write is re-planned alone.
    await setting(b, 0.93);
    await expectSameAsFull('a write after the prune', 0);
  });

  it('a cache that planned after the removed notes keeps re-planning only the touched SKUs', async () => {
    const [a = '', , c = ''] = skus;
    await setting(c, 0.91);
    await expectSameAsFull('a setting', 0);
    await age(account.actor.accountId);
    await planningChangesRepository.prune(sw.tx.sql, CHANGE_NOTES_KEPT_SECONDS);
    expect(await notes(account.actor.accountId)).toBe(0);
    await expectSameAsFull('nothing changed since the prune', 0);
    await setting(a, 0.9);
    await expectSameAsFull('a write after the prune', 0);
    // A second prune with nothing old removes nothing and leaves the horizon where it was.
    expect(await planningChangesRepository.prune(sw.tx.sql, CHANGE_NOTES_KEPT_SECONDS)).toBe(0);
    expect(await notes(account.actor.accountId)).toBeGreaterThan(0);
  });
});
