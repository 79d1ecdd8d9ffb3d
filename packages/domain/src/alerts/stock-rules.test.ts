import { describe, expect, it } from 'vitest';
import type { PositionFacts } from './stock-rules';
import { positionAlerts, strandedAlert } from './stock-rules';

const asOf = '2026-03-01';

/** A SKU at FBA1 selling 10 a day with 1,000 available: 100 days of supply, lead time 63 days. */
const position = (over: Partial<PositionFacts> = {}): PositionFacts => ({
  sku: 'MUG',
  location: 'FBA1',
  available: 1000,
  inbound: 0,
  dailyDemand: 10,
  sells: true,
  leadTimeDays: 63,
  daysOfSupply: 100,
  stockOutDate: '2026-06-09',
  coverLowDays: 28,
  coverHighDays: 90,
  excessUnits: 0,
  alert: null,
  echelonAlert: null,
  echelonDaysOfSupply: null,
  ...over,
});

const kinds = (list: readonly { kind: string }[]) => list.map((c) => c.kind);

describe('positionAlerts', () => {
  it('raises nothing for a position inside the cover band without an alert', () => {
    expect(positionAlerts(position({ daysOfSupply: 60 }), { asOf })).toEqual([]);
  });

  it('one stock_out per SKU × location when the position is out of stock, dated today', () => {
    const out = positionAlerts(
      position({ available: -2, inbound: 100, daysOfSupply: 10, stockOutDate: asOf, alert: 'out_of_stock' }),
      { asOf },
    );
    expect(out).toEqual([
      expect.objectContaining({
        kind: 'stock_out',
        dedupeKey: 'stock_out:MUG:FBA1',
        severity: 'critical',
        location: 'FBA1',
        title: 'MUG is out of stock at FBA1',
        params: { sku: 'MUG', location: 'FBA1', dailyDemand: 10 },
        urgentOn: asOf,
      }),
    ]);
    expect(out[0]!.details).toMatchObject({ available: -2, inbound: 100, daysOfSupply: 10 });
  });

  it("reorder_now carries the position's learned lead time and days of supply, not a fixed one", () => {
    const out = positionAlerts(
      position({ daysOfSupply: 40, stockOutDate: '2026-04-10', alert: 'reorder_now' }),
      { asOf },
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      kind: 'reorder_now',
      dedupeKey: 'reorder_now:MUG:FBA1',
      severity: 'warning',
      title: 'Reorder MUG for FBA1 now: 40 days of supply, lead time 63 days',
      details: { daysOfSupply: 40, leadTimeDays: 63, stockOutDate: '2026-04-10' },
      urgentOn: '2026-04-10',
    });
  });

  it('low_stock below the lower edge of the cover band, only when no other supply alert holds', () => {
    const low = position({ daysOfSupply: 27.5, stockOutDate: '2026-03-28', alert: 'reorder_soon' });
    expect(positionAlerts(low, { asOf })).toMatchObject([
      {
        kind: 'low_stock',
        dedupeKey: 'low_stock:MUG:FBA1',
        title: 'MUG at FBA1: 27.5 days of supply, below 28; out on 2026-03-28',
        params: { daysOfSupply: 27.5, coverLowDays: 28 },
      },
    ]);
    expect(positionAlerts(position({ daysOfSupply: 28 }), { asOf })).toEqual([]);
    // A warehouse without a lower edge (0 days) has no low stock; reorder now wins over low stock.
    expect(positionAlerts(position({ daysOfSupply: 5, coverLowDays: 0 }), { asOf })).toEqual([]);
    expect(kinds(positionAlerts({ ...low, alert: 'reorder_now' }, { asOf }))).toEqual(['reorder_now']);
  });

  it('nothing about supply for a SKU that does not sell; its excess is reported at its location', () => {
    const idle = position({
      dailyDemand: 0,
      sells: false,
      daysOfSupply: null,
      stockOutDate: null,
      excessUnits: 1000,
    });
    expect(positionAlerts(idle, { asOf })).toMatchObject([
      {
        kind: 'excess',
        dedupeKey: 'excess:MUG:FBA1',
        severity: 'info',
        params: { units: 1000, coverHighDays: 90 },
        details: { daysOfSupply: null },
        urgentOn: null,
      },
    ]);
  });

  it("a hub that sells nothing but must reorder for its FCs raises reorder_now with the echelon's days", () => {
    const hub = position({
      location: 'WH1',
      dailyDemand: 0,
      sells: false,
      available: 40,
      daysOfSupply: null,
      stockOutDate: null,
      leadTimeDays: 30,
      echelonAlert: 'reorder_now',
      echelonDaysOfSupply: 21.4,
    });
    expect(positionAlerts(hub, { asOf })).toMatchObject([
      {
        kind: 'reorder_now',
        dedupeKey: 'reorder_now:MUG:WH1',
        params: { daysOfSupply: 21.4, leadTimeDays: 30, network: true },
        details: { echelonAlert: 'reorder_now', daysOfSupply: null },
        urgentOn: asOf,
      },
    ]);
    // A hub whose echelon is only reorder_soon raises nothing about supply.
    expect(positionAlerts({ ...hub, echelonAlert: 'reorder_soon' }, { asOf })).toEqual([]);
  });

  it('keeps SKU × locations apart: the same SKU out at one location and fine at another', () => {
    const fba = positionAlerts(position({ available: 0, daysOfSupply: 0, alert: 'out_of_stock' }), { asOf });
    const wh = positionAlerts(position({ location: 'WH1', daysOfSupply: 60 }), { asOf });
    expect(fba.map((c) => c.dedupeKey)).toEqual(['stock_out:MUG:FBA1']);
    expect(wh).toEqual([]);
  });
});

describe('strandedAlert', () => {
  it('the stranded units of a listing that is not active, none without them', () => {
    expect(
      strandedAlert({ sku: 'MUG', listingStatus: 'inactive', strandedUnits: 12 }, { asOf }),
    ).toMatchObject({
      kind: 'stranded',
      severity: 'warning',
      title: 'MUG: 12 units stranded (listing inactive)',
      params: { sku: 'MUG', units: 12, listingStatus: 'inactive' },
      urgentOn: asOf,
    });
    expect(strandedAlert({ sku: 'MUG', listingStatus: 'error', strandedUnits: 0 }, { asOf })).toBeNull();
  });
});
