import { chunks, columnArrays } from '../bulk';
import { firstRow, type Sql } from '../database';
import { Conditions } from '../sql-conditions';

import type { PurchaseOrderStatus } from '@stockwise/domain/replenishment/purchase-order-lifecycle';
import { groupBy } from '@stockwise/domain/group-by';

export type { PurchaseOrderStatus } from '@stockwise/domain/replenishment/purchase-order-lifecycle';
export type { ReceiptRecord } from './purchase-order-receipts.repository';

export interface PurchaseOrderRecord {
  id: number;
  number: string;
  supplierId: number;
  supplierCode: string;
  supplierName: string;
  locationId: number;
  locationCode: string;
  status: PurchaseOrderStatus;
  source: 'manual' | 'recommendation' | 'import';
  currency: string;
  paymentTermsDays: number;
  freightCost: number;
  expectedOn: string | null;
  sentAt: Date | null;
  firstReceivedAt: Date | null;
  receivedAt: Date | null;
  paidAt: Date | null;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PurchaseOrderLineRecord {
  id: number;
  lineNo: number;
  productId: number;
  sku: string;
  title: string;
  barcode: string | null;
  quantity: number;
  unitCost: number;
  receivedQuantity: number;
}

interface PoRow {
  id: number;
  number: string;
  supplier_id: number;
  supplier_code: string;
  supplier_name: string;
  location_id: number;
  location_code: string;
  status: PurchaseOrderStatus;
  source: 'manual' | 'recommendation' | 'import';
  currency: string;
  payment_terms_days: number;
  freight_cost: number;
  expected_on: string | null;
  sent_at: Date | null;
  first_received_at: Date | null;
  received_at: Date | null;
  paid_at: Date | null;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
}

const mapPo = (r: PoRow): PurchaseOrderRecord => ({
  id: r.id,
  number: r.number,
  supplierId: r.supplier_id,
  supplierCode: r.supplier_code,
  supplierName: r.supplier_name,
  locationId: r.location_id,
  locationCode: r.location_code,
  status: r.status,
  source: r.source,
  currency: r.currency,
  paymentTermsDays: r.payment_terms_days,
  freightCost: r.freight_cost,
  expectedOn: r.expected_on,
  sentAt: r.sent_at,
  firstReceivedAt: r.first_received_at,
  receivedAt: r.received_at,
  paidAt: r.paid_at,
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const PO_SELECT = `SELECT po.*, s.code AS supplier_code, s.name AS supplier_name, l.code AS location_code
  FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id JOIN locations l ON l.id = po.location_id`;

export interface PurchaseOrderInsert {
  supplierId: number;
  locationId: number;
  source: 'manual' | 'recommendation' | 'import';
  currency: string;
  paymentTermsDays: number;
  freightCost: number;
  expectedOn: string | null;
  notes: string | null;
  /** Explicit number (imports, demo); otherwise the next PO-NNNNN of the account. */
  number?: string;
  status?: PurchaseOrderStatus;
  sentAt?: Date | null;
  firstReceivedAt?: Date | null;
  receivedAt?: Date | null;
  paidAt?: Date | null;
}

export interface LineInsert {
  productId: number;
  quantity: number;
  unitCost: number;
  receivedQuantity?: number;
}

type EditableHeader = 'supplierId' | 'currency' | 'locationId' | 'freightCost' | 'expectedOn' | 'notes';

export interface PurchaseOrderQuery {
  limit: number;
  /** Id of the last row of the previous page (newest first). */
  beforeId?: number | undefined;
  status?: PurchaseOrderStatus | undefined;
  supplierId?: number | undefined;
  locationId?: number | undefined;
}

/** One purchase order's totals (`orderSummaries`). */
export interface OrderSummaryRow {
  supplierId: number;
  /** The destination location (the route, with the supplier). */
  locationId: number;
  number: string;
  status: PurchaseOrderStatus;
  sentAt: Date | null;
  expectedOn: string | null;
  firstReceivedAt: Date | null;
  receivedAt: Date | null;
  paidAt: Date | null;
  paymentTermsDays: number;
  freightCost: number;
  orderedQuantity: number;
  receivedQuantity: number;
  orderedValue: number;
  receivedValue: number;
}

export const purchaseOrdersRepository = {
  /** Inserts the header; undefined when the number is taken (the caller retries with the next). */
  async insert(sql: Sql, accountId: number, po: PurchaseOrderInsert): Promise<number | undefined> {
    return firstRow(
      sql,
      `INSERT INTO purchase_orders (account_id, number, supplier_id, location_id, status, source, currency, payment_terms_days,
         freight_cost, expected_on, sent_at, first_received_at, received_at, paid_at, notes)
       VALUES ($1, COALESCE($2, (SELECT 'PO-' || lpad((COALESCE(max((substring(number FROM '^PO-([0-9]{1,9})$'))::int), 0) + 1)::text, 5, '0')
                                  FROM purchase_orders WHERE account_id = $1)),
         $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (account_id, number) DO NOTHING RETURNING id`,
      [
        accountId,
        po.number ?? null,
        po.supplierId,
        po.locationId,
        po.status ?? 'draft',
        po.source,
        po.currency,
        po.paymentTermsDays,
        po.freightCost,
        po.expectedOn,
        po.sentAt ?? null,
        po.firstReceivedAt ?? null,
        po.receivedAt ?? null,
        po.paidAt ?? null,
        po.notes,
      ],
      (r: { id: number }) => r.id,
    );
  },

  async insertLines(sql: Sql, accountId: number, poId: number, lines: readonly LineInsert[]): Promise<void> {
    if (lines.length === 0) return;
    await sql.query(
      `INSERT INTO purchase_order_lines (account_id, purchase_order_id, line_no, product_id, quantity, unit_cost, received_quantity)
       SELECT $1, $2, n, p, q, c, r FROM unnest($3::bigint[], $4::int[], $5::numeric[], $6::int[]) WITH ORDINALITY AS t(p, q, c, r, n)`,
      [
        accountId,
        poId,
        lines.map((l) => l.productId),
        lines.map((l) => l.quantity),
        lines.map((l) => l.unitCost),
        lines.map((l) => l.receivedQuantity ?? 0),
      ],
    );
  },

  async deleteLines(sql: Sql, accountId: number, poId: number): Promise<void> {
    await sql.query('DELETE FROM purchase_order_lines WHERE account_id = $1 AND purchase_order_id = $2', [
      accountId,
      poId,
    ]);
  },

  async findByNumber(
    sql: Sql,
    accountId: number,
    number: string,
    options: { lock?: boolean } = {},
  ): Promise<PurchaseOrderRecord | undefined> {
    if (options.lock)
      await sql.query('SELECT id FROM purchase_orders WHERE account_id = $1 AND number = $2 FOR UPDATE', [
        accountId,
        number,
      ]);
    return firstRow(
      sql,
      `${PO_SELECT} WHERE po.account_id = $1 AND po.number = $2`,
      [accountId, number],
      mapPo,
    );
  },

  async findById(sql: Sql, accountId: number, id: number): Promise<PurchaseOrderRecord | undefined> {
    return firstRow(sql, `${PO_SELECT} WHERE po.account_id = $1 AND po.id = $2`, [accountId, id], mapPo);
  },

  async list(sql: Sql, accountId: number, q: PurchaseOrderQuery): Promise<PurchaseOrderRecord[]> {
    const params: unknown[] = [accountId];
    const filters = new Conditions(params);
    if (q.beforeId !== undefined) filters.add('po.id < ?', q.beforeId);
    if (q.status) filters.add('po.status = ?', q.status);
    if (q.supplierId !== undefined) filters.add('po.supplier_id = ?', q.supplierId);
    if (q.locationId !== undefined) filters.add('po.location_id = ?', q.locationId);
    params.push(q.limit);
    const rows = await sql.query<PoRow>(
      `${PO_SELECT} WHERE po.account_id = $1${filters.and()} ORDER BY po.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(mapPo);
  },

  async lines(
    sql: Sql,
    accountId: number,
    poIds: readonly number[],
  ): Promise<Map<number, PurchaseOrderLineRecord[]>> {
    const rows = await sql.query<{
      purchase_order_id: number;
      id: number;
      line_no: number;
      product_id: number;
      sku: string;
      title: string;
      barcode: string | null;
      quantity: number;
      unit_cost: number;
      received_quantity: number;
    }>(
      `SELECT l.purchase_order_id, l.id, l.line_no, l.product_id, p.sku, p.title, p.barcode, l.quantity, l.unit_cost, l.received_quantity
       FROM purchase_order_lines l JOIN products p ON p.id = l.product_id
       WHERE l.account_id = $1 AND l.purchase_order_id = ANY($2::bigint[]) ORDER BY l.purchase_order_id, l.line_no`,
      [accountId, poIds],
    );
    return groupBy(
      rows,
      (r) => r.purchase_order_id,
      (r): PurchaseOrderLineRecord => ({
        id: r.id,
        lineNo: r.line_no,
        productId: r.product_id,
        sku: r.sku,
        title: r.title,
        barcode: r.barcode,
        quantity: r.quantity,
        unitCost: r.unit_cost,
        receivedQuantity: r.received_quantity,
      }),
    );
  },

  /** The header fields an edit (or a receipt's freight) rewrites. */
  async updateHeader(
    sql: Sql,
    accountId: number,
    id: number,
    f: Pick<PurchaseOrderRecord, EditableHeader | 'paymentTermsDays' | 'paidAt'>,
  ): Promise<void> {
    const header = [f.supplierId, f.currency, f.locationId, f.freightCost, f.expectedOn, f.notes];
    await sql.query(
      `UPDATE purchase_orders SET supplier_id = $3, currency = $4, location_id = $5, freight_cost = $6, expected_on = $7,
         notes = $8, payment_terms_days = $9, paid_at = $10, updated_at = now()
       WHERE account_id = $1 AND id = $2`,
      [accountId, id, ...header, f.paymentTermsDays, f.paidAt],
    );
  },

  async setStatus(
    sql: Sql,
    accountId: number,
    id: number,
    s: { status: PurchaseOrderStatus; sentAt?: Date; firstReceivedAt?: Date; receivedAt?: Date },
  ): Promise<void> {
    await sql.query(
      `UPDATE purchase_orders SET status = $3, sent_at = COALESCE($4, sent_at), first_received_at = COALESCE(first_received_at, $5),
         received_at = COALESCE($6, received_at), updated_at = now() WHERE account_id = $1 AND id = $2`,
      [accountId, id, s.status, s.sentAt ?? null, s.firstReceivedAt ?? null, s.receivedAt ?? null],
    );
  },

  /** Per-order totals of a supplier (or all suppliers) for scorecards and lead-time learning. */
  async orderSummaries(sql: Sql, accountId: number, supplierId?: number): Promise<OrderSummaryRow[]> {
    return sql.query<OrderSummaryRow>(
      `SELECT po.supplier_id AS "supplierId", po.location_id AS "locationId", po.number, po.status, po.sent_at AS "sentAt",
         po.expected_on AS "expectedOn", po.first_received_at AS "firstReceivedAt", po.received_at AS "receivedAt",
         po.paid_at AS "paidAt", po.payment_terms_days AS "paymentTermsDays", po.freight_cost AS "freightCost",
         COALESCE(sum(l.quantity), 0)::int AS "orderedQuantity", COALESCE(sum(l.received_quantity), 0)::int AS "receivedQuantity",
         COALESCE(sum(l.quantity * l.unit_cost), 0)::float8 AS "orderedValue",
         COALESCE(sum(l.received_quantity * l.unit_cost), 0)::float8 AS "receivedValue"
       FROM purchase_orders po LEFT JOIN purchase_order_lines l ON l.purchase_order_id = po.id
       WHERE po.account_id = $1 AND ($2::bigint IS NULL OR po.supplier_id = $2)
       GROUP BY po.id ORDER BY po.id`,
      [accountId, supplierId ?? null],
    );
  },
};

/** Bulk path for loads (demo, imports): headers with explicit numbers and their lines, in two statements. */
export async function bulkInsertPurchaseOrders(
  sql: Sql,
  accountId: number,
  orders: readonly (PurchaseOrderInsert & { number: string; lines: readonly LineInsert[] })[],
): Promise<void> {
  if (orders.length === 0) return;
  const rows = await sql.query<{ id: number; number: string }>(
    `INSERT INTO purchase_orders (account_id, number, supplier_id, location_id, status, source, currency, payment_terms_days,
       freight_cost, expected_on, sent_at, first_received_at, received_at, paid_at, notes)
     SELECT $1, o->>'number', (o->>'supplierId')::bigint, (o->>'locationId')::bigint, o->>'status', o->>'source', o->>'currency',
       (o->>'paymentTermsDays')::int, (o->>'freightCost')::numeric, (o->>'expectedOn')::date, (o->>'sentAt')::timestamptz,
       (o->>'firstReceivedAt')::timestamptz, (o->>'receivedAt')::timestamptz, (o->>'paidAt')::timestamptz, o->>'notes'
     FROM jsonb_array_elements($2::jsonb) AS o RETURNING id, number`,
    [accountId, JSON.stringify(orders.map(({ lines: _lines, ...o }) => o))],
  );
  const idOf = new Map(rows.map((r) => [r.number, r.id]));
  const lines = orders.flatMap((o) => o.lines.map((l, i) => ({ po: idOf.get(o.number)!, n: i + 1, ...l })));
  for (const chunk of chunks(lines)) {
    await sql.query(
      `INSERT INTO purchase_order_lines (account_id, purchase_order_id, line_no, product_id, quantity, unit_cost, received_quantity)
       SELECT $1, * FROM unnest($2::bigint[], $3::int[], $4::bigint[], $5::int[], $6::numeric[], $7::int[])`,
      [
        accountId,
        ...columnArrays(chunk, ['po', 'n', 'productId', 'quantity', 'unitCost']),
        chunk.map((l) => l.receivedQuantity ?? 0),
      ],
    );
  }
}
