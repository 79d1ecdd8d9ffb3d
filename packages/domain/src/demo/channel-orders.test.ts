import { describe, expect, it } from 'vitest';
import { demoChannelOrders } from './channel-orders';
import { generateDemoSeller } from './generate';

const seller = generateDemoSeller({ seed: 5, asOf: '2026-06-30', skuCount: 40, days: 200 });

describe('demoChannelOrders', () => {
  it('splits each sale of the last 30 days into orders of 1–3 units that add up to it exactly', () => {
    const orders = demoChannelOrders(seller);
    const sales = seller.events.filter((e) => e.kind === 'sale' && e.date >= '2026-06-01');
    const key = (o: { date: string; sku: string; location: string }) => `${o.date}|${o.sku}|${o.location}`;
    const sold = new Map<string, number>();
    for (const s of sales) if (s.kind === 'sale') sold.set(key(s), (sold.get(key(s)) ?? 0) + s.quantity);
    const ordered = new Map<string, number>();
    for (const o of orders) ordered.set(key(o), (ordered.get(key(o)) ?? 0) + o.quantity);
    expect(ordered).toEqual(sold);
    expect(orders.every((o) => o.quantity >= 1 && o.quantity <= 3)).toBe(true);
    expect(orders.some((o) => o.date < '2026-06-01')).toBe(false);
  });

  it('gives each order its own id in the channel’s format, the same on every run', () => {
    const orders = demoChannelOrders(seller);
    expect(new Set(orders.map((o) => `${o.channel}|${o.externalId}`)).size).toBe(orders.length);
    for (const o of orders)
      expect(o.externalId).toMatch(o.channel === 'amazon' ? /^11[1-4]-\d{7}-\d{7}$/ : /^#\d{4,}$/);
    expect(orders.find((o) => o.channel === 'shopify')?.externalId).toBe('#1001');
    expect(demoChannelOrders(seller)).toEqual(orders);
  });

  it('refuses a window that is not a whole number of days', () => {
    expect(() => demoChannelOrders(seller, { days: 0 })).toThrow(/days must be/);
  });
});
