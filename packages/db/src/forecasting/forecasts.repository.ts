import { asCataloguePooled, type CataloguePooled } from '@stockwise/domain/forecasting/catalogue-pooled';
import type { CatalogueSpanCalibration } from '@stockwise/domain/forecasting/span-calibration';
import { firstRow, onlyRow, type Sql } from '../database';
import { READ_PAGE } from '../pagination';

export interface StoredForecast {
  id: number;
  runId: number | null;
  productId: number;
  locationId: number | null;
  asOf: string;
  horizon: number;
  model: string;
  params: Record<string, number>;
  demandClass: string;
  degenerate: string | null;
  mean: number[];
  quantiles: { level: number; values: number[] }[];
  dispersion: number;
  levelVariance: number;
  backtest: { wape: number; bias: number } | null;
  createdAt: Date;
}

export type ForecastInsert = Omit<StoredForecast, 'id' | 'createdAt'>;

interface ForecastRow {
  id: number;
  run_id: number | null;
  product_id: number;
  location_id: number | null;
  as_of: string;
  horizon: number;
  model: string;
  params: Record<string, number>;
  demand_class: string;
  degenerate: string | null;
  mean: number[];
  quantiles: { level: number; values: number[] }[];
  dispersion: number;
  level_variance: number;
  backtest: { wape: number; bias: number } | null;
  created_at: Date;
}

const mapForecast = (r: ForecastRow): StoredForecast => ({
  id: r.id,
  runId: r.run_id,
  productId: r.product_id,
  locationId: r.location_id,
  asOf: r.as_of,
  horizon: r.horizon,
  model: r.model,
  params: r.params,
  demandClass: r.demand_class,
  degenerate: r.degenerate,
  mean: r.mean,
  quantiles: r.quantiles,
  dispersion: r.dispersion,
  levelVariance: r.level_variance,
  backtest: r.backtest,
  createdAt: r.created_at,
});

/** JSON has no Infinity: the open top band's edge is stored as null. */
function encodeCalibration(c: CatalogueSpanCalibration): string {
  return JSON.stringify(
    c.map((span) => ({
      days: span.days,
      bands: span.bands.map((b) => ({ ...b, below: Number.isFinite(b.below) ? b.below : null })),
    })),
  );
}

const finiteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The stored calibration, or undefined when it is not one (the default calibration then applies). */
function decodeCalibration(raw: unknown): CatalogueSpanCalibration | undefined {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  if (!Array.isArray(value)) return undefined;
  const spans = value.map((span: unknown) => {
    const s = span as { days?: unknown; bands?: unknown };
    if (!finiteNumber(s.days) || !Array.isArray(s.bands)) return null;
    const bands = s.bands.map((band: unknown) => {
      const b = band as { below?: unknown; meanScale?: unknown; levelScale?: unknown };
      if (!finiteNumber(b.meanScale) || !finiteNumber(b.levelScale)) return null;
      const below = b.below === null ? Infinity : b.below;
      return finiteNumber(below) || below === Infinity
        ? { below, meanScale: b.meanScale, levelScale: b.levelScale }
        : null;
    });
    return bands.every((b) => b !== null) ? { days: s.days, bands } : null;
  });
  return spans.length > 0 && spans.every((s) => s !== null) ? spans : undefined;
}

export const forecastsRepository = {
  async createRun(
    sql: Sql,
    run: { accountId: number; jobId: number | null; asOf: string; horizon: number },
  ): Promise<number> {
    return onlyRow(
      sql,
      'INSERT INTO forecast_runs (account_id, job_id, as_of, horizon) VALUES ($1, $2, $3, $4) RETURNING id',
      [run.accountId, run.jobId, run.asOf, run.horizon],
      (r: { id: number }) => r.id,
    );
  },

  /**
   * Marks a run finished, with the catalogue's span calibration it fitted (null: none, the default
   * applies), and drops the seller's event changes no stored forecast can be stale by: those made before
   * the oldest of the latest forecasts of every series (a forecast made at or after a change reflects it,
   * migration 0047), so the change log stays as short as the forecasts' age.
   */
  async finishRun(
    sql: Sql,
    accountId: number,
    runId: number,
    finished: {
      seriesCount: number;
      spanCalibration: CatalogueSpanCalibration | null;
      /** The catalogue forecast's pooled part (migration 0069). */
      pooled?: CataloguePooled | null;
    },
  ): Promise<void> {
    const { seriesCount, spanCalibration } = finished;
    await sql.query(
      `UPDATE forecast_runs SET series_count = $3, finished_at = now(), span_calibration = $4::jsonb,
         pooled = $5::jsonb
       WHERE account_id = $1 AND id = $2`,
      [
        accountId,
        runId,
        seriesCount,
        spanCalibration === null ? null : encodeCalibration(spanCalibration),
        finished.pooled ? JSON.stringify(finished.pooled) : null,
      ],
    );
    await sql.query(
      `DELETE FROM forecast_event_changes WHERE account_id = $1 AND changed_at <= (
         SELECT min(created_at) FROM (
           SELECT DISTINCT ON (product_id, location_id) created_at FROM forecasts WHERE account_id = $1
           ORDER BY product_id, location_id, as_of DESC, id DESC) latest)`,
      [accountId],
    );
  },

  /** The span calibration stored with each of `runIds` that has one (decision 40). */
  async spanCalibrations(
    sql: Sql,
    accountId: number,
    runIds: readonly number[],
  ): Promise<Map<number, CatalogueSpanCalibration>> {
    const out = new Map<number, CatalogueSpanCalibration>();
    if (runIds.length === 0) return out;
    const rows = await sql.query<{ id: number; span_calibration: unknown }>(
      `SELECT id, span_calibration FROM forecast_runs
       WHERE account_id = $1 AND id = ANY($2::bigint[]) AND span_calibration IS NOT NULL`,
      [accountId, [...new Set(runIds)]],
    );
    for (const r of rows) {
      const c = decodeCalibration(r.span_calibration);
      if (c) out.set(r.id, c);
    }
    return out;
  },

  /**
   * The pooled part stored with the account's latest finished run made on `asOf` (its window), if any:
   * the one-SKU forecast of that day uses it (migration 0069).
   */
  async latestPooled(sql: Sql, accountId: number, asOf: string): Promise<CataloguePooled | undefined> {
    const [row] = await sql.query<{ pooled: unknown }>(
      `SELECT pooled FROM forecast_runs WHERE account_id = $1 AND finished_at IS NOT NULL AND as_of = $2
       ORDER BY id DESC LIMIT 1`,
      [accountId, asOf],
    );
    const raw = row?.pooled;
    return asCataloguePooled(typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw);
  },

  /** The span calibration of the account's latest finished run, if it stored one. */
  async latestSpanCalibration(sql: Sql, accountId: number): Promise<CatalogueSpanCalibration | undefined> {
    const [row] = await sql.query<{ span_calibration: unknown }>(
      `SELECT span_calibration FROM forecast_runs WHERE account_id = $1 AND finished_at IS NOT NULL
       ORDER BY id DESC LIMIT 1`,
      [accountId],
    );
    return row ? decodeCalibration(row.span_calibration) : undefined;
  },

  /**
   * The database's clock, the one the seller's event changes are stamped with (migration 0047): a run's
   * "inputs read at" must come from the same clock, or a skewed app server moves the staleness line.
   */
  async databaseNow(sql: Sql): Promise<Date> {
    return onlyRow(sql, 'SELECT now() AS now', [], (r: { now: Date }) => r.now);
  },

  /**
   * Stores forecasts; `readAt` is when their inputs were read (the run's start): a forecast counts as made then,
   * so a seller's event saved while the run computed is not taken as reflected (`reflectsEventChanges`).
   */
  async insertMany(
    sql: Sql,
    accountId: number,
    rows: readonly ForecastInsert[],
    readAt: Date | null = null,
  ): Promise<void> {
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      await sql.query(
        `INSERT INTO forecasts (account_id, run_id, product_id, location_id, as_of, horizon, model, params, demand_class,
           degenerate, mean, quantiles, dispersion, level_variance, backtest, created_at)
         SELECT $1, (f->>'runId')::bigint, (f->>'productId')::bigint, (f->>'locationId')::bigint, (f->>'asOf')::date,
           (f->>'horizon')::int, f->>'model', f->'params', f->>'demandClass', f->>'degenerate',
           ARRAY(SELECT jsonb_array_elements_text(f->'mean')::float8), f->'quantiles', (f->>'dispersion')::float8,
           (f->>'levelVariance')::float8, f->'backtest', coalesce($3::timestamptz, now())
         FROM jsonb_array_elements($2::jsonb) AS f`,
        [accountId, JSON.stringify(chunk), readAt],
      );
    }
  },

  /** The newest stored forecast of a SKU at a location (null location = all locations). */
  async latest(
    sql: Sql,
    accountId: number,
    key: { productId: number; locationId: number | null },
  ): Promise<StoredForecast | undefined> {
    return firstRow(
      sql,
      `SELECT * FROM forecasts WHERE account_id = $1 AND product_id = $2 AND location_id IS NOT DISTINCT FROM $3
       ORDER BY as_of DESC, id DESC LIMIT 1`,
      [accountId, key.productId, key.locationId],
      mapForecast,
    );
  },

  /**
   * The latest forecast of every SKU per location (and its total), a page of SKUs per statement (as
   * readAllPages, whose page size it takes: one page holds every row of its SKUs).
   */
  async latestAll(sql: Sql, accountId: number): Promise<StoredForecast[]> {
    const all: StoredForecast[] = [];
    for (let after = 0; ;) {
      const rows = await sql.query<ForecastRow>(
        `SELECT DISTINCT ON (product_id, location_id) * FROM forecasts
         WHERE account_id = $1 AND product_id IN (
           SELECT DISTINCT product_id FROM forecasts WHERE account_id = $1 AND product_id > $2
           ORDER BY product_id LIMIT $3)
         ORDER BY product_id, location_id, as_of DESC, id DESC`,
        [accountId, after, READ_PAGE],
      );
      if (rows.length === 0) return all;
      for (const row of rows) all.push(mapForecast(row));
      after = all[all.length - 1]!.productId;
    }
  },

  /** The latest forecast of the given SKUs per location (and their totals), in `latestAll`'s order. */
  async latestOf(sql: Sql, accountId: number, productIds: readonly number[]): Promise<StoredForecast[]> {
    const rows = await sql.query<ForecastRow>(
      `SELECT DISTINCT ON (product_id, location_id) * FROM forecasts
       WHERE account_id = $1 AND product_id = ANY($2::bigint[])
       ORDER BY product_id, location_id, as_of DESC, id DESC`,
      [accountId, productIds],
    );
    return rows.map(mapForecast);
  },

  /** Latest forecast of one SKU per location (and its total). */
  async latestOfProduct(sql: Sql, accountId: number, productId: number): Promise<StoredForecast[]> {
    const rows = await sql.query<ForecastRow>(
      `SELECT DISTINCT ON (location_id) * FROM forecasts WHERE account_id = $1 AND product_id = $2
       ORDER BY location_id, as_of DESC, id DESC`,
      [accountId, productId],
    );
    return rows.map(mapForecast);
  },

  /** Stored forecasts whose first day is before `before` (so some actuals exist), newest run per day. */
  async madeBefore(
    sql: Sql,
    accountId: number,
    q: { before: string; since: string },
  ): Promise<StoredForecast[]> {
    const rows = await sql.query<ForecastRow>(
      `SELECT DISTINCT ON (product_id, location_id, as_of) * FROM forecasts
       WHERE account_id = $1 AND as_of < $2::date AND as_of >= $3::date
       ORDER BY product_id, location_id, as_of, id DESC`,
      [accountId, q.before, q.since],
    );
    return rows.map(mapForecast);
  },

  /** Whether the account has a finished forecast run as of `day` (its first forecast day). */
  async hasFinishedRunAsOf(sql: Sql, accountId: number, day: string): Promise<boolean> {
    const [row] = await sql.query<{ found: boolean }>(
      `SELECT EXISTS (
         SELECT 1 FROM forecast_runs WHERE account_id = $1 AND as_of = $2::date AND finished_at IS NOT NULL
       ) AS found`,
      [accountId, day],
    );
    return row?.found === true;
  },

  async latestRun(
    sql: Sql,
    accountId: number,
  ): Promise<
    { id: number; asOf: string; horizon: number; seriesCount: number; finishedAt: Date | null } | undefined
  > {
    const [row] = await sql.query<{
      id: number;
      as_of: string;
      horizon: number;
      series_count: number;
      finished_at: Date | null;
    }>(
      'SELECT id, as_of, horizon, series_count, finished_at FROM forecast_runs WHERE account_id = $1 ORDER BY id DESC LIMIT 1',
      [accountId],
    );
    return (
      row && {
        id: row.id,
        asOf: row.as_of,
        horizon: row.horizon,
        seriesCount: row.series_count,
        finishedAt: row.finished_at,
      }
    );
  },
};
