import { firstRow, type Sql } from './database';

export interface StoredResponse {
  requestHash: string;
  status: number | null;
  response: unknown;
}

export const idempotencyRepository = {
  /**
   * Claims a key inside the caller's transaction. A concurrent twin blocks on the unique key until
   * this transaction ends, then sees the stored response — so a retried request applies once.
   * Returns undefined when the claim is new, else what the first request stored.
   */
  async claim(
    sql: Sql,
    accountId: number,
    key: string,
    requestHash: string,
  ): Promise<StoredResponse | undefined> {
    const inserted = await sql.query(
      `INSERT INTO idempotency_keys (account_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, key) DO NOTHING RETURNING key`,
      [accountId, key, requestHash],
    );
    if (inserted.length > 0) return undefined;
    return firstRow(
      sql,
      'SELECT request_hash, status, response FROM idempotency_keys WHERE account_id = $1 AND key = $2',
      [accountId, key],
      (r: { request_hash: string; status: number | null; response: unknown }) => ({
        requestHash: r.request_hash,
        status: r.status,
        response: r.response,
      }),
    );
  },

  async complete(
    sql: Sql,
    accountId: number,
    key: string,
    result: { status: number; response: unknown },
  ): Promise<void> {
    await sql.query(
      'UPDATE idempotency_keys SET status = $3, response = $4 WHERE account_id = $1 AND key = $2',
      [accountId, key, result.status, JSON.stringify(result.response)],
    );
  },
};
