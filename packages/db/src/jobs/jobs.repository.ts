import { accountRow, firstRow, type Sql } from '../database';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobRecord {
  id: number;
  accountId: number;
  kind: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  progress: number;
  progressMessage: string | null;
  result: unknown;
  error: string | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

interface JobRow {
  id: number;
  account_id: number;
  kind: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  progress: number;
  progress_message: string | null;
  result: unknown;
  error: string | null;
  attempts: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const mapJob = (r: JobRow): JobRecord => ({
  id: r.id,
  accountId: r.account_id,
  kind: r.kind,
  payload: r.payload,
  status: r.status,
  progress: r.progress,
  progressMessage: r.progress_message,
  result: r.result,
  error: r.error,
  attempts: r.attempts,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

export const jobsRepository = {
  /** With a dedupe key, a second enqueue of the same key returns undefined and adds nothing. */
  async enqueue(
    sql: Sql,
    j: { accountId: number; kind: string; payload: Record<string, unknown>; dedupeKey?: string },
  ): Promise<JobRecord | undefined> {
    return firstRow(
      sql,
      `INSERT INTO jobs (account_id, kind, payload, dedupe_key) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING *`,
      [j.accountId, j.kind, JSON.stringify(j.payload), j.dedupeKey ?? null],
      mapJob,
    );
  },

  /** Accounts with at least one owner, for scheduled work. */
  async accountIds(sql: Sql): Promise<number[]> {
    const rows = await sql.query<{ id: number }>(
      "SELECT DISTINCT account_id AS id FROM memberships WHERE role = 'owner' ORDER BY 1",
    );
    return rows.map((r) => r.id);
  },

  /**
   * Claims the oldest ready job (queued, or running with an expired lease after a crashed worker).
   * SKIP LOCKED lets many workers on many machines poll the same table without blocking each other.
   */
  async claim(
    sql: Sql,
    q: { workerId: string; kinds: readonly string[]; leaseSeconds: number },
  ): Promise<JobRecord | undefined> {
    return firstRow(
      sql,
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $1,
         locked_until = now() + make_interval(secs => $3), started_at = coalesce(started_at, now())
       WHERE id = (
         SELECT id FROM jobs
         WHERE kind = ANY($2) AND run_after <= now() AND attempts < max_attempts
           AND (status = 'queued' OR (status = 'running' AND locked_until < now()))
         ORDER BY run_after, id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [q.workerId, q.kinds, q.leaseSeconds],
      mapJob,
    );
  },

  async reportProgress(
    sql: Sql,
    p: { id: number; workerId: string; progress: number; message: string | null; leaseSeconds: number },
  ): Promise<void> {
    await sql.query(
      `UPDATE jobs SET progress = $3, progress_message = $4, locked_until = now() + make_interval(secs => $5)
       WHERE id = $1 AND locked_by = $2 AND status = 'running'`,
      [p.id, p.workerId, p.progress, p.message, p.leaseSeconds],
    );
  },

  async finish(sql: Sql, f: { id: number; workerId: string; result: unknown }): Promise<void> {
    await sql.query(
      `UPDATE jobs SET status = 'succeeded', progress = 1, result = $3, finished_at = now(), locked_until = NULL
       WHERE id = $1 AND locked_by = $2`,
      [f.id, f.workerId, JSON.stringify(f.result ?? null)],
    );
  },

  /** Failed attempts go back to the queue with a back-off until max_attempts. */
  async fail(sql: Sql, f: { id: number; workerId: string; error: string }): Promise<void> {
    await sql.query(
      `UPDATE jobs SET error = $3, locked_until = NULL,
         status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
         finished_at = CASE WHEN attempts >= max_attempts THEN now() ELSE NULL END,
         run_after = now() + make_interval(secs => 2 ^ attempts)
       WHERE id = $1 AND locked_by = $2`,
      [f.id, f.workerId, f.error],
    );
  },

  /** Back to the queue at once, the attempt not counted: the worker stopped it (shutdown) at a safe point. */
  async release(sql: Sql, r: { id: number; workerId: string }): Promise<void> {
    await sql.query(
      `UPDATE jobs SET status = 'queued', attempts = greatest(attempts - 1, 0), locked_by = NULL, locked_until = NULL
       WHERE id = $1 AND locked_by = $2`,
      [r.id, r.workerId],
    );
  },

  async find(sql: Sql, accountId: number, id: number): Promise<JobRecord | undefined> {
    return accountRow(sql, accountId, { table: 'jobs', column: 'id', value: id }, mapJob);
  },

  async list(sql: Sql, accountId: number, limit: number): Promise<JobRecord[]> {
    const rows = await sql.query<JobRow>(
      'SELECT * FROM jobs WHERE account_id = $1 ORDER BY id DESC LIMIT $2',
      [accountId, limit],
    );
    return rows.map(mapJob);
  },

  /** Deletes finished jobs of `kind` (every account) older than `olderThanSeconds`: frequent housekeeping jobs must not pile up. */
  async pruneFinished(sql: Sql, kind: string, olderThanSeconds: number): Promise<number> {
    const rows = await sql.query(
      `DELETE FROM jobs WHERE kind = $1 AND status IN ('succeeded', 'failed') AND finished_at < now() - make_interval(secs => $2) RETURNING id`,
      [kind, olderThanSeconds],
    );
    return rows.length;
  },
};
