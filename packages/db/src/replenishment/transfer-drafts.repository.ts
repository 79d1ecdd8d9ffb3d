import type { TransferDraft, TransferDraftStatus } from '@stockwise/domain/replenishment/transfer-draft';
import { firstRow, type Sql } from '../database';

export interface TransferDraftInsert {
  fromLocationId: number;
  toLocationId: number;
  createdBy: number | null;
  lines: readonly { productId: number; quantity: number }[];
}

interface DraftRow {
  id: number;
  from_location: string;
  to_location: string;
  status: TransferDraftStatus;
  created_at: Date;
  sent_at: Date | null;
  lines: { sku: string; quantity: number }[];
}

const mapDraft = (r: DraftRow): TransferDraft => ({
  id: r.id,
  fromLocation: r.from_location,
  toLocation: r.to_location,
  status: r.status,
  createdAt: r.created_at.toISOString(),
  sentAt: r.sent_at?.toISOString() ?? null,
  lines: r.lines,
});

/** A draft with its locations' codes and its lines (SKU and quantity, in line order). */
const SELECT_DRAFT = `
  SELECT d.id, f.code AS from_location, t.code AS to_location, d.status, d.created_at, d.sent_at,
         coalesce((SELECT json_agg(json_build_object('sku', p.sku, 'quantity', l.quantity) ORDER BY l.line_no)
                     FROM transfer_draft_lines l JOIN products p ON p.id = l.product_id
                    WHERE l.draft_id = d.id), '[]'::json) AS lines
    FROM transfer_drafts d
    JOIN locations f ON f.id = d.from_location_id
    JOIN locations t ON t.id = d.to_location_id`;

export const transferDraftsRepository = {
  async create(sql: Sql, accountId: number, d: TransferDraftInsert): Promise<number> {
    const [row] = await sql.query<{ id: number }>(
      `INSERT INTO transfer_drafts (account_id, from_location_id, to_location_id, created_by_user_id)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [accountId, d.fromLocationId, d.toLocationId, d.createdBy],
    );
    if (!row) throw new Error('transfer draft insert returned no row');
    await sql.query(
      `INSERT INTO transfer_draft_lines (draft_id, line_no, product_id, quantity)
       SELECT $1, n, p, q FROM unnest($2::bigint[], $3::int[]) WITH ORDINALITY AS t(p, q, n)`,
      [row.id, d.lines.map((l) => l.productId), d.lines.map((l) => l.quantity)],
    );
    return row.id;
  },

  /** The account's drafts, newest first; `status` keeps those in that state. */
  async list(
    sql: Sql,
    accountId: number,
    q: { status?: TransferDraftStatus } = {},
  ): Promise<TransferDraft[]> {
    const rows = await sql.query<DraftRow>(
      `${SELECT_DRAFT} WHERE d.account_id = $1 AND ($2::text IS NULL OR d.status = $2) ORDER BY d.id DESC`,
      [accountId, q.status ?? null],
    );
    return rows.map(mapDraft);
  },

  /** One draft; `lock` holds its row until the transaction ends (delete, send). */
  async get(
    sql: Sql,
    accountId: number,
    id: number,
    opts: { lock?: boolean } = {},
  ): Promise<TransferDraft | undefined> {
    return firstRow(
      sql,
      `${SELECT_DRAFT} WHERE d.account_id = $1 AND d.id = $2${opts.lock ? ' FOR UPDATE OF d' : ''}`,
      [accountId, id],
      mapDraft,
    );
  },

  /** Marks a draft sent now (the caller has checked it is still a draft). */
  async markSent(sql: Sql, accountId: number, id: number): Promise<void> {
    await sql.query(
      `UPDATE transfer_drafts SET status = 'sent', sent_at = now() WHERE account_id = $1 AND id = $2`,
      [accountId, id],
    );
  },

  async delete(sql: Sql, accountId: number, id: number): Promise<void> {
    await sql.query('DELETE FROM transfer_drafts WHERE account_id = $1 AND id = $2', [accountId, id]);
  },
};
