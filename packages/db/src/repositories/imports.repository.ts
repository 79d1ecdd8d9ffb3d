import type { Sql } from '../database';

export type ImportStatus = 'staging' | 'applied' | 'rejected';

export interface ImportRecord {
  id: number;
  kind: string;
  fileHash: string;
  fileName: string | null;
  skipInvalid: boolean;
  status: ImportStatus;
  rowsTotal: number;
  rowsRejected: number;
  result: Record<string, unknown> | null;
  createdAt: Date;
  finishedAt: Date | null;
}

interface ImportRow {
  id: number;
  kind: string;
  file_hash: string;
  file_name: string | null;
  skip_invalid: boolean;
  status: ImportStatus;
  rows_total: number;
  rows_rejected: number;
  result: Record<string, unknown> | null;
  created_at: Date;
  finished_at: Date | null;
}

const mapImport = (r: ImportRow): ImportRecord => ({
  id: r.id,
  kind: r.kind,
  fileHash: r.file_hash,
  fileName: r.file_name,
  skipInvalid: r.skip_invalid,
  status: r.status,
  rowsTotal: r.rows_total,
  rowsRejected: r.rows_rejected,
  result: r.result,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

export interface StagedRow {
  lineNo: number;
  key: string;
  data: Record<string, unknown>;
}

export const importsRepository = {
  async create(sql: Sql, i: { accountId: number; kind: string; fileHash: string; fileName: string | null; skipInvalid: boolean }): Promise<number> {
    const [row] = await sql.query<{ id: number }>(
      `INSERT INTO imports (account_id, kind, file_hash, file_name, skip_invalid, status) VALUES ($1, $2, $3, $4, $5, 'staging') RETURNING id`,
      [i.accountId, i.kind, i.fileHash, i.fileName, i.skipInvalid],
    );
    return row!.id;
  },

  async findByHash(sql: Sql, accountId: number, q: { kind: string; fileHash: string; skipInvalid: boolean }): Promise<ImportRecord | undefined> {
    const [row] = await sql.query<ImportRow>('SELECT * FROM imports WHERE account_id = $1 AND kind = $2 AND file_hash = $3 AND skip_invalid = $4', [accountId, q.kind, q.fileHash, q.skipInvalid]);
    return row && mapImport(row);
  },

  async find(sql: Sql, accountId: number, id: number, options: { lock?: boolean } = {}): Promise<ImportRecord | undefined> {
    const [row] = await sql.query<ImportRow>(`SELECT * FROM imports WHERE account_id = $1 AND id = $2${options.lock ? ' FOR UPDATE' : ''}`, [accountId, id]);
    return row && mapImport(row);
  },

  async list(sql: Sql, accountId: number, limit: number): Promise<ImportRecord[]> {
    const rows = await sql.query<ImportRow>('SELECT * FROM imports WHERE account_id = $1 ORDER BY id DESC LIMIT $2', [accountId, limit]);
    return rows.map(mapImport);
  },

  /** Gives a staged import its file's hash (known once the whole stream was read). */
  async setHash(sql: Sql, id: number, u: { fileHash: string; rowsTotal: number; rowsRejected: number }): Promise<void> {
    await sql.query('UPDATE imports SET file_hash = $2, rows_total = $3, rows_rejected = $4 WHERE id = $1', [id, u.fileHash, u.rowsTotal, u.rowsRejected]);
  },

  /** Staged imports whose stream never finished (the process died) and that nobody touched for a day. */
  async deleteAbandoned(sql: Sql, accountId: number): Promise<void> {
    await sql.query(`DELETE FROM imports WHERE account_id = $1 AND status = 'staging' AND file_hash LIKE 'pending:%' AND created_at < now() - interval '1 day'`, [accountId]);
  },

  async delete(sql: Sql, accountId: number, id: number): Promise<void> {
    await sql.query('DELETE FROM imports WHERE account_id = $1 AND id = $2', [accountId, id]);
  },

  async finish(sql: Sql, id: number, f: { status: ImportStatus; result: Record<string, unknown> }): Promise<void> {
    await sql.query('UPDATE imports SET status = $2, result = $3, finished_at = now() WHERE id = $1', [id, f.status, JSON.stringify(f.result)]);
    await sql.query('DELETE FROM import_rows WHERE import_id = $1', [id]);
  },

  async stage(sql: Sql, importId: number, rows: readonly StagedRow[]): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO import_rows (import_id, line_no, row_key, data)
       SELECT $1, n, k, d FROM unnest($2::int[], $3::text[], $4::jsonb[]) AS t(n, k, d)
       ON CONFLICT (import_id, line_no) DO UPDATE SET row_key = EXCLUDED.row_key, data = EXCLUDED.data`,
      [importId, rows.map((r) => r.lineNo), rows.map((r) => r.key), rows.map((r) => JSON.stringify(r.data))],
    );
  },

  /** Staged rows in key order (an order's lines together), a page at a time after (key, line). */
  async readStaged(sql: Sql, importId: number, after: { key: string; lineNo: number } | null, limit: number): Promise<StagedRow[]> {
    return sql.query<StagedRow>(
      `SELECT line_no AS "lineNo", row_key AS key, data FROM import_rows
       WHERE import_id = $1 AND ($2::text IS NULL OR (row_key, line_no) > ($2::text, $3::int))
       ORDER BY row_key, line_no LIMIT $4`,
      [importId, after?.key ?? null, after?.lineNo ?? 0, limit],
    );
  },

  async countStaged(sql: Sql, importId: number): Promise<number> {
    const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1', [importId]);
    return row?.n ?? 0;
  },

  /** Which of these SKUs exist in the account. */
  async knownSkus(sql: Sql, accountId: number, skus: readonly string[]): Promise<Set<string>> {
    const rows = await sql.query<{ sku: string }>('SELECT sku FROM products WHERE account_id = $1 AND sku = ANY($2::text[])', [accountId, skus]);
    return new Set(rows.map((r) => r.sku));
  },

  async knownLocations(sql: Sql, accountId: number, codes: readonly string[]): Promise<Set<string>> {
    const rows = await sql.query<{ code: string }>('SELECT code FROM locations WHERE account_id = $1 AND code = ANY($2::text[])', [accountId, codes]);
    return new Set(rows.map((r) => r.code));
  },

  /**
   * Upserts a page of staged products in one statement; a row equal to the stored product changes
   * nothing (so re-importing a file leaves updated_at alone). Returns how many were inserted or changed.
   */
  async upsertProducts(sql: Sql, accountId: number, importId: number, lines: { from: number; to: number }): Promise<number> {
    const [row] = await sql.query<{ changed: number }>(
      `WITH page AS (
         SELECT DISTINCT ON (row_key) data AS d FROM import_rows WHERE import_id = $2 AND line_no >= $3 AND line_no < $4
         ORDER BY row_key, line_no DESC),
       up AS (
         INSERT INTO products AS p (account_id, sku, title, barcode, barcode_kind, asin, fnsku, category, brand, unit_cost, price, case_pack, allow_backorder)
         SELECT $1, d->>'sku', d->>'title', d->>'barcode', d->>'barcodeKind', d->>'asin', d->>'fnsku', d->>'category', d->>'brand',
           (d->>'unitCost')::numeric, (d->>'price')::numeric, (d->>'casePack')::int, (d->>'allowBackorder')::boolean
         FROM page
         ON CONFLICT (account_id, sku) DO UPDATE SET title = EXCLUDED.title, barcode = EXCLUDED.barcode, barcode_kind = EXCLUDED.barcode_kind,
           asin = EXCLUDED.asin, fnsku = EXCLUDED.fnsku, category = EXCLUDED.category, brand = EXCLUDED.brand, unit_cost = EXCLUDED.unit_cost,
           price = EXCLUDED.price, case_pack = EXCLUDED.case_pack, allow_backorder = EXCLUDED.allow_backorder, updated_at = now()
         WHERE (p.title, p.barcode, p.asin, p.fnsku, p.category, p.brand, p.unit_cost, p.price, p.case_pack, p.allow_backorder)
           IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.barcode, EXCLUDED.asin, EXCLUDED.fnsku, EXCLUDED.category, EXCLUDED.brand,
             EXCLUDED.unit_cost, EXCLUDED.price, EXCLUDED.case_pack, EXCLUDED.allow_backorder)
         RETURNING 1)
       SELECT count(*)::int AS changed FROM up`,
      [accountId, importId, lines.from, lines.to],
    );
    return row?.changed ?? 0;
  },

  async maxStagedLine(sql: Sql, importId: number): Promise<number> {
    const [row] = await sql.query<{ m: number | null }>('SELECT max(line_no) AS m FROM import_rows WHERE import_id = $1', [importId]);
    return row?.m ?? 0;
  },

  /** Current on hand of (sku, location) pairs, for count adjustments. */
  async onHand(sql: Sql, accountId: number, pairs: readonly { sku: string; location: string }[]): Promise<Map<string, number>> {
    const rows = await sql.query<{ sku: string; location: string; on_hand: number }>(
      `SELECT t.s AS sku, t.l AS location, coalesce(b.on_hand, 0) AS on_hand
       FROM unnest($2::text[], $3::text[]) AS t(s, l)
       JOIN products p ON p.account_id = $1 AND p.sku = t.s JOIN locations l ON l.account_id = $1 AND l.code = t.l
       LEFT JOIN stock_balances b ON b.product_id = p.id AND b.location_id = l.id`,
      [accountId, pairs.map((p) => p.sku), pairs.map((p) => p.location)],
    );
    return new Map(rows.map((r) => [`${r.sku}\u0001${r.location}`, r.on_hand]));
  },

  /** The account's first Amazon fulfilment location (FBA reports reconcile against it by default). */
  async firstFbaLocation(sql: Sql, accountId: number): Promise<string | undefined> {
    const [row] = await sql.query<{ code: string }>(`SELECT code FROM locations WHERE account_id = $1 AND type = 'amazon_fba' AND active ORDER BY id LIMIT 1`, [accountId]);
    return row?.code;
  },
};
