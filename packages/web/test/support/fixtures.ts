/** Deterministic generated data for tests that need more than the demo seller has. */
import type { Forecast, RestockRecommendation } from '../../src/api/types';
import type { BalanceInput } from '../../src/ledger/inventory/inventory-model';
import type { HeldBackReason } from '../../src/replenishment/restock/restock-model';
import { mulberry32 as rng } from '@stockwise/domain/demo/prng';

const LOCATIONS = ['FBA-US', 'FBA-CA', 'WH1', 'WH2', '3PL-EAST'];
const NOUNS = ['Mug', 'Lamp', 'Towel', 'Bottle', 'Jacket', 'Planter', 'Charger', 'Blanket'];

/** `count` SKU × location rows, five locations per SKU. */
export function generateBalances(count: number, seed = 7): BalanceInput[] {
  const random = rng(seed);
  const rows: BalanceInput[] = [];
  const now = Date.UTC(2026, 10, 1);
  for (let i = 0; i < count; i++) {
    const skuIndex = Math.floor(i / LOCATIONS.length);
    const onHand = random() < 0.1 ? 0 : Math.floor(random() * 500);
    const reserved = Math.min(onHand, Math.floor(random() * 10));
    const ageDays = onHand ? Math.floor(random() * 500) : 0;
    rows.push({
      sku: `GEN-${String(skuIndex).padStart(6, '0')}`,
      title: `Generated ${NOUNS[skuIndex % NOUNS.length]!} ${skuIndex}`,
      location: LOCATIONS[i % LOCATIONS.length]!,
      onHand,
      reserved,
      available: onHand - reserved,
      inbound: random() < 0.2 ? Math.floor(random() * 300) : 0,
      unfulfillable: random() < 0.1 ? Math.floor(random() * 20) : 0,
      oldestReceivedAt: onHand ? new Date(now - ageDays * 86_400_000).toISOString() : null,
      oldestArrivedAt: onHand ? new Date(now - ageDays * 86_400_000).toISOString() : null,
      aged: onHand > 0 && ageDays >= 181, // as the server marks them
      updatedAt: new Date(now).toISOString(),
    });
  }
  return rows;
}

/** A forecast in the documented shape: 120 days of history (with a stock-out gap) and 60 days ahead. */
export function generateForecast() {
  const day = (offset: number) =>
    new Date(Date.UTC(2026, 10, 26) + offset * 86_400_000).toISOString().slice(0, 10);
  const history = Array.from({ length: 120 }, (_, i) => {
    const censored = i >= 70 && i < 78;
    return { date: day(i - 120), units: censored ? null : 3 + (i % 7 === 5 ? 4 : 0) + (i % 3), censored };
  });
  const forecast = Array.from({ length: 60 }, (_, i) => {
    const mean = 4 + (i % 7 === 5 ? 3 : 0);
    return {
      date: day(i),
      mean,
      q50: mean - 0.5,
      q80: mean + 1.5,
      q90: mean + 2.5,
      q95: mean + 3.5,
      q99: mean + 5.5,
    };
  });
  return {
    sku: 'APP-0001-SMA',
    location: null,
    model: 'ets-test',
    demandClass: 'smooth',
    degenerate: null,
    backtest: { wape: 0.31, bias: -0.04 },
    history,
    forecast,
    overrides: [] as Forecast['overrides'],
    priceChanges: [] as Forecast['priceChanges'],
  };
}

/** A restock line with every field the API sends; `over` sets what a test (or a generated line) is about. */
export function restockRecommendation(
  over: Partial<RestockRecommendation> & { heldBack?: HeldBackReason },
): RestockRecommendation {
  const { heldBack, ...fields } = over;
  const base: RestockRecommendation = {
    sku: 'MUG-1',
    title: 'Blue mug',
    location: 'FBA-US',
    locationType: 'fba',
    action: 'purchase',
    source: 'ACME',
    supplier: 'ACME',
    mode: 'via_warehouse',
    onHand: 10,
    available: 10,
    inbound: 0,
    backorders: 0,
    dailyDemand: 2,
    daysOfSupply: 5,
    stockOutDate: null,
    coverLowDays: 28,
    coverHighDays: 90,
    excessUnits: 0,
    leadTimeDays: 30,
    serviceLevel: 0.95,
    safetyStock: 10,
    reorderPoint: 70,
    orderUpTo: 120,
    recommendedQuantity: 100,
    unconstrainedQuantity: 100,
    casePack: 1,
    moq: 1,
    unitCost: 2,
    estimatedCost: 200,
    orderByDate: '2026-12-10',
    shipDate: null,
    arrivalDate: '2027-01-10',
    alert: 'reorder_now',
    excess: false,
    reasoning: {
      heldBack: heldBack ? { reason: heldBack, message: '', figures: {} } : null,
    } as RestockRecommendation['reasoning'],
  };
  return { ...base, ...fields };
}

const SUPPLIERS = ['ACME', 'NORTHWIND', 'ZENITH', 'ORBIT'];
const ALERTS = ['out_of_stock', 'reorder_now', 'reorder_soon', null] as const;
const HELD_BACK = ['capacity', 'clearance', 'unprofitable', 'no_supplier'] as const;

/**
 * A restock plan of `count` lines in the API's shape: purchases from four suppliers at four
 * locations, every fifth line a transfer from WH1 to FBA-US, some held back, and one capacity fit.
 */
export function generateRestockPlan(count: number, seed = 11) {
  const random = rng(seed);
  const day = (offset: number) => new Date(Date.UTC(2026, 11, 6) + offset * 86_400_000).toISOString();
  const items = Array.from({ length: count }, (_, i) => {
    const transfer = i % 5 === 4;
    const supplier = SUPPLIERS[i % SUPPLIERS.length]!;
    const location = transfer ? 'FBA-US' : LOCATIONS[i % 4]!;
    const held = i % 11 === 3 ? HELD_BACK[i % HELD_BACK.length]! : null;
    const quantity = held ? 0 : 1 + Math.floor(random() * 400);
    const unitCost = i % 13 === 0 ? null : Math.round((1 + random() * 30) * 100) / 100;
    const dailyDemand = Math.round(random() * 2000) / 100;
    return restockRecommendation({
      sku: `GEN-${String(i).padStart(6, '0')}`,
      title: `Generated ${NOUNS[i % NOUNS.length]!} ${i}`,
      location,
      locationType: location.startsWith('FBA') ? 'fba' : 'warehouse',
      action: transfer ? 'transfer' : 'purchase',
      source: transfer ? 'WH1' : supplier,
      supplier,
      onHand: Math.floor(random() * 300),
      available: Math.floor(random() * 300),
      dailyDemand,
      daysOfSupply: dailyDemand > 0 ? Math.round(random() * 900) / 10 : null,
      reorderPoint: 50,
      recommendedQuantity: quantity,
      unconstrainedQuantity: quantity,
      unitCost: transfer ? null : unitCost,
      estimatedCost: transfer || unitCost === null ? null : Math.round(unitCost * quantity * 100) / 100,
      orderByDate: transfer ? null : day(i % 20),
      shipDate: transfer ? day(i % 7) : null,
      arrivalDate: day(40),
      alert: ALERTS[i % ALERTS.length]!,
      ...(held ? { heldBack: held } : {}),
    });
  });
  const capacity = [
    {
      location: 'FBA-US',
      storageType: 'standard',
      limitCubicFeet: 1000,
      usedCubicFeet: 600,
      freeCubicFeet: 400,
      recommendedCubicFeet: 520,
      plannedCubicFeet: 400,
      binding: true,
      method: 'lp',
      cut: [{ sku: 'GEN-000003', recommendedQuantity: 120, plannedQuantity: 0, profitPerCubicFoot: 1.5 }],
      summary: '',
    },
  ];
  return {
    asOf: day(0),
    mode: 'via_warehouse',
    items,
    capacity,
    totals: { lines: 0, units: 0, estimatedCost: 0, alerts: {} },
  };
}
