import { onlyRow, type Sql } from '../database';

export interface IpiSnapshotRecord {
  week: string;
  asOf: string;
  score: number;
  factors: Record<string, number | null>;
}

export interface AmazonScoreRecord {
  id: number;
  marketplace: string;
  asOf: string;
  score: number;
  note: string | null;
}

interface AmazonScoreRow {
  id: number;
  marketplace: string;
  as_of: string;
  score: number;
  note: string | null;
}

const toAmazonScore = (r: AmazonScoreRow): AmazonScoreRecord => ({
  id: r.id,
  marketplace: r.marketplace,
  asOf: r.as_of,
  score: r.score,
  note: r.note,
});

export const ipiHistoryRepository = {
  async upsertSnapshot(sql: Sql, accountId: number, s: IpiSnapshotRecord): Promise<void> {
    await sql.query(
      `INSERT INTO ipi_snapshots (account_id, week, as_of, score, factors) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account_id, week) DO UPDATE SET as_of = EXCLUDED.as_of, score = EXCLUDED.score, factors = EXCLUDED.factors, computed_at = now()`,
      [accountId, s.week, s.asOf, s.score, JSON.stringify(s.factors)],
    );
  },

  async snapshots(sql: Sql, accountId: number, q: { since: string }): Promise<IpiSnapshotRecord[]> {
    const rows = await sql.query<{
      week: string;
      as_of: string;
      score: number;
      factors: Record<string, number | null>;
    }>(
      'SELECT week, as_of, score, factors FROM ipi_snapshots WHERE account_id = $1 AND week >= $2::date ORDER BY week',
      [accountId, q.since],
    );
    return rows.map((r) => ({ week: r.week, asOf: r.as_of, score: r.score, factors: r.factors }));
  },

  async addAmazonScore(
    sql: Sql,
    accountId: number,
    s: { marketplace: string; asOf: string; score: number; note: string | null; enteredBy: number },
  ): Promise<AmazonScoreRecord> {
    return onlyRow(
      sql,
      `INSERT INTO amazon_ipi_scores (account_id, marketplace, as_of, score, note, entered_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (account_id, marketplace, as_of) DO UPDATE SET score = EXCLUDED.score, note = EXCLUDED.note, entered_by = EXCLUDED.entered_by
       RETURNING id, marketplace, as_of, score, note`,
      [accountId, s.marketplace, s.asOf, s.score, s.note, s.enteredBy],
      toAmazonScore,
    );
  },

  async amazonScores(sql: Sql, accountId: number, q: { limit: number }): Promise<AmazonScoreRecord[]> {
    const rows = await sql.query<AmazonScoreRow>(
      'SELECT id, marketplace, as_of, score, note FROM amazon_ipi_scores WHERE account_id = $1 ORDER BY as_of DESC, id DESC LIMIT $2',
      [accountId, q.limit],
    );
    return rows.map(toAmazonScore);
  },
};
