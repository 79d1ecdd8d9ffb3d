import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import type { AccuracyTotals } from '@stockwise/domain/forecasting/accuracy';
import {
  accuracyPeriod,
  addScoredDays,
  bias,
  emptyTotals,
  skuTotalsFor,
  summariseTotals,
  wape,
  worstSkus,
  type SkuTotals,
} from '@stockwise/domain/forecasting/accuracy';
import { seasonalNaive } from '@stockwise/domain/forecasting/seasonal-naive';
import type { Sql } from '@stockwise/db/database';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import { forecastsRepository } from '@stockwise/db/forecasting/forecasts.repository';
import { historyWindow, loadDemandHistories } from './demand-histories';

/** Accuracy totals per period (week), summarised in period order. */
class TotalsBy {
  private readonly byPeriod = new Map<string, AccuracyTotals>();

  of(period: string): AccuracyTotals {
    let t = this.byPeriod.get(period);
    if (!t) {
      t = emptyTotals();
      this.byPeriod.set(period, t);
    }
    return t;
  }

  series() {
    return [...this.byPeriod]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([period, t]) => ({ period, ...summariseTotals(t) }));
  }
}

/**
 * Accuracy of stored forecasts once actuals arrived (docs/forecasting.md, "Accuracy"): per SKU (all
 * locations) and overall, over each forecast's first `windowDays` days — WAPE, bias, and how often
 * actuals stayed at or below the 80/90/95% quantiles (a calibrated forecast gives ≈ 0.8/0.9/0.95) —
 * and the same over time (per week of the forecasts' first day), overall and per category. Beside
 * each WAPE, that of the seasonal-naive forecast made at the same origin from the same history; and
 * the SKUs missed by the most units (`worstSkus`), ranked over every forecast before the list is cut.
 */
export async function forecastAccuracy(
  sql: Sql,
  accountId: number,
  options: { asOf: string; windowDays?: number | undefined; sinceDays?: number | undefined },
) {
  const windowDays = options.windowDays ?? 28;
  const asOf = options.asOf;
  const since = isoDate(parseIsoDate(asOf) - (options.sinceDays ?? 120));
  const forecasts = (await forecastsRepository.madeBefore(sql, accountId, { before: asOf, since })).filter(
    (f) => f.locationId === null,
  );
  const window = historyWindow(asOf, 180);
  // only the SKUs with a forecast to score (each SKU's history is its own): none before the first run
  // has actuals, a few after a partial one
  const productIds = [...new Set(forecasts.map((f) => f.productId))];
  const histories = await loadDemandHistories(sql, accountId, window, productIds);
  const products = new Map((await productsRepository.listAll(sql, accountId)).map((p) => [p.id, p]));
  const overall = emptyTotals();
  const periods = new TotalsBy();
  const categories = new Map<string | null, { all: AccuracyTotals; periods: TotalsBy }>();
  const bySku = new Map<string, SkuTotals>();
  const perSku: {
    sku: string;
    category: string | null;
    asOf: string;
    model: string;
    days: number;
    wape: number;
    bias: number;
    baselineWape: number;
  }[] = [];
  for (const f of forecasts) {
    const demand = histories.byProduct.get(f.productId);
    if (!demand) continue;
    const offset = parseIsoDate(f.asOf) - window.fromEpochDay;
    const days = Math.min(windowDays, window.days - offset, f.mean.length);
    if (days <= 0) continue;
    const actual = demand.slice(offset, offset + days);
    const predicted = Float64Array.from(f.mean.slice(0, days));
    const baseline = seasonalNaive(demand, { horizon: days, seasonLength: 7, end: offset });
    const product = products.get(f.productId);
    const category = product?.category ?? null;
    const sku = product?.sku ?? String(f.productId);
    perSku.push({
      sku,
      category,
      asOf: f.asOf,
      model: f.model,
      days,
      wape: wape(actual, predicted),
      bias: bias(actual, predicted),
      baselineWape: wape(actual, baseline),
    });
    const c = categories.get(category) ?? { all: emptyTotals(), periods: new TotalsBy() };
    categories.set(category, c);
    const period = accuracyPeriod(f.asOf);
    const skuTotals = skuTotalsFor(bySku, sku, category);
    addScoredDays([overall, periods.of(period), c.all, c.periods.of(period), skuTotals], {
      actual,
      predicted,
      baseline,
      quantiles: f.quantiles,
    });
  }
  const { wape: w, bias: b, baselineWape, coverage } = summariseTotals(overall);
  return {
    asOf,
    windowDays,
    forecastsScored: perSku.length,
    observedDays: overall.observed,
    overall: { wape: w, bias: b, baselineWape, coverage },
    series: periods.series(),
    byCategory: [...categories].map(([category, c]) => ({
      category,
      ...summariseTotals(c.all),
      series: c.periods.series(),
    })),
    perSku: perSku.sort((x, y) => y.wape - x.wape).slice(0, 500),
    worstSkus: worstSkus(bySku.values()),
  };
}
