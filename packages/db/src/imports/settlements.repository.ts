import { anyRow, type Sql } from '../database';

export interface SettlementAmountInsert {
  lineNo: number;
  productId: number;
  orderId: string | null;
  kind: 'fee' | 'refund' | 'reimbursement';
  amount: number;
  postedAt: string;
}

/** Amazon settlements booked into per-SKU profit (migration 0040): once per settlement id and account. */
export const settlementsRepository = {
  /** Records the settlement; false when the account has booked this settlement id already (nothing written). */
  async claim(
    sql: Sql,
    accountId: number,
    s: { settlementId: string; importId: number; currency: string; totalAmount: number | null },
  ): Promise<boolean> {
    return anyRow(
      sql,
      `INSERT INTO settlements (account_id, settlement_id, import_id, currency, total_amount)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account_id, settlement_id) DO NOTHING RETURNING settlement_id`,
      [accountId, s.settlementId, s.importId, s.currency, s.totalAmount],
    );
  },

  async insertAmounts(
    sql: Sql,
    accountId: number,
    q: { settlementId: string; currency: string; amounts: readonly SettlementAmountInsert[] },
  ): Promise<void> {
    if (q.amounts.length === 0) return;
    await sql.query(
      `INSERT INTO settlement_amounts (account_id, settlement_id, line_no, product_id, order_id, kind, amount, currency, posted_at)
       SELECT $1, $2, n, p, o, k, a, $3, t
       FROM unnest($4::int[], $5::bigint[], $6::text[], $7::text[], $8::numeric[], $9::timestamptz[]) AS x(n, p, o, k, a, t)`,
      [
        accountId,
        q.settlementId,
        q.currency,
        q.amounts.map((a) => a.lineNo),
        q.amounts.map((a) => a.productId),
        q.amounts.map((a) => a.orderId),
        q.amounts.map((a) => a.kind),
        q.amounts.map((a) => a.amount),
        q.amounts.map((a) => a.postedAt),
      ],
    );
  },
};
