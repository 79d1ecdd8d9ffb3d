import type { Sql } from '@stockwise/db/database';
import type { ProductRecord } from '@stockwise/db/catalog/products.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import { forecastsRepository } from '@stockwise/db/forecasting/forecasts.repository';
import type { PlanningBalance } from '@stockwise/db/replenishment/replenishment.repository';
import { replenishmentRepository } from '@stockwise/db/replenishment/replenishment.repository';
import type { SupplierProductRecord } from '@stockwise/db/replenishment/suppliers.repository';
import { suppliersRepository } from '@stockwise/db/replenishment/suppliers.repository';
import { salesHistoryRepository } from '@stockwise/db/sales/sales-history.repository';
import type { NetworkPlanInput } from '@stockwise/domain/replenishment/network-plan';
import { NETWORK_PLAN_RULES, networkPlanner } from '@stockwise/domain/replenishment/network-plan';
import { positionKey } from '@stockwise/domain/replenishment/position';
import { supplierReviewPeriods } from '@stockwise/domain/replenishment/supplier-review';
import type { LocationRecord } from '@stockwise/db/catalog/locations.repository';
import { catalogueEvents } from '../forecasting/catalogue-input';
import { currentForecasts } from '../forecasting/current-forecasts';
import { historyWindow } from '../forecasting/demand-histories';
import { timeSlices } from '../platform/event-loop';
import { planningForecasts } from './planning-forecasts';
import type { NetworkPlanLine, PlannedLines } from './planning.service';
import { orderSizesOf } from './planning.service';

type Input = NetworkPlanInput<ProductRecord, LocationRecord>;

/**
 * The planned lines after changes that touched only the `touched` SKUs (docs/decisions.md 38): their
 * inputs read again (product, stock, stored forecasts, demand items, supplier terms, settings, order
 * sizes) and their lines planned again; every other SKU's inputs and lines are the previous ones, as
 * are the account-wide inputs (locations, suppliers, lead times, fee tables, cost defaults), which no
 * per-SKU change moves. A SKU whose supplier's review period moved (it pools its SKUs' demand) is
 * planned again too. Undefined where it cannot answer the same as the full computation: a planned price
 * change (its price response pools a category), a product it does not know or whose SKU changed.
 */
export async function replanTouched(
  sql: Sql,
  accountId: number,
  a: { asOf: string; prev: PlannedLines; touched: ReadonlySet<number> },
): Promise<PlannedLines | undefined> {
  const { prev, touched } = a;
  const ids = [...touched];
  const window = historyWindow(a.asOf);
  const events = await catalogueEvents(sql, accountId, {
    window,
    horizon: NETWORK_PLAN_RULES.forecastHorizon,
  });
  if (events.some((e) => e.priceFactor !== null)) return undefined;
  const fresh = new Map((await productsRepository.findManyById(sql, accountId, ids)).map((p) => [p.id, p]));
  const before = new Map(prev.inputs.catalogue.map((p) => [p.id, p]));
  for (const id of ids) {
    const was = before.get(id);
    if (!was || fresh.get(id)?.sku !== was.sku) return undefined;
  }
  const catalogue = prev.inputs.catalogue.map((p) => fresh.get(p.id) ?? p);
  const nonStock = new Set([...prev.inputs.nonStock].filter((id) => !touched.has(id)));
  for (const id of await salesHistoryRepository.nonStockProductIds(sql, accountId, ids)) nonStock.add(id);
  const products = catalogue.filter((p) => p.replenishable && !nonStock.has(p.id));

  const own = await replenishmentRepository.balances(sql, accountId, ids);
  const balances = [...prev.inputs.balances.filter((b) => !touched.has(b.productId)), ...own].sort(
    byPosition,
  );
  const stored = await forecastsRepository.latestOf(sql, accountId, ids);
  const itemsOf = new Map(prev.inputs.input.itemsOf);
  for (const id of ids) itemsOf.delete(id);
  const addItem = (p: number, l: number) => itemsOf.set(p, new Set(itemsOf.get(p) ?? []).add(l));
  for (const b of own) addItem(b.productId, b.locationId);
  for (const f of stored) if (f.locationId !== null) addItem(f.productId, f.locationId);
  for (const d of await salesHistoryRepository.demandItems(sql, accountId, ids))
    addItem(d.productId, d.locationId);

  const terms = new Map(prev.inputs.input.terms as ReadonlyMap<number, SupplierProductRecord>);
  for (const id of ids) terms.delete(id);
  for (const t of await suppliersRepository.listAllProducts(sql, accountId, ids))
    if (!terms.has(t.productId)) terms.set(t.productId, t);
  const settings = [
    ...prev.inputs.settings.filter((s) => !touched.has(s.productId)),
    ...(await replenishmentRepository.settings(sql, accountId, ids)),
  ];

  const replanned = products.filter((p) => touched.has(p.id));
  const forecasts = withoutProducts(prev.inputs.input.forecasts, touched);
  const ownForecasts = await planningForecasts(sql, accountId, {
    asOf: a.asOf,
    products: replanned,
    itemsOf,
    stored: await currentForecasts(sql, accountId, { stored, catalogue }),
    some: true,
  });
  for (const [k, f] of ownForecasts) forecasts.set(k, f);
  const orderSizes = withoutProducts(prev.inputs.input.orderSizes ?? new Map(), touched);
  for (const [k, s] of await orderSizesOf(sql, accountId, { asOf: a.asOf, forecasts: ownForecasts }))
    orderSizes.set(k, s);

  const input: Input = {
    ...prev.inputs.input,
    products,
    itemsOf,
    stock: new Map(balances.map((b) => [positionKey(b.productId, b.locationId), b])),
    forecasts,
    terms,
    settings: new Map(settings.map((s) => [s.productId, s])),
    orderSizes,
  };
  const again = new Set([...touched, ...reviewMoved(prev.inputs.input, input)]);
  const inputs = { input, balances, catalogue, settings, nonStock };
  return { inputs, ...(await linesOf(input, prev, again)) };
}

/** The lines of every product: planned again for those in `again` or new to the plan, else the previous. */
async function linesOf(input: Input, prev: PlannedLines, again: ReadonlySet<number>) {
  const planner = networkPlanner(input);
  const previous = new Map<number, NetworkPlanLine[]>();
  for (const l of prev.lines) previous.set(l.product.id, [...(previous.get(l.product.id) ?? []), l]);
  const planned = new Set(prev.inputs.input.products.map((p) => p.id));
  const slices = timeSlices();
  const lines: NetworkPlanLine[] = [];
  for (const product of input.products) {
    await slices.pause();
    const kept = again.has(product.id) || !planned.has(product.id) ? undefined : previous.get(product.id);
    for (const line of kept ?? planner.linesOf(product)) lines.push(line);
  }
  return { mode: planner.mode, lines };
}

/** Products whose supplier's review period differs between the two inputs. */
function reviewMoved(before: Input, after: Input): number[] {
  const was = supplierReviewPeriods(before);
  const now = supplierReviewPeriods(after);
  const moved = new Set<number>();
  for (const id of new Set([...was.keys(), ...now.keys()]))
    if (was.get(id)?.reviewDays !== now.get(id)?.reviewDays) moved.add(id);
  if (moved.size === 0) return [];
  return after.products.flatMap((p) => {
    const term = after.terms.get(p.id);
    return term && moved.has(term.supplierId) ? [p.id] : [];
  });
}

/** A copy of a `productId:…`-keyed map without the given products' entries. */
function withoutProducts<V>(m: ReadonlyMap<string, V>, products: ReadonlySet<number>): Map<string, V> {
  const out = new Map<string, V>();
  for (const [k, v] of m) if (!products.has(Number(k.slice(0, k.indexOf(':'))))) out.set(k, v);
  return out;
}

function byPosition(x: PlanningBalance, y: PlanningBalance): number {
  return x.productId - y.productId || x.locationId - y.locationId;
}
