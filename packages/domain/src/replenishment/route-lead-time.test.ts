import { describe, expect, it } from 'vitest';
import type { PlanSupplier } from './plan-line';
import { routeLeadTime, supplierLeadTime } from './route-lead-time';

/** Stated 50 days (40 production + 10 transit); receipts over all routes [44, 50, 56]. */
const supplier: PlanSupplier = {
  id: 1,
  code: 'ACME',
  productionDays: 40,
  transitDays: 10,
  groundDays: 0,
  checkInDays: 0,
};
const wide = supplierLeadTime(supplier, [44, 50, 56]);

describe('routeLeadTime', () => {
  it("learns from the route's receipts when it has any", () => {
    const lead = routeLeadTime(wide, { hasSupplier: true, routeObservedDays: [62, 62, 62] });
    // Mean (3·62 + 3·50) / 6 = 56; variance (2·0 + 3·7.5² + (9/6)·12²) / 5 = 76.95 (learnLeadTime's pooling).
    expect(lead.basis).toBe('route');
    expect(lead.meanDays).toBeCloseTo(56, 9);
    expect(lead.sdDays).toBeCloseTo(Math.sqrt((3 * 7.5 ** 2 + 1.5 * 12 ** 2) / 5), 9);
    expect(lead.observations).toBe(3);
    expect(lead.productionDays).toBe(40);
  });

  it("falls back to the supplier's receipts over all routes, then to the stated lead time", () => {
    const none = routeLeadTime(wide, { hasSupplier: true, routeObservedDays: undefined });
    expect(none).toMatchObject({ basis: 'supplier', meanDays: 50, observations: 3 });
    const stated = routeLeadTime(supplierLeadTime(supplier, []), {
      hasSupplier: true,
      routeObservedDays: [],
    });
    expect(stated).toMatchObject({ basis: 'stated', meanDays: 50, observations: 0 });
  });

  it('uses the explicit default without a supplier', () => {
    const lead = routeLeadTime(supplierLeadTime(undefined, []), {
      hasSupplier: false,
      routeObservedDays: [9],
    });
    expect(lead).toMatchObject({ basis: 'default', meanDays: 30, observations: 0 });
  });
});
