import { describe, expect, it } from 'vitest';
import {
  feeScheduleFor,
  feeSizeTier,
  feeTableMarketplaces,
  noFeeTable,
  feeWeightLb,
  mcfTableName,
  saleFees,
  saleFulfilmentFee,
  storagePerCubicFootDay,
  unitFees,
  unitMarginAfterFees,
} from './unit-fees';
import { CUBIC_FEET_PER_CUBIC_METRE, perCubicFootOfPerCubicMetre, storageRate } from './fee-schedule';
import { US_2024_FEES as us } from './us-2024.fixture';

describe('unit fees from the fee table (docs/formulas.md, US from 2024)', () => {
  it('at Amazon: 15 % referral + the size tier fulfilment fee for the weight + inbound per cubic foot', () => {
    // 3.00 + 4.35 (large standard ≤ 1 lb) + 0.5 cu ft × 0.30 = 7.50
    expect(
      unitFees(us, { price: 20, sizeTier: 'large_standard', weightLb: 1, cubicFeet: 0.5, amazon: true }),
    ).toEqual({ referral: 3, fulfilment: 4.35, inbound: 0.15, other: 0, total: 7.5 });
    // 5 lb: 6.46 + 0.32 × ceil(5 − 3) = 7.10
    expect(
      unitFees(us, { price: 20, sizeTier: 'large_standard', weightLb: 5, cubicFeet: 0, amazon: true })
        .fulfilment,
    ).toBeCloseTo(7.1, 9);
    // Off Amazon only the other variable cost applies.
    expect(
      unitFees(
        { ...us, otherVariablePerUnit: 0.4 },
        { price: 20, sizeTier: 'large_standard', weightLb: 1, cubicFeet: 0.5, amazon: false },
      ),
    ).toEqual({ referral: 0, fulfilment: 0, inbound: 0, other: 0.4, total: 0.4 });
  });

  it('the margin after fees may be negative; null without price or cost', () => {
    const item = { sizeTier: 'large_standard', weightLb: 1, cubicFeet: 0.5, amazon: true };
    // 20 − 15 − 7.50 = −2.50, −12.5 % of the price
    expect(unitMarginAfterFees(us, { ...item, price: 20, unitCost: 15 })).toMatchObject({
      margin: -2.5,
      marginRate: -0.125,
    });
    expect(unitMarginAfterFees(us, { ...item, price: 20, unitCost: 5 })?.margin).toBeCloseTo(7.5, 9);
    expect(unitMarginAfterFees(us, { ...item, price: null, unitCost: 5 })).toBeNull();
    expect(unitMarginAfterFees(us, { ...item, price: 20, unitCost: null })).toBeNull();
  });

  it('unknown size tier and weight: large standard and 1 lb', () => {
    expect(feeSizeTier(null)).toBe('large_standard');
    expect(feeWeightLb(null, 'lb')).toBe(1);
    expect(feeWeightLb(32, 'oz')).toBe(2);
  });
});

describe('storage per cubic foot per day over a window (months 1–12, rate ÷ days of the month)', () => {
  it('off-peak, peak and a window across both', () => {
    expect(
      storagePerCubicFootDay(us, { storageType: 'standard', amazon: true, from: '2025-10-01', days: 31 }),
    ).toBeCloseTo(2.4 / 31, 9);
    // Sep 16–30 at 0.56 ÷ 30 + Oct 1–15 at 1.40 ÷ 31 → (0.28 + 0.677419) ÷ 30 = 0.0319140
    expect(
      storagePerCubicFootDay(us, { storageType: 'oversize', amazon: true, from: '2025-09-16', days: 30 }),
    ).toBeCloseTo(0.031914, 6);
  });

  it("off Amazon: the seller's warehouse rate, the same in peak months", () => {
    const own = { ...us, warehouseStoragePerCubicFootMonth: 0.5 };
    expect(
      storagePerCubicFootDay(own, { storageType: 'standard', amazon: false, from: '2025-11-01', days: 30 }),
    ).toBeCloseTo(0.5 / 30, 9);
  });

  it('the schedule of the location marketplace, else the fallback', () => {
    const uk = { ...us, marketplace: 'UK' };
    const schedules = { byMarketplace: new Map([['UK', uk]]), fallback: us };
    expect(feeScheduleFor(schedules, 'UK')).toBe(uk);
    expect(feeScheduleFor(schedules, 'DE')).toBe(us);
    expect(feeScheduleFor(schedules, null)).toBe(us);
  });
});

describe('which fee table prices a location (docs/fees.md, Selection)', () => {
  it("an Amazon marketplace is priced by its own table only; GB is the UK table; no marketplace is the US's", () => {
    expect(feeTableMarketplaces('DE')).toEqual(['DE']);
    expect(feeTableMarketplaces(' gb ')).toEqual(['UK']);
    expect(feeTableMarketplaces('MX')).toEqual(['MX']);
    expect(feeTableMarketplaces('US')).toEqual(['US']);
    expect(feeTableMarketplaces(null)).toEqual(['US']);
    expect(feeTableMarketplaces('')).toEqual(['US']);
    // a code Amazon does not have: its own rows if the seller made some, else the US table
    expect(feeTableMarketplaces('XX')).toEqual(['XX', 'US']);
  });

  it('a marketplace without a table says so: every rate 0 in its own currency, never the US rates in USD', () => {
    const mx = noFeeTable('MX', '2025-07-01');
    expect(mx).toMatchObject({ marketplace: 'MX', currency: 'MXN', noTable: true, agedSurcharge: [] });
    expect(noFeeTable('jp', '2025-07-01')?.currency).toBe('JPY');
    expect(storageRate(mx!, { storageType: 'standard', month: 11 })).toBe(0);
    expect(noFeeTable('US', '2025-07-01')).toBeUndefined();
    expect(noFeeTable('XX', '2025-07-01')).toBeUndefined();
  });

  it('holds per-cubic-metre rates per cubic foot: 1 m³ = 35.3147 cu ft', () => {
    // 0.3048 m to the foot (international foot): 1 / 0.3048³ = 35.31466672…
    expect(CUBIC_FEET_PER_CUBIC_METRE).toBeCloseTo(35.3146667, 6);
    expect(perCubicFootOfPerCubicMetre(27.82)).toBe(0.787775);
    expect(perCubicFootOfPerCubicMetre(170)).toBe(4.813864);
    expect(perCubicFootOfPerCubicMetre(0)).toBe(0);
  });
});

describe('the Amazon fees of a shipment (docs/formulas.md#profit)', () => {
  it('an Amazon order pays referral wherever it ships from, FBA fulfilment only from an Amazon location', () => {
    expect(saleFees({ channel: 'amazon', locationType: 'amazon_fba' })).toEqual({
      referral: true,
      fbaFulfilment: true,
      mcf: false,
    });
    // merchant-fulfilled: the seller picks and ships it, Amazon charges no fulfilment fee
    for (const locationType of ['warehouse', '3pl'])
      expect(saleFees({ channel: 'amazon', locationType })).toEqual({
        referral: true,
        fbaFulfilment: false,
        mcf: false,
      });
    // a shipment without a channel is Amazon's sale only when it leaves Amazon's network
    expect(saleFees({ channel: null, locationType: 'amazon_fba' })).toEqual({
      referral: true,
      fbaFulfilment: true,
      mcf: false,
    });
    expect(saleFees({ channel: null, locationType: 'warehouse' })).toEqual({
      referral: false,
      fbaFulfilment: false,
      mcf: false,
    });
    expect(saleFees({ channel: 'shopify', locationType: 'warehouse' })).toEqual({
      referral: false,
      fbaFulfilment: false,
      mcf: false,
    });
  });

  it('another channel’s order shipped from an Amazon location pays the MCF fee, no referral', () => {
    for (const channel of ['shopify', 'manual', 'other'])
      expect(saleFees({ channel, locationType: 'amazon_fba' })).toEqual({
        referral: false,
        fbaFulfilment: false,
        mcf: true,
      });
  });

  it('the fulfilment fee per unit of a sale: FBA, MCF by its order’s units, or none', () => {
    const mug = { sizeTier: 'large_standard', weightLb: 1 } as const;
    const sale = (channel: string | null, locationType: string, unitsInOrder: number | null) => ({
      channel,
      locationType,
      unitsInOrder,
    });
    // Amazon's order from FBA: the FBA fee, whatever the order's size
    expect(saleFulfilmentFee(us, sale('amazon', 'amazon_fba', 3), mug)).toBe(4.35);
    // a Shopify order from FBA: the MCF fee of a 1-unit order, of a 3-unit order
    expect(saleFulfilmentFee(us, sale('shopify', 'amazon_fba', 1), mug)).toBe(5.79);
    expect(saleFulfilmentFee(us, sale('shopify', 'amazon_fba', 3), mug)).toBe(3.4);
    // above the per-lb threshold: 4 lb in a 1-unit order, $5.95 + 2 × $0.38
    expect(
      saleFulfilmentFee(us, sale('manual', 'amazon_fba', 1), { sizeTier: 'large_standard', weightLb: 4 }),
    ).toBeCloseTo(6.71, 10);
    // a shipment without an order: priced as 1-unit orders
    expect(saleFulfilmentFee(us, sale('shopify', 'amazon_fba', null), mug)).toBe(5.79);
    // shipped by the seller: no Amazon fulfilment fee
    expect(saleFulfilmentFee(us, sale('shopify', 'warehouse', 3), mug)).toBe(0);
    expect(saleFulfilmentFee(us, sale('amazon', '3pl', 1), mug)).toBe(0);
    // a marketplace without an MCF table: unknown, named '<marketplace>-MCF' where it is reported
    const de = { ...us, marketplace: 'DE', mcf: [] };
    expect(saleFulfilmentFee(de, sale('shopify', 'amazon_fba', 1), mug)).toBeNull();
    expect(saleFulfilmentFee(de, sale('amazon', 'amazon_fba', 1), mug)).toBe(4.35);
    expect(mcfTableName('DE')).toBe('DE-MCF');
  });
});
