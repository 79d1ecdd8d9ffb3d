import { expect, it } from 'vitest';
import type { AdjustmentReason } from '@stockwise/domain/ledger/movement-rules';
import type { LedgerEntry, LockedEntry } from '../../src/ledger/ledger.service';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend, useStockwise } from '../support/backends';
import type { TestAccount } from '../support/factories';
import { newAccount, productInput } from '../support/factories';

const day = (d: number) => new Date(Date.UTC(2026, 2, d));
const SKUS = ['B-0', 'B-1', 'B-2', 'B-3', 'B-4', 'B-5'] as const;

/** An account whose SKUs each hold two FIFO layers at WH (different costs and dates), two of them partly reserved. */
async function sellerWithLayers(sw: Stockwise): Promise<TestAccount> {
  const owner = await newAccount(sw);
  await sw.locations.createLocation(owner.actor, { code: 'WH', name: 'Warehouse', type: 'warehouse' });
  await sw.locations.createLocation(owner.actor, { code: 'FBA', name: 'Amazon', type: 'amazon_fba' });
  for (const [i, sku] of SKUS.entries()) {
    await sw.catalog.createProduct(owner.actor, productInput({ sku, barcode: null, unitCost: 1 + i }));
    if (sku === 'B-5') continue;
    await sw.ledger.post(owner.actor, [
      {
        sku,
        location: 'WH',
        request: { type: 'receipt', quantity: 3 + i, unitCost: 2 + i },
        occurredAt: day(1),
      },
    ]);
    await sw.ledger.post(owner.actor, [
      { sku, location: 'WH', request: { type: 'receipt', quantity: 5, unitCost: 4 }, occurredAt: day(2) },
    ]);
  }
  await sw.ledger.post(owner.actor, [
    { sku: 'B-0', location: 'WH', request: { type: 'reservation', quantity: 2 }, occurredAt: day(3) },
    { sku: 'B-1', location: 'WH', request: { type: 'reservation', quantity: 2 }, occurredAt: day(3) },
  ]);
  return owner;
}

/** Every movement, balance and layer of the account, by SKU and location code (ids left out). */
async function ledgerOf(sw: Stockwise, owner: TestAccount) {
  const q = (text: string) => sw.db.query<Record<string, unknown>>(text, [owner.actor.accountId]);
  return {
    movements: await q(
      `SELECT p.sku, l.code, m.type, m.reason, m.on_hand_delta, m.reserved_delta, m.inbound_delta, m.unfulfillable_delta,
         m.unit_cost, m.reference_type, m.reference_id, m.occurred_at
       FROM stock_movements m JOIN products p ON p.id = m.product_id JOIN locations l ON l.id = m.location_id
       WHERE m.account_id = $1 ORDER BY m.id`,
    ),
    balances: await q(
      `SELECT p.sku, l.code, b.on_hand, b.reserved, b.inbound, b.unfulfillable
       FROM stock_balances b JOIN products p ON p.id = b.product_id JOIN locations l ON l.id = b.location_id
       WHERE b.account_id = $1 ORDER BY p.sku, l.code`,
    ),
    layers: await q(
      `SELECT p.sku, l.code, a.received_at, a.arrived_at, a.quantity_received, a.quantity_remaining, a.unit_cost
       FROM age_layers a JOIN products p ON p.id = a.product_id JOIN locations l ON l.id = a.location_id
       WHERE a.account_id = $1 ORDER BY p.sku, l.code, a.id`,
    ),
  };
}

/** A count-file style adjustment of `sku` at `location`. */
const adjust = (sku: string, location: string, quantity: number, reason: AdjustmentReason): LedgerEntry => ({
  sku,
  location,
  request: { type: 'adjustment', quantity, reason },
  occurredAt: day(5),
  referenceType: 'import',
  referenceId: '42',
});

/** Counts up and down (across both layers), losses, damage both ways, and a first count at a new location. */
const adjustments: LedgerEntry[] = [
  adjust('B-0', 'WH', -6, 'count'),
  adjust('B-1', 'WH', 4, 'count'),
  adjust('B-2', 'WH', -1, 'lost'),
  adjust('B-3', 'WH', -2, 'damaged'),
  adjust('B-4', 'WH', 3, 'damaged'),
  adjust('B-5', 'FBA', 7, 'count'),
];

/** A shipment of `quantity` of `sku` from WH, not from reserved stock. */
const ship = (sku: string, quantity: number): LedgerEntry => ({
  sku,
  location: 'WH',
  request: { type: 'shipment', quantity },
  occurredAt: day(5),
  unitPrice: 10,
  channel: 'shop',
  referenceType: 'order',
  referenceId: '7',
});

/** The entries with their balance rows resolved, as postConsuming's callers (order intake) give them. */
async function locked(sw: Stockwise, owner: TestAccount, entries: LedgerEntry[]): Promise<LockedEntry[]> {
  const ids = new Map(
    (
      await sw.db.query<{ sku: string; id: number }>('SELECT sku, id FROM products WHERE account_id = $1', [
        owner.actor.accountId,
      ])
    ).map((r) => [r.sku, r.id]),
  );
  const [wh] = await sw.db.query<{ id: number }>(
    `SELECT id FROM locations WHERE account_id = $1 AND code = 'WH'`,
    [owner.actor.accountId],
  );
  return entries.map((e) => ({
    ...e,
    item: { productId: ids.get(e.sku)!, locationId: wh!.id },
    allowBackorder: false,
  }));
}

describeEachBackend('Set-based ledger writes (postMany)', (backend) => {
  const ctx = useStockwise(backend);

  it('writes the same movements, balances and FIFO layers as post() writing the lines one by one', async () => {
    const one = await sellerWithLayers(ctx.sw);
    const many = await sellerWithLayers(ctx.sw);
    await ctx.sw.ledger.post(one.actor, adjustments, { kind: 'import.stock' });
    await ctx.sw.ledger.postMany(many.actor, adjustments, { kind: 'import.stock' });
    const expected = await ledgerOf(ctx.sw, one);
    expect(await ledgerOf(ctx.sw, many)).toEqual(expected);
    // What the comparison is worth: B-0's count of −6 emptied its older layer (3 units at 2) and took 3 of the
    // newer (at 4), so its FIFO cost is 3.
    expect(expected.layers.filter((l) => l['sku'] === 'B-0').map((l) => l['quantity_remaining'])).toEqual([
      0, 2,
    ]);
    expect(expected.movements.at(-6)).toMatchObject({ sku: 'B-0', on_hand_delta: -6, unit_cost: 3 });
    expect(await ctx.sw.inventory.findImbalances(many.actor)).toEqual([]);
  });

  it('refuses the whole batch when one line would go below reserved, naming it, and writes nothing', async () => {
    const owner = await sellerWithLayers(ctx.sw);
    const before = await ledgerOf(ctx.sw, owner);
    const refused = ctx.sw.ledger.postMany(owner.actor, [
      adjust('B-2', 'WH', 2, 'count'),
      // B-1 holds 9 with 2 reserved: counting it at 1 would leave −1 available.
      adjust('B-1', 'WH', -8, 'count'),
    ]);
    await expect(refused).rejects.toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      field: '1',
      details: { skus: ['B-1'], onHand: 9, available: 7 },
    });
    expect(await ledgerOf(ctx.sw, owner)).toEqual(before);
  });

  it('postConsuming takes FIFO layers in the order given, several lines on one row, as post() does', async () => {
    const one = await sellerWithLayers(ctx.sw);
    const many = await sellerWithLayers(ctx.sw);
    const shipments = [ship('B-3', 4), ship('B-2', 1), ship('B-3', 4)];
    await ctx.sw.ledger.post(one.actor, shipments, { kind: 'order.ship' });
    await ctx.sw.ledger.postConsuming(many.actor, await locked(ctx.sw, many, shipments), {
      kind: 'order.ship',
    });
    const expected = await ledgerOf(ctx.sw, one);
    expect(await ledgerOf(ctx.sw, many)).toEqual(expected);
    // What the comparison is worth: B-3's second shipment took the last 2 of the older layer (at 5) and 2 of
    // the newer (at 4), so its FIFO cost is 4.5.
    expect(expected.movements.at(-1)).toMatchObject({ sku: 'B-3', on_hand_delta: -4, unit_cost: 4.5 });
    expect(await ctx.sw.inventory.findImbalances(many.actor)).toEqual([]);
  });

  it('postConsuming refuses the line post() would refuse first, and writes nothing', async () => {
    const owner = await sellerWithLayers(ctx.sw);
    const before = await ledgerOf(ctx.sw, owner);
    // B-3 holds 11: its second shipment runs short. B-1 holds 9 with 2 reserved: shipping 8 leaves −1 available.
    // post() names the stock after the lines before (7 of B-3); the set-based write names it before the batch.
    for (const [shipments, field, sku, onHand] of [
      [[ship('B-3', 4), ship('B-3', 8)], '1', 'B-3', 11],
      [[ship('B-3', 4), ship('B-1', 8), ship('B-3', 8)], '1', 'B-1', 9],
    ] as const) {
      const expected = { code: 'INSUFFICIENT_STOCK', field, details: { skus: [sku] } };
      await expect(ctx.sw.ledger.post(owner.actor, [...shipments])).rejects.toMatchObject(expected);
      const refused = ctx.sw.ledger.postConsuming(owner.actor, await locked(ctx.sw, owner, [...shipments]));
      await expect(refused).rejects.toMatchObject({ ...expected, details: { skus: [sku], onHand } });
      expect(await ledgerOf(ctx.sw, owner)).toEqual(before);
    }
  });

  it('postConsuming refuses anything but shipments, naming the movement, and writes nothing', async () => {
    const owner = await sellerWithLayers(ctx.sw);
    const before = await ledgerOf(ctx.sw, owner);
    const others: LedgerEntry[] = [
      // Layer-free at its location (postLocked's): once taken as if it consumed layers.
      { ...ship('B-2', 1), request: { type: 'reservation', quantity: 1 } },
      adjust('B-3', 'WH', -2, 'count'),
      { ...ship('B-2', 1), request: { type: 'receipt', quantity: 3, unitCost: 2 } },
    ];
    for (const other of others) {
      const entries = await locked(ctx.sw, owner, [ship('B-3', 1), other]);
      await expect(
        ctx.sw.ledger.postConsuming(owner.actor, entries, { fieldPrefix: 'lines' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'lines.1.type' });
    }
    await expect(ctx.sw.ledger.postConsuming(owner.actor, [])).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await ledgerOf(ctx.sw, owner)).toEqual(before);
  });
});
