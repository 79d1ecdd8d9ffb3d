import { describe, expect, it } from 'vitest';
import type { FbaQuantities } from './fba-inventory';
import { amazonInventorySummaries, inventoryReadAt, planFbaSync } from './fba-inventory';
import { amazonMarketplace } from './marketplaces';

const none: FbaQuantities = {
  fulfillable: 0,
  inboundWorking: 0,
  inboundShipped: 0,
  inboundReceiving: 0,
  reserved: 0,
  researching: 0,
  unfulfillable: 0,
};

describe('amazonInventorySummaries', () => {
  it("reads the sandbox's summary (fbaInventory.json x-amzn-api-sandbox) and its pagination token", () => {
    const page = amazonInventorySummaries({
      pagination: { nextToken: 'seed' },
      payload: {
        granularity: { granularityType: 'Marketplace', granularityId: 'ATVPDKIKX0DER' },
        inventorySummaries: [
          {
            asin: 'B00T9QONN6',
            fnSku: 'B00T9QONN6',
            sellerSku: 'Silicon Power 32GB',
            condition: 'NewItem',
            inventoryDetails: {
              fulfillableQuantity: 66,
              inboundWorkingQuantity: 21,
              inboundShippedQuantity: 0,
              inboundReceivingQuantity: 0,
              reservedQuantity: { totalReservedQuantity: 2, pendingCustomerOrderQuantity: 2 },
              researchingQuantity: { totalResearchingQuantity: 1, researchingQuantityBreakdown: [] },
              unfulfillableQuantity: { totalUnfulfillableQuantity: 3, customerDamagedQuantity: 3 },
            },
            totalQuantity: 93,
          },
          {
            asin: 'B00T9QONN6',
            sellerSku: 'Silicon Power 32GB',
            condition: 'UsedGood',
            inventoryDetails: { fulfillableQuantity: 4 },
          },
        ],
      },
    });
    expect(page.nextToken).toBe('seed');
    expect(page.summaries).toEqual([
      {
        sku: 'Silicon Power 32GB',
        fnsku: 'B00T9QONN6',
        asin: 'B00T9QONN6',
        fulfillable: 70,
        inboundWorking: 21,
        inboundShipped: 0,
        inboundReceiving: 0,
        reserved: 2,
        researching: 1,
        unfulfillable: 3,
      },
    ]);
  });

  it('names the field that is not what Amazon documents', () => {
    expect(() =>
      amazonInventorySummaries({
        payload: { inventorySummaries: [{ sellerSku: 'A', inventoryDetails: { fulfillableQuantity: -1 } }] },
      }),
    ).toThrow('payload.inventorySummaries.0.inventoryDetails.fulfillableQuantity');
  });
});

describe('planFbaSync', () => {
  it('first sync: a count adjustment to fulfillable + reserved, inbound by stage, damaged units', () => {
    expect(
      planFbaSync({
        summary: {
          ...none,
          fulfillable: 66,
          reserved: 2,
          inboundWorking: 21,
          inboundShipped: 5,
          unfulfillable: 3,
        },
        ledger: { onHand: 10, inbound: 0, unfulfillable: 0 },
        previous: null,
      }),
    ).toEqual([
      { source: 'sellable', request: { type: 'adjustment', quantity: 58, reason: 'count' } },
      { source: 'unfulfillable', request: { type: 'adjustment', quantity: 3, reason: 'damaged' } },
      { source: 'inbound-working', request: { type: 'inbound', quantity: 21 } },
      { source: 'inbound-shipped', request: { type: 'inbound', quantity: 5 } },
    ]);
  });

  it('units moving from working to shipped: the increase comes first, the ledger total is unchanged', () => {
    const previous = { ...none, fulfillable: 66, inboundWorking: 21 };
    expect(
      planFbaSync({
        summary: { ...none, fulfillable: 66, inboundShipped: 21 },
        ledger: { onHand: 66, inbound: 21, unfulfillable: 0 },
        previous,
      }),
    ).toEqual([
      { source: 'inbound-shipped', request: { type: 'inbound', quantity: 21 } },
      { source: 'inbound-working', request: { type: 'inbound', quantity: -21 } },
    ]);
  });

  it('received units leave inbound and join on hand; fewer unfulfillable are removed; nothing when equal', () => {
    expect(
      planFbaSync({
        summary: { ...none, fulfillable: 87, unfulfillable: 1 },
        ledger: { onHand: 66, inbound: 21, unfulfillable: 3 },
        previous: { ...none, fulfillable: 66, inboundReceiving: 21, unfulfillable: 3 },
      }),
    ).toEqual([
      { source: 'sellable', request: { type: 'adjustment', quantity: 21, reason: 'count' } },
      { source: 'unfulfillable', request: { type: 'removal', quantity: 2, from: 'unfulfillable' } },
      { source: 'inbound-receiving', request: { type: 'inbound', quantity: -21 } },
    ]);
    expect(
      planFbaSync({
        summary: { ...none, fulfillable: 5 },
        ledger: { onHand: 5, inbound: 0, unfulfillable: 0 },
        previous: null,
      }),
    ).toEqual([]);
  });

  it("inbound the ledger already holds (the seller's own shipment) is not counted twice", () => {
    expect(
      planFbaSync({
        summary: { ...none, inboundShipped: 12 },
        ledger: { onHand: 0, inbound: 12, unfulfillable: 0 },
        previous: null,
      }),
    ).toEqual([
      { source: 'inbound-shipped', request: { type: 'inbound', quantity: 12 } },
      { source: 'inbound-difference', request: { type: 'inbound', quantity: -12 } },
    ]);
  });
});

describe('amazonMarketplace', () => {
  it('finds a marketplace by code or SP-API id, with its currency and region', () => {
    expect(amazonMarketplace('DE')).toMatchObject({
      marketplaceId: 'A1PA6795UKMFR9',
      currency: 'EUR',
      region: 'eu',
    });
    expect(amazonMarketplace('gb')?.code).toBe('UK');
    expect(amazonMarketplace('A1VC38T7YXB528')).toMatchObject({ code: 'JP', currency: 'JPY', region: 'fe' });
    expect(amazonMarketplace('XX')).toBeUndefined();
  });
});

describe('inventoryReadAt', () => {
  const now = new Date('2024-05-10T12:00:00Z');
  it('is the instant given, else now', () => {
    expect(inventoryReadAt(undefined, now)).toEqual(now);
    expect(inventoryReadAt('2024-05-10T06:00:00+02:00', now)).toEqual(new Date('2024-05-10T04:00:00Z'));
  });
  it('refuses an instant in the future or one that does not parse, naming readAt', () => {
    expect(() => inventoryReadAt('2024-05-10T12:00:01Z', now)).toThrow(/in the future/);
    expect(() => inventoryReadAt('yesterday', now)).toThrow(/readAt must be an instant/);
  });
});
