import { describe, expect, it } from 'vitest';
import type { SourceLocation } from './order-sources';
import { orderSources, shippedBeforeStockKnown } from './order-sources';

const WH: SourceLocation = { id: 1, type: 'warehouse', marketplace: null, channels: [] };
const TPL: SourceLocation = { id: 2, type: '3pl', marketplace: null, channels: [] };
const FBA_US: SourceLocation = { id: 3, type: 'amazon_fba', marketplace: 'US', channels: ['amazon'] };
const FBA_DE: SourceLocation = { id: 4, type: 'amazon_fba', marketplace: 'A1PA6795UKMFR9', channels: [] };
const FBA_ANY: SourceLocation = { id: 5, type: 'amazon_fba', marketplace: null, channels: [] };
const US = 'ATVPDKIKX0DER';

describe('orderSources: where an order may draw from, best first', () => {
  it('an order Amazon fulfils (AFN) draws only from Amazon locations of its marketplace', () => {
    const all = [WH, TPL, FBA_US, FBA_DE, FBA_ANY];
    expect(orderSources({ channel: 'amazon', fulfilment: 'AFN', marketplace: US }, all)).toEqual([3]);
    // by code or SP-API id, either side
    expect(orderSources({ channel: 'amazon', fulfilment: 'AFN', marketplace: 'DE' }, all)).toEqual([4]);
    // none of its marketplace: only an Amazon location with none set, never another marketplace's
    expect(orderSources({ channel: 'amazon', fulfilment: 'AFN', marketplace: 'JP' }, all)).toEqual([5]);
    expect(orderSources({ channel: 'amazon', fulfilment: 'AFN', marketplace: 'JP' }, [WH, FBA_US])).toEqual(
      [],
    );
    // no marketplace said: any Amazon location, the channel's own first
    expect(orderSources({ channel: 'amazon', fulfilment: 'AFN' }, all)).toEqual([3, 4, 5]);
  });

  it("an order the seller ships (MFN) draws from the seller's own locations first, even when the channel names an Amazon one", () => {
    expect(
      orderSources({ channel: 'amazon', fulfilment: 'MFN', marketplace: US }, [FBA_US, TPL, WH]),
    ).toEqual([1, 2, 3]);
  });

  it('without a fulfilment: the configured location, then the channel’s type preference (as before)', () => {
    expect(orderSources({ channel: 'amazon' }, [WH, TPL, FBA_US])).toEqual([3, 1, 2]);
    expect(orderSources({ channel: 'shopify', fulfilment: null }, [FBA_ANY, TPL, WH])).toEqual([1, 2, 5]);
  });
});

describe('shippedBeforeStockKnown: a shipped AFN order that is sales history only', () => {
  const read = new Date('2024-06-01T12:00:00Z');
  const locations = [WH, { ...FBA_US, stockKnownAt: read }];
  const order = (fulfilment: 'AFN' | 'MFN', shippedAt: string) => ({
    channel: 'amazon' as const,
    fulfilment,
    marketplace: US,
    shippedAt: new Date(shippedAt),
  });

  it('left before Amazon’s figures for its location were read: demand at that location', () => {
    expect(shippedBeforeStockKnown(order('AFN', '2024-05-31T23:00:00Z'), locations)).toBe(3);
  });

  it('left after they were read, or the location never read, or shipped by the seller: through the ledger', () => {
    expect(shippedBeforeStockKnown(order('AFN', '2024-06-01T12:00:00Z'), locations)).toBeNull();
    expect(shippedBeforeStockKnown(order('AFN', '2024-05-01T00:00:00Z'), [WH, FBA_US])).toBeNull();
    expect(shippedBeforeStockKnown(order('MFN', '2024-05-01T00:00:00Z'), locations)).toBeNull();
    expect(
      shippedBeforeStockKnown({ ...order('AFN', '2024-05-01T00:00:00Z'), marketplace: 'JP' }, locations),
    ).toBeNull();
  });
});
