import type { EventChange } from '@stockwise/domain/forecasting/event-staleness';
import type { ForecastEventFields, ForecastEventScope } from '@stockwise/domain/forecasting/events';
import { firstRow, type Sql } from '../database';

export interface ForecastEventRecord extends ForecastEventFields {
  id: number;
  createdAt: Date;
  updatedAt: Date;
}

interface EventRow {
  id: number;
  name: string;
  starts_on: string;
  ends_on: string;
  scope: ForecastEventScope;
  category: string | null;
  skus: string[];
  lift: number | null;
  price_factor: number | null;
  created_at: Date;
  updated_at: Date;
}

const mapEvent = (r: EventRow): ForecastEventRecord => ({
  id: r.id,
  name: r.name,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  scope: r.scope,
  category: r.category,
  skus: r.skus,
  lift: r.lift,
  priceFactor: r.price_factor,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const SELECT = `SELECT id, name, starts_on::text AS starts_on, ends_on::text AS ends_on, scope, category, skus, lift,
  price_factor, created_at, updated_at FROM forecast_events`;

const values = (f: ForecastEventFields) => [
  f.name,
  f.startsOn,
  f.endsOn,
  f.scope,
  f.category,
  [...f.skus],
  f.lift,
  f.priceFactor,
];

/** Seller-entered events and promotions (docs/forecasting.md, "Calendar and events"). */
export const eventsRepository = {
  /** Events overlapping [from, to] (inclusive dates), or all of them, by start date. */
  async list(
    sql: Sql,
    accountId: number,
    range?: { from: string; to: string },
  ): Promise<ForecastEventRecord[]> {
    const rows = range
      ? await sql.query<EventRow>(
          `${SELECT} WHERE account_id = $1 AND ends_on >= $2::date AND starts_on <= $3::date ORDER BY starts_on, id`,
          [accountId, range.from, range.to],
        )
      : await sql.query<EventRow>(`${SELECT} WHERE account_id = $1 ORDER BY starts_on, id`, [accountId]);
    return rows.map(mapEvent);
  },

  async get(sql: Sql, accountId: number, id: number): Promise<ForecastEventRecord | undefined> {
    return firstRow(sql, `${SELECT} WHERE account_id = $1 AND id = $2`, [accountId, id], mapEvent);
  },

  async create(sql: Sql, accountId: number, f: ForecastEventFields): Promise<ForecastEventRecord> {
    const [row] = await sql.query<{ id: number }>(
      `INSERT INTO forecast_events (account_id, name, starts_on, ends_on, scope, category, skus, lift, price_factor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [accountId, ...values(f)],
    );
    return (await this.get(sql, accountId, row!.id))!;
  },

  async update(
    sql: Sql,
    accountId: number,
    id: number,
    f: ForecastEventFields,
  ): Promise<ForecastEventRecord | undefined> {
    const rows = await sql.query<{ id: number }>(
      `UPDATE forecast_events SET name = $3, starts_on = $4, ends_on = $5, scope = $6, category = $7, skus = $8,
         lift = $9, price_factor = $10, updated_at = now()
       WHERE account_id = $1 AND id = $2 RETURNING id`,
      [accountId, id, ...values(f)],
    );
    return rows.length > 0 ? this.get(sql, accountId, id) : undefined;
  },

  async remove(sql: Sql, accountId: number, id: number): Promise<boolean> {
    const rows = await sql.query<{ id: number }>(
      'DELETE FROM forecast_events WHERE account_id = $1 AND id = $2 RETURNING id',
      [accountId, id],
    );
    return rows.length > 0;
  },

  /**
   * The changes of the account's events (each with the scope it had) after `since`, or all of them
   * when null: a stored forecast made at or after a change cannot be made stale by it (migration 0047).
   */
  async changesSince(sql: Sql, accountId: number, since: Date | null): Promise<EventChange[]> {
    const rows = await sql.query<{
      changed_at: Date;
      scope: ForecastEventScope;
      category: string | null;
      skus: string[];
    }>(
      `SELECT changed_at, scope, category, skus FROM forecast_event_changes
       WHERE account_id = $1 AND ($2::timestamptz IS NULL OR changed_at > $2::timestamptz)`,
      [accountId, since],
    );
    return rows.map((r) => ({ changedAt: r.changed_at, scope: r.scope, category: r.category, skus: r.skus }));
  },
};
