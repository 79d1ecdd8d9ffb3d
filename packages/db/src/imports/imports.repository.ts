import { firstRow, onlyRow, type Sql } from '../database';

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
  /** Chunked imports: staged lines below this one are applied and committed. */
  appliedThrough: number;
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
  applied_through: number;
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
  appliedThrough: r.applied_through,
});

export interface StagedRow {
  lineNo: number;
  key: string;
  data: Record<string, unknown>;
}

export interface AgeBuckets {
  age0to90: number;
  age91to180: number;
  age181to270: number;
  age271to365: number;
  age365plus: number;
}

export interface FbaAgeComparison {
  snapshotDate: string;
  /** SKUs in Amazon's report for this snapshot and location. */
  skus: number;
  amazon: AgeBuckets;
  ledger: AgeBuckets;
  skusDiffering: number;
  differing: { sku: string; amazon: AgeBuckets; ledger: AgeBuckets; unitsInOtherBrackets: number }[];
}

export const importsRepository = {
  async create(
    sql: Sql,
    i: { accountId: number; kind: string; fileHash: string; fileName: string | null; skipInvalid: boolean },
  ): Promise<number> {
    return onlyRow(
      sql,
      `INSERT INTO imports (account_id, kind, file_hash, file_name, skip_invalid, status) VALUES ($1, $2, $3, $4, $5, 'staging') RETURNING id`,
      [i.accountId, i.kind, i.fileHash, i.fileName, i.skipInvalid],
      (r: { id: number }) => r.id,
    );
  },

  async findByHash(
    sql: Sql,
    accountId: number,
    q: { kind: string; fileHash: string; skipInvalid: boolean },
  ): Promise<ImportRecord | undefined> {
    return firstRow(
      sql,
      'SELECT * FROM imports WHERE account_id = $1 AND kind = $2 AND file_hash = $3 AND skip_invalid = $4',
      [accountId, q.kind, q.fileHash, q.skipInvalid],
      mapImport,
    );
  },

  async find(
    sql: Sql,
    accountId: number,
    id: number,
    options: { lock?: boolean } = {},
  ): Promise<ImportRecord | undefined> {
    return firstRow(
      sql,
      `SELECT * FROM imports WHERE account_id = $1 AND id = $2${options.lock ? ' FOR UPDATE' : ''}`,
      [accountId, id],
      mapImport,
    );
  },

  async list(sql: Sql, accountId: number, limit: number): Promise<ImportRecord[]> {
    const rows = await sql.query<ImportRow>(
      'SELECT * FROM imports WHERE account_id = $1 ORDER BY id DESC LIMIT $2',
      [accountId, limit],
    );
    return rows.map(mapImport);
  },

  /** Gives a staged import its file's hash (known once the whole stream was read). */
  async setHash(
    sql: Sql,
    id: number,
    u: { fileHash: string; rowsTotal: number; rowsRejected: number },
  ): Promise<void> {
    await sql.query('UPDATE imports SET file_hash = $2, rows_total = $3, rows_rejected = $4 WHERE id = $1', [
      id,
      u.fileHash,
      u.rowsTotal,
      u.rowsRejected,
    ]);
  },

  /** Staged imports whose stream never finished (the process died) and that nobody touched for a day. */
  async deleteAbandoned(sql: Sql, accountId: number): Promise<void> {
    await sql.query(
      `DELETE FROM imports WHERE account_id = $1 AND status = 'staging' AND file_hash LIKE 'pending:%' AND created_at < now() - interval '1 day'`,
      [accountId],
    );
  },

  /** Records that the staged lines below `through` are applied (in the same transaction as their writes). */
  async setAppliedThrough(sql: Sql, id: number, through: number): Promise<void> {
    await sql.query('UPDATE imports SET applied_through = $2 WHERE id = $1', [id, through]);
  },

  async delete(sql: Sql, accountId: number, id: number): Promise<void> {
    await sql.query('DELETE FROM imports WHERE account_id = $1 AND id = $2', [accountId, id]);
  },

  async finish(
    sql: Sql,
    id: number,
    f: { status: ImportStatus; result: Record<string, unknown>; rowsRejected?: number },
  ): Promise<void> {
    await sql.query(
      'UPDATE imports SET status = $2, result = $3, finished_at = now(), rows_rejected = coalesce($4, rows_rejected) WHERE id = $1',
      [id, f.status, JSON.stringify(f.result), f.rowsRejected ?? null],
    );
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
  async readStaged(
    sql: Sql,
    importId: number,
    after: { key: string; lineNo: number } | null,
    limit: number,
  ): Promise<StagedRow[]> {
    return sql.query<StagedRow>(
      `SELECT line_no AS "lineNo", row_key AS key, data FROM import_rows
       WHERE import_id = $1 AND ($2::text IS NULL OR (row_key, line_no) > ($2::text, $3::int))
       ORDER BY row_key, line_no LIMIT $4`,
      [importId, after?.key ?? null, after?.lineNo ?? 0, limit],
    );
  },

  async countStaged(sql: Sql, importId: number): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1',
      [importId],
    );
    return row?.n ?? 0;
  },

  /** Which of these SKUs exist in the account. */
  async knownSkus(sql: Sql, accountId: number, skus: readonly string[]): Promise<Set<string>> {
    const rows = await sql.query<{ sku: string }>(
      'SELECT sku FROM products WHERE account_id = $1 AND sku = ANY($2::text[])',
      [accountId, skus],
    );
    return new Set(rows.map((r) => r.sku));
  },

  async knownLocations(sql: Sql, accountId: number, codes: readonly string[]): Promise<Set<string>> {
    const rows = await sql.query<{ code: string }>(
      'SELECT code FROM locations WHERE account_id = $1 AND code = ANY($2::text[])',
      [accountId, codes],
    );
    return new Set(rows.map((r) => r.code));
  },

  /**
   * Upserts products from staged data (one row per SKU) in one statement; a row equal to the stored product
   * changes nothing (so re-importing a file leaves updated_at alone). Returns how many were inserted or changed.
   */
  async upsertProducts(
    sql: Sql,
    accountId: number,
    rows: readonly Record<string, unknown>[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const [row] = await sql.query<{ changed: number }>(
      `WITH up AS (
         INSERT INTO products AS p (account_id, sku, title, barcode, barcode_kind, asin, fnsku, category, brand, unit_cost, price, case_pack, allow_backorder)
         SELECT $1, d->>'sku', d->>'title', d->>'barcode', d->>'barcodeKind', d->>'asin', d->>'fnsku', d->>'category', d->>'brand',
           (d->>'unitCost')::numeric, (d->>'price')::numeric, (d->>'casePack')::int, (d->>'allowBackorder')::boolean
         FROM unnest($2::jsonb[]) WITH ORDINALITY AS t(d, n) ORDER BY n
         ON CONFLICT (account_id, sku) DO UPDATE SET title = EXCLUDED.title, barcode = EXCLUDED.barcode, barcode_kind = EXCLUDED.barcode_kind,
           asin = EXCLUDED.asin, fnsku = EXCLUDED.fnsku, category = EXCLUDED.category, brand = EXCLUDED.brand, unit_cost = EXCLUDED.unit_cost,
           price = EXCLUDED.price, case_pack = EXCLUDED.case_pack, allow_backorder = EXCLUDED.allow_backorder, updated_at = now()
         WHERE (p.title, p.barcode, p.asin, p.fnsku, p.category, p.brand, p.unit_cost, p.price, p.case_pack, p.allow_backorder)
           IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.barcode, EXCLUDED.asin, EXCLUDED.fnsku, EXCLUDED.category, EXCLUDED.brand,
             EXCLUDED.unit_cost, EXCLUDED.price, EXCLUDED.case_pack, EXCLUDED.allow_backorder)
         RETURNING 1)
       SELECT count(*)::int AS changed FROM up`,
      [accountId, rows.map((r) => JSON.stringify(r))],
    );
    return row?.changed ?? 0;
  },

  /** The SKUs holding these barcodes in the account. */
  async barcodeHolders(
    sql: Sql,
    accountId: number,
    barcodes: readonly string[],
  ): Promise<{ sku: string; barcode: string }[]> {
    return sql.query<{ sku: string; barcode: string }>(
      'SELECT sku, barcode FROM products WHERE account_id = $1 AND barcode = ANY($2::text[])',
      [accountId, barcodes],
    );
  },

  async maxStagedLine(sql: Sql, importId: number): Promise<number> {
    const [row] = await sql.query<{ m: number | null }>(
      'SELECT max(line_no) AS m FROM import_rows WHERE import_id = $1',
      [importId],
    );
    return row?.m ?? 0;
  },

  /** The account's first Amazon fulfilment location (FBA reports reconcile against it by default). */
  async firstFbaLocation(sql: Sql, accountId: number): Promise<string | undefined> {
    return firstRow(
      sql,
      `SELECT code FROM locations WHERE account_id = $1 AND type = 'amazon_fba' AND active ORDER BY id LIMIT 1`,
      [accountId],
      (r: { code: string }) => r.code,
    );
  },

  async locationId(sql: Sql, accountId: number, code: string): Promise<number | undefined> {
    return firstRow(
      sql,
      'SELECT id FROM locations WHERE account_id = $1 AND code = $2',
      [accountId, code],
      (r: { id: number }) => r.id,
    );
  },

  /**
   * Stores rows of Amazon's FBA inventory age report (validated data, keyed by SKU) at an Amazon location,
   * one per SKU × snapshot date: a later import of the same snapshot replaces it. Returns rows stored.
   */
  async storeFbaAges(
    sql: Sql,
    accountId: number,
    q: { locationId: number; importId: number; rows: readonly Record<string, unknown>[] },
  ): Promise<number> {
    if (q.rows.length === 0) return 0;
    const [row] = await sql.query<{ n: number }>(
      `WITH up AS (
         INSERT INTO fba_inventory_age AS f (account_id, location_id, product_id, snapshot_date, import_id, fnsku, asin, condition, available, reserved,
           pending_removal, unfulfillable, age_0_90, age_91_180, age_181_270, age_271_365, age_365_plus, units_shipped_t30, units_shipped_t90,
           sell_through, estimated_excess, days_of_supply, recommended_action)
         SELECT $1, $2, p.id, (d->>'snapshotDate')::date, $3, d->>'fnsku', d->>'asin', d->>'condition', (d->>'available')::int, (d->>'reserved')::int,
           (d->>'pendingRemoval')::int, (d->>'unfulfillable')::int, (d->>'age0to90')::int, (d->>'age91to180')::int, (d->>'age181to270')::int,
           (d->>'age271to365')::int, (d->>'age365plus')::int, (d->>'unitsShippedT30')::int, (d->>'unitsShippedT90')::int,
           (d->>'sellThrough')::numeric, (d->>'estimatedExcess')::int, (d->>'daysOfSupply')::numeric, d->>'recommendedAction'
         FROM unnest($4::jsonb[]) AS t(d) JOIN products p ON p.account_id = $1 AND p.sku = d->>'sku'
         ON CONFLICT (account_id, location_id, product_id, snapshot_date) DO UPDATE SET import_id = EXCLUDED.import_id, fnsku = EXCLUDED.fnsku,
           asin = EXCLUDED.asin, condition = EXCLUDED.condition, available = EXCLUDED.available, reserved = EXCLUDED.reserved,
           pending_removal = EXCLUDED.pending_removal, unfulfillable = EXCLUDED.unfulfillable, age_0_90 = EXCLUDED.age_0_90,
           age_91_180 = EXCLUDED.age_91_180, age_181_270 = EXCLUDED.age_181_270, age_271_365 = EXCLUDED.age_271_365,
           age_365_plus = EXCLUDED.age_365_plus, units_shipped_t30 = EXCLUDED.units_shipped_t30, units_shipped_t90 = EXCLUDED.units_shipped_t90,
           sell_through = EXCLUDED.sell_through, estimated_excess = EXCLUDED.estimated_excess, days_of_supply = EXCLUDED.days_of_supply,
           recommended_action = EXCLUDED.recommended_action
         RETURNING 1)
       SELECT count(*)::int AS n FROM up`,
      [accountId, q.locationId, q.importId, q.rows.map((r) => JSON.stringify(r))],
    );
    return row?.n ?? 0;
  },

  /** The latest snapshot date of the FBA inventory age report stored for this location. */
  async latestFbaSnapshot(sql: Sql, accountId: number, locationId: number): Promise<string | undefined> {
    const [row] = await sql.query<{ d: string }>(
      'SELECT max(snapshot_date) AS d FROM fba_inventory_age WHERE account_id = $1 AND location_id = $2',
      [accountId, locationId],
    );
    return row?.d ?? undefined;
  },

  /**
   * Amazon's age brackets for one snapshot beside the ledger's: open FIFO layers at the location, aged
   * from their arrival at Amazon (Amazon's age, docs/vocabulary.md#age-layers-fifo) to the snapshot date. Totals over every SKU, and the SKUs that differ
   * most (by units in a different bracket), at most `limit`.
   */
  async compareFbaAges(
    sql: Sql,
    accountId: number,
    q: { locationId: number; snapshotDate: string; limit: number },
  ): Promise<FbaAgeComparison> {
    const rows = await sql.query<{ sku: string | null; a: number[]; l: number[]; off: number; n: number }>(
      `WITH amazon AS (
         SELECT product_id, ARRAY[age_0_90, age_91_180, age_181_270, age_271_365, age_365_plus] AS a
         FROM fba_inventory_age WHERE account_id = $1 AND location_id = $2 AND snapshot_date = $3::date),
       ledger AS (
         SELECT y.product_id, ARRAY[
             coalesce(sum(y.quantity_remaining) FILTER (WHERE $3::date - y.arrived_at::date <= 90), 0),
             coalesce(sum(y.quantity_remaining) FILTER (WHERE $3::date - y.arrived_at::date BETWEEN 91 AND 180), 0),
             coalesce(sum(y.quantity_remaining) FILTER (WHERE $3::date - y.arrived_at::date BETWEEN 181 AND 270), 0),
             coalesce(sum(y.quantity_remaining) FILTER (WHERE $3::date - y.arrived_at::date BETWEEN 271 AND 365), 0),
             coalesce(sum(y.quantity_remaining) FILTER (WHERE $3::date - y.arrived_at::date > 365), 0)]::int[] AS l
         FROM age_layers y JOIN amazon USING (product_id)
         WHERE y.account_id = $1 AND y.location_id = $2 AND y.quantity_remaining > 0
         GROUP BY y.product_id),
       pairs AS (
         SELECT p.sku, a.a, coalesce(l.l, ARRAY[0, 0, 0, 0, 0]) AS l FROM amazon a
         JOIN products p ON p.id = a.product_id AND p.account_id = $1 LEFT JOIN ledger l USING (product_id)),
       scored AS (
         SELECT sku, a, l, (SELECT sum(abs(a[i] - l[i]))::int FROM generate_subscripts(a, 1) AS i) AS off FROM pairs)
       (SELECT NULL AS sku,
          ARRAY[sum(a[1]), sum(a[2]), sum(a[3]), sum(a[4]), sum(a[5])]::int[] AS a,
          ARRAY[sum(l[1]), sum(l[2]), sum(l[3]), sum(l[4]), sum(l[5])]::int[] AS l,
          count(*) FILTER (WHERE off > 0)::int AS off, count(*)::int AS n
        FROM scored)
       UNION ALL
       (SELECT sku, a, l, off, 1 AS n FROM scored WHERE off > 0 ORDER BY off DESC, sku LIMIT $4)`,
      [accountId, q.locationId, q.snapshotDate, q.limit],
    );
    const buckets = (v: readonly (number | null)[] | null | undefined) => ({
      age0to90: v?.[0] ?? 0,
      age91to180: v?.[1] ?? 0,
      age181to270: v?.[2] ?? 0,
      age271to365: v?.[3] ?? 0,
      age365plus: v?.[4] ?? 0,
    });
    const [total, ...skus] = rows;
    return {
      snapshotDate: q.snapshotDate,
      skus: total?.n ?? 0,
      amazon: buckets(total?.a),
      ledger: buckets(total?.l),
      skusDiffering: total?.off ?? 0,
      differing: skus.map((r) => ({
        sku: r.sku ?? '',
        amazon: buckets(r.a),
        ledger: buckets(r.l),
        unitsInOtherBrackets: r.off,
      })),
    };
  },
};
