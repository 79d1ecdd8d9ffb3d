import { isoDate, parseIsoDate, dayOfWeek } from '@stockwise/domain/dates/dates';
import { DomainError } from '@stockwise/domain/errors';
import type { FactorSums, HealthFactors, SkuHealthInput } from '@stockwise/domain/health/factors';
import { daysOfSupply, factorsFromSums, sellThrough } from '@stockwise/domain/health/factors';
import type { FactorName, IpiProxy } from '@stockwise/domain/health/ipi';
import { FACTOR_NAMES, ipiProxy } from '@stockwise/domain/health/ipi';
import type { WhatIfAction } from '@stockwise/domain/health/what-if';
import { whatIf } from '@stockwise/domain/health/what-if';
import type { SkuFactorRow } from '@stockwise/db/health/factor-inputs';
import type { FactorOverview } from '@stockwise/db/health/health.repository';
import { healthRepository } from '@stockwise/db/health/health.repository';
import { ipiHistoryRepository } from '@stockwise/db/health/ipi-history.repository';
import { useReportSettings } from '@stockwise/db/health/product-scope';
import type { Actor } from '../accounts/actor';
import { auditTrail, requirePermission } from '../accounts/actor';
import type { Sql } from '@stockwise/db/database';
import type { Transactor } from '../platform/transactor';
import { keyOf, PlanningVersionCache } from '../platform/versioned-cache';

/** Today in UTC: the default `asOf` of every health figure. */
export const todayIso = () => new Date().toISOString().slice(0, 10);

export const toSkuInput = (r: SkuFactorRow): SkuHealthInput => ({
  sku: r.sku,
  onHand: r.onHand,
  inbound: r.inbound,
  dailyDemand: r.dailyDemand,
  unitsShipped90: r.unitsShipped90,
  averageOnHand90: r.averageOnHand90,
  listingStatus: r.listingStatus,
  replenishable: r.replenishable,
  inStockDays30: r.inStockDays30,
  unitsSold60: r.unitsShipped60,
});

const sumsOf = (o: FactorOverview): FactorSums => {
  const { skus: _skus, ...sums } = o.totals;
  return sums;
};

const roundFactors = (f: HealthFactors): Record<FactorName, number | null> =>
  Object.fromEntries(
    FACTOR_NAMES.map((n) => [n, f[n] === null ? null : Math.round(f[n] * 1000) / 1000]),
  ) as Record<FactorName, number | null>;

/** Monday of the week of `iso`. */
export const weekOf = (iso: string) => {
  const day = parseIsoDate(iso);
  return isoDate(day - ((dayOfWeek(day) + 6) % 7));
};

/** Inventory health: the four factors, the IPI proxy, its history, the real score, and what-ifs. */
export class HealthService {
  /**
   * The factor sums read from the ledger, products and locations — all under the planning version — so an
   * unchanged account is read once per day asked (and `top`), not on every visit of the overview and
   * health pages, and a restart reads the stored answer (docs/architecture.md Storage).
   */
  private readonly overviews: PlanningVersionCache<FactorOverview>;

  constructor(private readonly tx: Transactor) {
    this.overviews = new PlanningVersionCache(tx, { persistAs: 'ipi-overview' });
  }

  /** A factor statement in its own short transaction (or the caller's) with the report settings. */
  private analytic<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.tx.run(async (sql) => {
      await useReportSettings(sql);
      return fn(sql);
    });
  }

  private async overview(
    actor: Actor,
    asOf: string,
    top = 5,
  ): Promise<{ overview: FactorOverview; factors: HealthFactors; proxy: IpiProxy }> {
    requirePermission(actor, 'read');
    const overview = await this.overviews.get(
      actor.accountId,
      keyOf(actor.accountId, 'ipiOverview', { asOf, top }),
      () => this.analytic((sql) => healthRepository.overview(sql, actor.accountId, { asOf, top })),
    );
    const factors = factorsFromSums(sumsOf(overview));
    return { overview, factors, proxy: ipiProxy(factors) };
  }

  /** GET /health/ipi: the proxy, each factor explained with its band and the SKUs dragging it down. */
  async ipi(actor: Actor, options: { asOf?: string | undefined } = {}) {
    const asOf = options.asOf ?? todayIso();
    const { overview, proxy } = await this.overview(actor, asOf);
    const [amazon] = await ipiHistoryRepository.amazonScores(this.tx.sql, actor.accountId, { limit: 1 });
    const factors = Object.fromEntries(
      FACTOR_NAMES.map((name) => [
        name,
        {
          ...proxy.factors[name],
          value:
            proxy.factors[name].value === null ? null : Math.round(proxy.factors[name].value * 1000) / 1000,
          score:
            proxy.factors[name].score === null ? null : Math.round(proxy.factors[name].score * 1000) / 1000,
          draggers: overview.draggers[name].map((d) => ({ ...d, value: Math.round(d.value * 1000) / 1000 })),
        },
      ]),
    ) as Record<
      FactorName,
      IpiProxy['factors'][FactorName] & { draggers: { sku: string; value: number; units: number }[] }
    >;
    const t = overview.totals;
    return {
      asOf,
      score: proxy.score,
      band: proxy.band,
      warning: proxy.warning,
      threshold: proxy.threshold,
      proxy: true as const,
      formula: proxy.formula,
      factors,
      totals: {
        skus: t.skus,
        totalUnits: t.totalUnits,
        excessUnits: t.excessUnits,
        strandedUnits: t.strandedUnits,
        unitsShipped90: t.unitsShipped90,
        averageOnHand90: Math.round(t.averageOnHand90 * 100) / 100,
      },
      amazonScore: amazon
        ? { score: amazon.score, asOf: amazon.asOf, marketplace: amazon.marketplace }
        : null,
    };
  }

  /** Per-SKU factor inputs and results, a page at a time (by SKU). */
  async skuFactors(
    actor: Actor,
    q: { asOf?: string | undefined; limit: number; cursor?: string | undefined },
  ) {
    requirePermission(actor, 'read');
    const asOf = q.asOf ?? todayIso();
    const rows = await this.analytic((sql) =>
      healthRepository.skuFactorsPage(sql, actor.accountId, { asOf, after: q.cursor, limit: q.limit + 1 }),
    );
    const page = rows.slice(0, q.limit);
    return {
      asOf,
      items: page.map((r) => ({
        sku: r.sku,
        onHand: r.onHand,
        inbound: r.inbound,
        dailyDemand: Math.round(r.dailyDemand * 1000) / 1000,
        demandSource: r.demandSource,
        daysOfSupply: roundOrNull(
          daysOfSupply({ available: r.onHand - r.reserved, inbound: r.inbound, dailyDemand: r.dailyDemand }),
          1,
        ),
        excessUnits: r.excessUnits,
        unitsShipped90: r.unitsShipped90,
        averageOnHand90: Math.round(r.averageOnHand90 * 100) / 100,
        sellThrough: roundOrNull(
          sellThrough({ unitsShipped: r.unitsShipped90, averageOnHand: r.averageOnHand90 }),
          3,
        ),
        listingStatus: r.listingStatus,
        strandedUnits: r.listingStatus === 'active' ? 0 : r.onHand,
        replenishable: r.replenishable,
        inStockDays30: r.inStockDays30,
        unitsSold60: r.unitsShipped60,
      })),
      nextCursor: rows.length > q.limit ? (page[page.length - 1]?.sku ?? null) : null,
    };
  }

  /** "If I remove these units / restock that SKU / fix these listings, the proxy becomes N." */
  async whatIf(actor: Actor, input: { asOf?: string | undefined; actions: WhatIfAction[] }) {
    const asOf = input.asOf ?? todayIso();
    const { overview } = await this.overview(actor, asOf, 0);
    const skus = [...new Set(input.actions.map((a) => a.sku))];
    const rows = await this.analytic((sql) =>
      healthRepository.skuFactorsPage(sql, actor.accountId, { asOf, skus, limit: skus.length }),
    );
    const items = new Map(rows.map((r) => [r.sku, toSkuInput(r)]));
    const result = whatIf(sumsOf(overview), items, { actions: input.actions });
    const moved = FACTOR_NAMES.filter(
      (n) => result.before.factors[n].points !== result.after.factors[n].points,
    ).map(
      (n) =>
        `${n} ${fmt(result.before.factors[n].value)} → ${fmt(result.after.factors[n].value)} (${signed(Math.round(result.after.factors[n].points - result.before.factors[n].points))} points)`,
    );
    return {
      asOf,
      before: { score: result.before.score, factors: roundFactors(factorsFromSums(sumsOf(overview))) },
      after: { score: result.after.score, factors: roundFactors(factorsFromSums(result.sumsAfter)) },
      change: result.change,
      explanation:
        moved.length > 0
          ? `The proxy goes from ${String(result.before.score)} to ${String(result.after.score)}: ${moved.join('; ')}.`
          : `No factor moves: the proxy stays ${String(result.before.score)}.`,
    };
  }

  /** Stores this week's proxy (the daily health job calls this). */
  async snapshot(actor: Actor, asOf = todayIso()): Promise<{ week: string; score: number }> {
    const { factors, proxy } = await this.overview(actor, asOf, 0);
    const week = weekOf(asOf);
    await this.tx.run((sql) =>
      ipiHistoryRepository.upsertSnapshot(sql, actor.accountId, {
        week,
        asOf,
        score: proxy.score,
        factors: roundFactors(factors),
      }),
    );
    return { week, score: proxy.score };
  }

  /** Week by week: stored snapshots, and weeks without one computed from the ledger (as of their Monday). */
  async history(actor: Actor, q: { weeks: number }) {
    requirePermission(actor, 'read');
    const thisWeek = weekOf(todayIso());
    const first = isoDate(parseIsoDate(thisWeek) - 7 * (q.weeks - 1));
    const stored = new Map(
      (await ipiHistoryRepository.snapshots(this.tx.sql, actor.accountId, { since: first })).map((s) => [
        s.week,
        s,
      ]),
    );
    const weeks = [];
    for (let i = 0; i < q.weeks; i++) {
      const week = isoDate(parseIsoDate(first) + 7 * i);
      const s = stored.get(week);
      if (s) {
        weeks.push({ ...s, source: 'stored' as const });
        continue;
      }
      const { factors, proxy } = await this.overview(actor, week, 0);
      weeks.push({
        week,
        asOf: week,
        score: proxy.score,
        factors: roundFactors(factors),
        source: 'computed' as const,
      });
    }
    const amazonScores = await ipiHistoryRepository.amazonScores(this.tx.sql, actor.accountId, {
      limit: 100,
    });
    return { weeks, amazonScores };
  }

  async addAmazonScore(
    actor: Actor,
    input: { score: number; asOf: string; marketplace: string; note?: string | undefined },
  ) {
    requirePermission(actor, 'inventory:write');
    return this.tx.run(async (sql) => {
      const saved = await ipiHistoryRepository.addAmazonScore(sql, actor.accountId, {
        ...input,
        note: input.note ?? null,
        enteredBy: actor.userId,
      });
      await auditTrail(sql, actor).record(
        'ipi.amazon_score',
        ['amazon_ipi_score', String(saved.id)],
        null,
        saved,
      );
      return saved;
    });
  }

  /** Rows for what-if and reports: factor inputs of the given SKUs (unknown SKUs are refused). */
  async requireSkus(actor: Actor, asOf: string, skus: readonly string[]): Promise<SkuFactorRow[]> {
    const rows = await this.analytic((sql) =>
      healthRepository.skuFactorsPage(sql, actor.accountId, { asOf, skus, limit: skus.length }),
    );
    const missing = skus.find((s) => !rows.some((r) => r.sku === s));
    if (missing) throw new DomainError('UNKNOWN_SKU', `unknown SKU ${missing}`, { field: 'sku' });
    return rows;
  }
}

const roundOrNull = (x: number | null, digits: number) =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;
const fmt = (x: number | null) => (x === null ? 'n/a' : String(Math.round(x * 100) / 100));
const signed = (x: number) => (x >= 0 ? `+${String(x)}` : String(x));
