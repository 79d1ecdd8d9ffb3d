/**
 * A hub's purchase row in the network plan (docs/formulas.md Planning position): bought for the
 * echelon, shown with the hub's own position, its margin the worst of the places its units sell.
 */
import type { LineRequest, PlanLine, PlanLocation, PlanProduct } from './plan-line';
import { coverBand, recommendLine } from './plan-line';
import { planningPosition } from './position';

/**
 * The hub purchase is planned on the echelon; its row shows the hub's own position (its own stock,
 * demand and lead time, the excess line measured against the demand it serves) and keeps the echelon's
 * figures apart.
 */
export function withLocalPosition<P extends PlanProduct, L extends PlanLocation>(
  hubLine: PlanLine<P, L>,
  a: Pick<
    LineRequest<P, L>,
    'product' | 'supplier' | 'term' | 'setting' | 'asOf' | 'stock' | 'forecast' | 'lead' | 'feeSchedules'
  > & {
    fcLines: readonly PlanLine<P, L>[];
  },
): PlanLine<P, L> {
  // A hub that sells nothing itself has no alert: its own recommendation is needed only when it sells.
  const sellsHere = a.forecast.f.mean.some((m) => m > 0);
  const band = coverBand(hubLine.location, a.setting, {});
  const local = sellsHere
    ? recommendLine({ ...a, location: hubLine.location, action: 'purchase', source: hubLine.source }).position
    : {
        ...hubLine.position,
        alert: null,
        leadTimeDays: Math.max(0, Math.round(a.lead.meanDays)),
        coverLowDays: band.minCover,
        coverHighDays: band.maxCover,
      };
  const downstream = a.fcLines.reduce((s, r) => s + r.position.dailyDemand, 0);
  const position = planningPosition({
    productId: local.productId,
    sku: local.sku,
    locationId: local.locationId,
    location: local.location,
    locationType: local.locationType,
    asOf: a.asOf,
    stock: a.stock,
    forecast: a.forecast.f,
    demandSource: a.forecast.source,
    local: { alert: local.alert, leadTimeDays: local.leadTimeDays },
    coverLowDays: local.coverLowDays,
    coverHighDays: local.coverHighDays,
    downstreamDailyDemand: downstream,
    echelonAlert: hubLine.rec.alert,
    echelonDaysOfSupply: hubLine.rec.daysOfSupply,
  });
  const rec = hubLine.rec;
  // What the hub buys sells at the FCs too: its margin is the worst of where it sells.
  const margins = [hubLine, ...a.fcLines.filter((r) => r.position.sells)]
    .map((r) => r.marginPerUnit)
    .filter((m): m is number => m !== null);
  return {
    ...hubLine,
    position,
    marginPerUnit: margins.length > 0 ? Math.min(...margins) : null,
    echelon: {
      available: rec.reasoning.position.available,
      inbound: rec.reasoning.position.inbound,
      dailyDemand: rec.dailyDemand,
      daysOfSupply: rec.daysOfSupply,
      alert: rec.alert,
    },
  };
}
