import { expect, it } from 'vitest';
import type { OrderIntake } from '@stockwise/domain/sales/intake';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend, useStockwise, type StockwiseContext } from '../support/backends';
import { newAccountApi } from '../support/owner-api';
import type { TestAccount } from '../support/factories';
import { productInput } from '../support/factories';
import { FBA_US, WAREHOUSE, seedLocations } from '../support/seed';

/** A seller with two layers of LA at WH (costs 2 and 3), LA at FBA-US, a little LB, and no LC. */
async function seller(ctx: StockwiseContext): Promise<TestAccount> {
  const { owner, api } = await newAccountApi(ctx);
  await seedLocations(api, WAREHOUSE, FBA_US);
  for (const sku of ['LA', 'LB', 'LC'])
    expect((await api.post('/api/v1/products', productInput({ sku }))).status).toBe(201);
  for (const [sku, location, quantity, unitCost] of [
    ['LA', 'WH', 5, 2],
    ['LA', 'WH', 5, 3],
    ['LA', 'FBA-US', 4, 2.5],
    ['LB', 'WH', 3, 1],
  ] as const)
    expect(
      (await api.post('/api/v1/movements', { type: 'receipt', sku, location, quantity, unitCost })).status,
    ).toBe(201);
  return owner;
}

/** Orders as a sync pulls them: Shopify's fulfilled ones and Amazon's Shipped ones, and one still open. */
const PULLED: { intake: OrderIntake; disposition: 'ship' | 'reserve' }[] = [
  [
    'shopify',
    'SH-1',
    [
      ['LA', 3],
      ['LB', 1],
    ],
    'ship',
  ],
  // the rest of LA's first layer at WH and some of the second: FIFO cost across two layers
  ['shopify', 'SH-2', [['LA', 4]], 'ship'],
  ['shopify', 'SH-3', [['LB', 1]], 'reserve'],
  // Amazon's orders draw from the Amazon location first
  ['amazon', 'AZ-1', [['LA', 3]], 'ship'],
].map(([channel, externalId, lines, disposition]) => ({
  disposition: disposition as 'ship' | 'reserve',
  intake: {
    channel: channel as OrderIntake['channel'],
    externalId: externalId as string,
    orderedAt: new Date('2026-01-05T10:00:00Z'),
    currency: 'USD',
    lines: (lines as [string, number][]).map(([sku, quantity]) => ({
      sku,
      quantity,
      unitPrice: 9.5,
      externalLineId: null,
    })),
    unmapped: [],
  },
}));

/** What the orders wrote, ids replaced by the names (dates left out: the reference ships at its own now). */
async function state(sw: Stockwise, owner: TestAccount) {
  const q = <T extends object>(text: string) => sw.db.query<T>(text, [owner.actor.accountId]);
  return {
    movements: await q<{ type: string; external_id: string | null }>(
      `SELECT p.sku, l.code, m.type, m.on_hand_delta, m.reserved_delta, m.unit_cost, m.unit_price, m.channel,
         o.external_id
       FROM stock_movements m JOIN products p ON p.id = m.product_id JOIN locations l ON l.id = m.location_id
       LEFT JOIN orders o ON m.reference_type = 'order' AND o.id::text = m.reference_id
       WHERE m.account_id = $1 AND m.type <> 'receipt' ORDER BY 9, 1, 2, 3, 4, 5`,
    ),
    balances: await q(
      `SELECT p.sku, l.code, b.on_hand, b.reserved FROM stock_balances b JOIN products p ON p.id = b.product_id
       JOIN locations l ON l.id = b.location_id WHERE b.account_id = $1 ORDER BY 1, 2`,
    ),
    layers: await q(
      `SELECT p.sku, l.code, a.quantity_received, a.quantity_remaining, a.unit_cost
       FROM age_layers a JOIN products p ON p.id = a.product_id JOIN locations l ON l.id = a.location_id
       WHERE a.account_id = $1 ORDER BY 1, 2, a.id`,
    ),
    orders: await q(
      `SELECT o.channel, o.external_id, o.status, ol.line_no, ol.quantity, ol.quantity_shipped, l.code,
         a.reserved, a.shipped
       FROM orders o JOIN order_lines ol ON ol.order_id = o.id LEFT JOIN order_allocations a ON a.order_line_id = ol.id
       LEFT JOIN locations l ON l.id = a.location_id WHERE o.account_id = $1 ORDER BY 1, 2, 4, 7`,
    ),
  };
}

describeEachBackend(
  'Live channel sync: an order that arrives already shipped reserves nothing',
  (backend) => {
    const ctx = useStockwise(backend);

    it('ships from available stock as a shipped history order does: no reservation, the same shipments, balances and layers', async () => {
      const live = await seller(ctx);
      const reference = await seller(ctx);
      for (const p of PULLED) {
        const taken = await ctx.sw.channels.ingest(live.actor, p);
        expect(taken.created).toBe(true);
        expect(taken.order?.status).toBe(p.disposition === 'ship' ? 'shipped' : 'reserved');
      }
      // The reference: each order reserved as it arrives, then shipped from its reservation (the old live path).
      for (const p of PULLED) {
        const order = await ctx.sw.orders.create(reference.actor, p.intake, {
          unknownSkus: 'unmap',
          shortStock: 'pending',
        });
        if (p.disposition === 'ship') await ctx.sw.orders.ship(reference.actor, order.id, {});
      }
      const got = await state(ctx.sw, live);
      const want = await state(ctx.sw, reference);
      // only the open order reserves; the shipped ones never reserved to release
      expect(got.movements.filter((m) => m.type === 'reservation').map((m) => m.external_id)).toEqual([
        'SH-3',
      ]);
      expect(want.movements.filter((m) => m.type === 'reservation')).toHaveLength(5);
      const shipments = (s: typeof got) =>
        s.movements.filter((m) => m.type === 'shipment').map((m) => ({ ...m, reserved_delta: 0 }));
      expect(got.movements.filter((m) => m.type === 'shipment')).toEqual(shipments(want));
      expect(got.balances).toEqual(want.balances);
      expect(got.layers).toEqual(want.layers);
      expect(got.orders).toEqual(want.orders);
      // pulled again (the next sync), nothing changes
      for (const p of PULLED) expect((await ctx.sw.channels.ingest(live.actor, p)).created).toBe(false);
      expect(await state(ctx.sw, live)).toEqual(got);
    });

    it("ships at the channel's date, new or reserved before; a date that is not one ships now, never failing", async () => {
      const live = await seller(ctx);
      const at = async (externalId: string) =>
        (
          await ctx.sw.db.query<{ occurred_at: Date }>(
            `SELECT m.occurred_at FROM stock_movements m JOIN orders o ON o.id::text = m.reference_id
             WHERE m.reference_type = 'order' AND m.type = 'shipment' AND o.account_id = $1
               AND o.external_id = $2 ORDER BY m.id`,
            [live.actor.accountId, externalId],
          )
        ).map((r) => new Date(r.occurred_at).toISOString());
      const [sh1, , sh3, az1] = PULLED;
      // new and already shipped there: at the channel's date (docs/decisions.md 45)
      await ctx.sw.channels.ingest(live.actor, { ...sh1!, shippedAt: new Date('2026-01-06T15:30:00Z') });
      expect(await at('SH-1')).toEqual(['2026-01-06T15:30:00.000Z', '2026-01-06T15:30:00.000Z']);
      // reserved by an earlier sync, shipped there since: from its reservation, at the channel's date
      await ctx.sw.channels.ingest(live.actor, sh3!);
      const shipped = await ctx.sw.channels.ingest(live.actor, {
        ...sh3!,
        disposition: 'ship',
        shippedAt: new Date('2026-01-08T09:00:00Z'),
      });
      expect(shipped.order?.status).toBe('shipped');
      expect(await at('SH-3')).toEqual(['2026-01-08T09:00:00.000Z']);
      // an invalid date (new Date of text that is no date) ships now instead of failing with "Invalid time value"
      const before = Date.now();
      const taken = await ctx.sw.channels.ingest(live.actor, { ...az1!, shippedAt: new Date('not a date') });
      expect(taken.order?.status).toBe('shipped');
      const [when] = await at('AZ-1');
      expect(new Date(when!).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(new Date(when!).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it('a shipped order the stock here cannot cover is refused, naming its SKU, and writes nothing', async () => {
      const live = await seller(ctx);
      const before = await state(ctx.sw, live);
      const short = {
        disposition: 'ship' as const,
        intake: {
          ...PULLED[0]!.intake,
          externalId: 'SH-SHORT',
          lines: [{ sku: 'LC', quantity: 1, unitPrice: 4, externalLineId: null }],
        },
      };
      await expect(ctx.sw.channels.ingest(live.actor, short)).rejects.toMatchObject({
        code: 'INSUFFICIENT_STOCK',
        message: expect.stringContaining('(LC)') as unknown,
      });
      expect(await state(ctx.sw, live)).toEqual(before);
      expect(await ctx.sw.orders.findByExternal(live.actor, 'shopify', 'SH-SHORT')).toBeUndefined();
    });
  },
);
