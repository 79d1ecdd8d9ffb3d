/**
 * The one-plan invariants (issue #12, docs/formulas.md Alerts and Planning position) as a check over
 * the API's own answers, so it runs on any seller: the overview, restock, alerts and the excess report
 * must state one stock-out, one days of supply and one decision per SKU × location.
 */
import type { client } from './http-client';

type Api = ReturnType<typeof client>;

export interface RestockRow {
  sku: string;
  location: string;
  action: string;
  recommendedQuantity: number;
  alert: string | null;
  daysOfSupply: number | null;
  reasoning: { heldBack?: { reason: string } | null };
}

export interface AlertRow {
  kind: string;
  sku: string | null;
  location: string | null;
  details: Record<string, unknown>;
}

/** One row of the excess report at a location (Amazon's column names). */
export interface ExcessRow {
  sku: string;
  location: string;
  action: string | null;
  daysOfSupply: number | null;
}

/** What the check reads: every view of the plan, as the API answers. */
export interface PlanViews {
  locations: string[];
  /** The overview's stock-outs per location code. */
  overviewStockOuts: Map<string, number>;
  restock: RestockRow[];
  /** Active alerts of the stock kinds. */
  alerts: AlertRow[];
  excess: ExcessRow[];
}

export type Invariant = 'stock_out_counts' | 'held_back' | 'bought_and_cleared' | 'days_of_supply';

export interface Violation {
  invariant: Invariant;
  message: string;
}

async function ok(api: Api, path: string) {
  const res = await api.get(path);
  if (res.status !== 200) throw new Error(`GET ${path}: ${String(res.status)} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Every page of a cursor-paged list. */
async function everyPage<T>(api: Api, path: string, key: 'items' | 'rows'): Promise<T[]> {
  const out: T[] = [];
  const sep = path.includes('?') ? '&' : '?';
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const body = await ok(api, `${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`);
    out.push(...((body[key] as T[] | undefined) ?? []));
    cursor = (body['nextCursor'] as string | null | undefined) ?? null;
  }
  return out;
}

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Reads every view of the plan through the API (as of today, the server's default). */
export async function gatherPlanViews(api: Api): Promise<PlanViews> {
  const locations = (await everyPage<{ code: string }>(api, '/api/v1/locations?limit=500', 'items')).map(
    (l) => l.code,
  );
  const summary = await ok(api, '/api/v1/inventory/summary');
  const perLocation = (summary['locations'] as { code: string; stockOuts: number }[] | undefined) ?? [];
  const restock = (await ok(api, '/api/v1/restock?limit=100000'))['items'] as unknown as RestockRow[];
  const alerts: AlertRow[] = [];
  for (const kind of ['stock_out', 'reorder_now', 'low_stock', 'excess'])
    alerts.push(
      ...(await everyPage<AlertRow>(api, `/api/v1/alerts?status=active&kind=${kind}&limit=500`, 'items')),
    );
  const excess: ExcessRow[] = [];
  for (const location of locations) {
    const rows = await everyPage<Record<string, unknown>>(
      api,
      `/api/v1/reports/excess?location=${encodeURIComponent(location)}&limit=5000`,
      'rows',
    );
    for (const r of rows)
      excess.push({
        sku: String(r['sku']),
        location: typeof r['location'] === 'string' ? r['location'] : location,
        action: typeof r['recommended-action'] === 'string' ? r['recommended-action'] : null,
        daysOfSupply: numberOrNull(r['days-of-supply']),
      });
  }
  return {
    locations,
    overviewStockOuts: new Map(perLocation.map((l) => [l.code, l.stockOuts])),
    restock,
    alerts,
    excess,
  };
}

const key = (sku: string, location: string) => `${sku} @ ${location}`;

function stockOutCounts(v: PlanViews): Violation[] {
  const out: Violation[] = [];
  for (const location of v.locations) {
    const restock = new Set(
      v.restock.filter((r) => r.location === location && r.alert === 'out_of_stock').map((r) => r.sku),
    );
    const alerts = v.alerts
      .filter((a) => a.kind === 'stock_out' && a.location === location)
      .map((a) => a.sku);
    const alertSet = new Set(alerts);
    const overview = v.overviewStockOuts.get(location);
    const say = (message: string) =>
      out.push({ invariant: 'stock_out_counts', message: `${location}: ${message}` });
    if (overview !== restock.size)
      say(`the overview counts ${String(overview)} stock-outs, restock ${String(restock.size)}`);
    if (alerts.length !== alertSet.size)
      say(`${String(alerts.length - alertSet.size)} duplicate stock_out alerts`);
    const onlyRestock = [...restock].filter((s) => !alertSet.has(s));
    const onlyAlerts = [...alertSet].filter((s) => s === null || !restock.has(s));
    if (onlyRestock.length > 0)
      say(`out of stock on restock without a stock_out alert: ${onlyRestock.join(', ')}`);
    if (onlyAlerts.length > 0)
      say(`stock_out alerts restock does not call out of stock: ${onlyAlerts.join(', ')}`);
  }
  const unlocated = v.alerts.filter((a) => a.kind === 'stock_out' && a.location === null).length;
  if (unlocated > 0)
    out.push({
      invariant: 'stock_out_counts',
      message: `${String(unlocated)} stock_out alerts name no location`,
    });
  return out;
}

function heldBack(v: PlanViews): Violation[] {
  return v.restock
    .filter(
      (r) =>
        (r.alert === 'out_of_stock' || r.alert === 'reorder_now') &&
        r.recommendedQuantity === 0 &&
        !r.reasoning.heldBack,
    )
    .map((r) => ({
      invariant: 'held_back' as const,
      message: `${key(r.sku, r.location)}: ${String(r.alert)} with quantity 0 and no heldBack`,
    }));
}

function boughtAndCleared(v: PlanViews): Violation[] {
  const cleared = new Map(
    v.excess
      .filter((e) => e.action !== null && e.action !== 'keep')
      .map((e) => [key(e.sku, e.location), e.action]),
  );
  return v.restock
    .filter((r) => r.recommendedQuantity > 0 && cleared.has(key(r.sku, r.location)))
    .map((r) => ({
      invariant: 'bought_and_cleared' as const,
      message: `${key(r.sku, r.location)}: ${r.action} of ${String(r.recommendedQuantity)} while the excess report advises ${String(cleared.get(key(r.sku, r.location)))}`,
    }));
}

/**
 * Days of supply agree: restock's, the stock alerts' details and the excess report's (which may show
 * whole days: then it must be restock's figure rounded).
 */
function daysOfSupply(v: PlanViews): Violation[] {
  const out: Violation[] = [];
  const restock = new Map<string, number | null>();
  for (const r of v.restock) {
    const k = key(r.sku, r.location);
    const seen = restock.get(k);
    if (seen !== undefined && seen !== r.daysOfSupply)
      out.push({
        invariant: 'days_of_supply',
        message: `${k}: restock rows say ${String(seen)} and ${String(r.daysOfSupply)}`,
      });
    restock.set(k, r.daysOfSupply);
  }
  for (const a of v.alerts) {
    if (a.sku === null || a.location === null) continue;
    const k = key(a.sku, a.location);
    const dos = numberOrNull(a.details['daysOfSupply']);
    if (restock.has(k) && restock.get(k) !== dos)
      out.push({
        invariant: 'days_of_supply',
        message: `${k}: restock ${String(restock.get(k))}, ${a.kind} alert ${String(dos)}`,
      });
  }
  for (const e of v.excess) {
    const k = key(e.sku, e.location);
    const dos = restock.get(k);
    if (dos === undefined || (e.daysOfSupply === null && dos === null)) continue;
    if (e.daysOfSupply !== dos && (dos === null || e.daysOfSupply !== Math.round(dos)))
      out.push({
        invariant: 'days_of_supply',
        message: `${k}: restock ${String(dos)}, excess report ${String(e.daysOfSupply)}`,
      });
  }
  return out;
}

/** Every way the views contradict each other (empty when they state one plan). */
export function planViolations(v: PlanViews): Violation[] {
  return [...stockOutCounts(v), ...heldBack(v), ...boughtAndCleared(v), ...daysOfSupply(v)];
}

/** The violations of one invariant, as readable lines (the first `limit`, then a count). */
export function describeViolations(all: readonly Violation[], invariant: Invariant, limit = 20): string[] {
  const lines = all.filter((x) => x.invariant === invariant).map((x) => x.message);
  return lines.length > limit
    ? [...lines.slice(0, limit), `… and ${String(lines.length - limit)} more`]
    : lines;
}
