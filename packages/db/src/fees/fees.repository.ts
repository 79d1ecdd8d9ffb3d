import { anyRow, firstRow, type Sql } from '../database';

export interface FeeScheduleRecord {
  id: number;
  /** null = a shipped default (read-only for sellers). */
  accountId: number | null;
  marketplace: string;
  effectiveFrom: string;
  schedule: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  id: number;
  account_id: number | null;
  marketplace: string;
  effective_from: string;
  schedule: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

const map = (r: Row): FeeScheduleRecord => ({
  id: r.id,
  accountId: r.account_id,
  marketplace: r.marketplace,
  effectiveFrom: r.effective_from,
  schedule: r.schedule,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const feesRepository = {
  /** The account's own schedules and the shipped defaults, newest first per marketplace. */
  async list(sql: Sql, accountId: number): Promise<FeeScheduleRecord[]> {
    const rows = await sql.query<Row>(
      `SELECT * FROM fee_schedules WHERE account_id = $1 OR account_id IS NULL
       ORDER BY marketplace, effective_from DESC, account_id NULLS LAST`,
      [accountId],
    );
    return rows.map(map);
  },

  async find(sql: Sql, accountId: number, id: number): Promise<FeeScheduleRecord | undefined> {
    return firstRow(
      sql,
      'SELECT * FROM fee_schedules WHERE id = $2 AND (account_id = $1 OR account_id IS NULL)',
      [accountId, id],
      map,
    );
  },

  /**
   * The schedule in force for a marketplace on a date: the account's newest one that started on or
   * before it, else the shipped default's.
   */
  async effective(
    sql: Sql,
    accountId: number,
    q: { marketplace: string; on: string },
  ): Promise<FeeScheduleRecord | undefined> {
    return firstRow(
      sql,
      `SELECT * FROM fee_schedules WHERE (account_id = $1 OR account_id IS NULL) AND marketplace = $2 AND effective_from <= $3::date
       ORDER BY account_id NULLS LAST, effective_from DESC LIMIT 1`,
      [accountId, q.marketplace, q.on],
      map,
    );
  },

  /** Undefined when the account already has a schedule for that marketplace and date. */
  async create(
    sql: Sql,
    accountId: number,
    f: { marketplace: string; effectiveFrom: string; schedule: Record<string, unknown> },
  ): Promise<FeeScheduleRecord | undefined> {
    return firstRow(
      sql,
      `INSERT INTO fee_schedules (account_id, marketplace, effective_from, schedule) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id, marketplace, effective_from) WHERE account_id IS NOT NULL DO NOTHING RETURNING *`,
      [accountId, f.marketplace, f.effectiveFrom, JSON.stringify(f.schedule)],
      map,
    );
  },

  async update(
    sql: Sql,
    accountId: number,
    id: number,
    schedule: Record<string, unknown>,
  ): Promise<FeeScheduleRecord | undefined> {
    return firstRow(
      sql,
      'UPDATE fee_schedules SET schedule = $3, updated_at = now() WHERE account_id = $1 AND id = $2 RETURNING *',
      [accountId, id, JSON.stringify(schedule)],
      map,
    );
  },

  async remove(sql: Sql, accountId: number, id: number): Promise<boolean> {
    return anyRow(sql, 'DELETE FROM fee_schedules WHERE account_id = $1 AND id = $2 RETURNING id', [
      accountId,
      id,
    ]);
  },
};
