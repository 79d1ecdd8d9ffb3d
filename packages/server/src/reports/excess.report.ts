import { DomainError } from '@stockwise/domain/errors';
import type { ClearanceAdvice } from '@stockwise/domain/health/clearance';
import {
  SELL_THROUGH_DAYS,
  averageOnHand,
  excessInbound,
  sellThrough,
} from '@stockwise/domain/health/factors';
import type { PlanningPosition } from '@stockwise/domain/replenishment/position';
import { positionKey } from '@stockwise/domain/replenishment/position';
import type { ProductRecord } from '@stockwise/db/catalog/products.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import type { LocationWindow } from '@stockwise/db/reports/excess.repository';
import { excessRepository } from '@stockwise/db/reports/excess.repository';
import { reportScopeRepository } from '@stockwise/db/reports/report-statement';
import type { Transactor } from '../platform/transactor';
import type { PlanningService } from '../replenishment/planning.service';
import { REPORT_COLUMNS } from './report-columns';
import type { Page, ReportContext, ReportDefinition, SkuRange } from './report-context';
import { PAGE, itemCells, orNull, r2 } from './report-context';
import type { ReportRow } from './report-writers';

/** Units shipped in the last 30 days (the report's t30 column). */
const RECENT_DAYS = 30;

/**
 * The excess report's rows, from the planning position (docs/formulas.md Planning position, Clearance
 * advice): every SKU × location with excess units in scope — Amazon's locations, or the one asked for —
 * with the clearance advice restock obeys.
 */
interface ExcessPlan {
  /** 'amazon' or the location code asked for. */
  scope: string;
  positions: PlanningPosition[];
  advice: ReadonlyMap<string, ClearanceAdvice>;
  products: ReadonlyMap<number, ProductRecord>;
  windows: ReadonlyMap<string, LocationWindow>;
}

async function loadExcessPlan(
  tx: Transactor,
  planning: PlanningService,
  ctx: ReportContext,
): Promise<ExcessPlan> {
  const { accountId } = ctx.actor;
  const code = ctx.params.location;
  const location = code ? await locationsRepository.findByCode(tx.sql, accountId, code) : undefined;
  if (code && !location)
    throw new DomainError('UNKNOWN_LOCATION', `unknown location ${code}`, { field: 'location' });
  const { positions, advice } = await planning.clearance(ctx.actor, { asOf: ctx.params.asOf });
  const inScope = positions
    .filter((p) => p.excessUnits > 0)
    .filter((p) => (location ? p.locationId === location.id : p.locationType === 'amazon_fba'))
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.location.localeCompare(b.location)));
  const productIds = [...new Set(inScope.map((p) => p.productId))];
  const catalogue = await productsRepository.listAll(tx.sql, accountId);
  const windows =
    productIds.length === 0
      ? new Map<string, LocationWindow>()
      : await excessRepository.locationWindows(tx.sql, accountId, {
          asOf: ctx.params.asOf,
          days: SELL_THROUGH_DAYS,
          productIds,
        });
  return {
    scope: location?.code ?? 'amazon',
    positions: inScope,
    advice,
    products: new Map(catalogue.map((p) => [p.id, p])),
    windows,
  };
}

/** Units shipped over the last 30 and 90 days and the 90-day sell-through of one SKU × location. */
function shippedAndSellThrough(p: PlanningPosition, w: LocationWindow | undefined) {
  const n = SELL_THROUGH_DAYS;
  const days = w?.days ?? [];
  const inWindow = days.filter((d) => d.day >= 0 && d.day < n);
  const after = days.filter((d) => d.day >= n).reduce((s, d) => s + d.onHandDelta, 0);
  const onHandAtDate = p.onHand - after;
  const opening = onHandAtDate - inWindow.reduce((s, d) => s + d.onHandDelta, 0);
  const shipped90 = inWindow.reduce((s, d) => s + d.shipped, 0);
  const shipped30 = inWindow.filter((d) => d.day >= n - RECENT_DAYS).reduce((s, d) => s + d.shipped, 0);
  const average = averageOnHand(inWindow, { days: n, openingOnHand: opening });
  return {
    shipped30,
    shipped90,
    sellThrough: sellThrough({ unitsShipped: shipped90, averageOnHand: average }),
  };
}

/** One row: a SKU × location's excess units (the position's) and the clearance action advised for them. */
function excessRow(ctx: ReportContext, plan: ExcessPlan, p: PlanningPosition): ReportRow | undefined {
  const product = plan.products.get(p.productId);
  if (!product) return undefined;
  const advice = plan.advice.get(positionKey(p.productId, p.locationId));
  const chosen = advice?.chosen;
  const action = advice?.action ?? 'keep';
  const sales = shippedAndSellThrough(p, plan.windows.get(positionKey(p.productId, p.locationId)));
  return {
    ...itemCells(ctx, product),
    location: p.location,
    available: p.available,
    'inbound-quantity': p.inbound,
    'units-shipped-t30': sales.shipped30,
    'units-shipped-t90': sales.shipped90,
    'sell-through': orNull(sales.sellThrough, r2),
    'days-of-supply': p.daysOfSupply,
    'estimated-excess-quantity': p.excessUnits,
    'estimated-excess-inbound': excessInbound({
      onHand: p.onHand,
      inbound: p.inbound,
      dailyDemand: p.servedDailyDemand,
      daysOfSupplyLimit: p.coverHighDays,
    }),
    'healthy-inventory-level': Math.floor(p.coverHighDays * p.servedDailyDemand),
    'your-price': product.price,
    alert: p.sells ? 'excess' : 'no-sales',
    'recommended-action': action,
    'recommended-sales-price':
      chosen && (chosen.action === 'markdown' || chosen.action === 'promotion')
        ? (chosen.price ?? null)
        : null,
    'recommended-sale-duration-days': chosen?.durationDays ?? null,
    'recommended-removal-quantity': ['removal', 'liquidation', 'disposal'].includes(action)
      ? p.excessUnits
      : 0,
    'estimated-cost-savings-of-recommended-actions': advice?.estimatedSavings ?? 0,
    'price-elasticity': advice ? r2(advice.elasticityUsed) : null,
    'elasticity-source': advice?.elasticitySource ?? null,
  };
}

const rowsOf = (
  ctx: ReportContext,
  plan: ExcessPlan,
  positions: readonly PlanningPosition[],
): ReportRow[] => {
  const rows: ReportRow[] = [];
  for (const p of positions) {
    const row = excessRow(ctx, plan, p);
    if (row) rows.push(row);
  }
  return rows;
};

/**
 * The excess report: per SKU × location with units beyond the position's excess line (its cover band's
 * upper edge), with the clearance advice the plan computes — the same answer restock obeys. One plan per
 * request, shared by its pages. `planning` is the process's one planning service, whose cache restock,
 * the overview and the start-up warm-up fill (a cache of its own computed the position a second time).
 */
export const excessReport = (tx: Transactor, planning: PlanningService): ReportDefinition => {
  const plans = new WeakMap<ReportContext, Promise<ExcessPlan>>();
  const planOf = (ctx: ReportContext) => {
    let plan = plans.get(ctx);
    if (!plan) {
      plan = loadExcessPlan(tx, planning, ctx);
      plans.set(ctx, plan);
    }
    return plan;
  };
  return {
    scope: 'location',
    columns: () => [...REPORT_COLUMNS.excess],
    page: async (ctx: ReportContext, range: SkuRange): Promise<Page> => {
      const plan = await planOf(ctx);
      // The page's SKUs as the database orders them (its collation, not JavaScript's).
      const skus = new Set(
        await reportScopeRepository.skus(tx.sql, ctx.actor.accountId, {
          after: range.after,
          limit: range.count,
        }),
      );
      const inRange = plan.positions.filter((p) => skus.has(p.sku));
      return { rows: rowsOf(ctx, plan, inRange) };
    },
    summary: async (ctx) => ({ scope: (await planOf(ctx)).scope }),
    stream: async function* (ctx): AsyncGenerator<ReportRow[]> {
      const plan = await planOf(ctx);
      for (let i = 0; i < plan.positions.length; i += PAGE)
        yield rowsOf(ctx, plan, plan.positions.slice(i, i + PAGE));
    },
  };
};
