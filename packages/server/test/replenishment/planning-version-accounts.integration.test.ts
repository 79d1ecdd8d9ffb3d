import { expect, it } from 'vitest';
import { planningVersionRepository } from '@stockwise/db/replenishment/planning-version.repository';
import { describeEachBackend, useStockwise } from '../support/backends';
import { locationInput, newAccount, productInput, uid } from '../support/factories';

const AS_OF = '2026-06-30';

/** Migration 0049: each account's planning version moves with its own rows only. */
describeEachBackend('Planning versions per account', (backend) => {
  const ctx = useStockwise(backend);

  /** An account with a warehouse holding one received SKU. */
  async function seller() {
    const account = await newAccount(ctx.sw);
    const sku = uid('V-');
    const wh = uid('WH');
    await ctx.sw.catalog.createProduct(account.actor, productInput({ sku }));
    await ctx.sw.locations.createLocation(account.actor, locationInput({ code: wh }));
    await ctx.sw.ledger.post(account.actor, [
      { sku, location: wh, request: { type: 'receipt', quantity: 6 } },
    ]);
    return { account, sku };
  }
  const versionOf = (accountId: number) => planningVersionRepository.current(ctx.sw.db, accountId);

  it("one account's catalogue and location writes leave another's version and cached position alone", async () => {
    const a = await seller();
    const b = await seller();
    const positionB = await ctx.sw.planning.position(b.account.actor, { asOf: AS_OF });
    const before = {
      a: await versionOf(a.account.actor.accountId),
      b: await versionOf(b.account.actor.accountId),
    };

    await ctx.sw.catalog.createProduct(a.account.actor, productInput({ sku: uid('V-') }));
    await ctx.sw.catalog.updateProduct(a.account.actor, a.sku, { replenishable: false });
    await ctx.sw.locations.createLocation(a.account.actor, locationInput({ code: uid('WH') }));

    const afterA = await versionOf(a.account.actor.accountId);
    expect(afterA).not.toBe(before.a);
    expect(await versionOf(b.account.actor.accountId)).toBe(before.b);
    // B's cached answer is still the one served, and it holds B's SKU only; A's holds none of B's.
    expect(await ctx.sw.planning.position(b.account.actor, { asOf: AS_OF })).toBe(positionB);
    expect(positionB.positions.map((p) => p.sku)).toEqual([b.sku]);
    const positionA = await ctx.sw.planning.position(a.account.actor, { asOf: AS_OF });
    expect(positionA.positions.map((p) => p.sku)).not.toContain(b.sku);

    // B's own write moves B's version and leaves A's.
    await ctx.sw.catalog.updateProduct(b.account.actor, b.sku, { replenishable: false });
    expect(await versionOf(b.account.actor.accountId)).not.toBe(before.b);
    expect(await versionOf(a.account.actor.accountId)).toBe(afterA);
    expect((await ctx.sw.planning.position(b.account.actor, { asOf: AS_OF })).positions).toEqual([]);
  });

  it('a change to a row of no account (a default fee schedule) moves every account’s version', async () => {
    const a = await seller();
    const b = await seller();
    const before = [await versionOf(a.account.actor.accountId), await versionOf(b.account.actor.accountId)];
    await ctx.sw.db.query(
      `UPDATE fee_schedules SET updated_at = now() WHERE account_id IS NULL AND marketplace = 'US'`,
    );
    const after = [await versionOf(a.account.actor.accountId), await versionOf(b.account.actor.accountId)];
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });
});
