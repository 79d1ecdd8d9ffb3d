import { anyRow, type Sql } from '../database';

export interface ReceiptRecord {
  id: number;
  lineId: number;
  sku: string;
  quantity: number;
  landedUnitCost: number | null;
  scanKey: string | null;
  code: string | null;
  receivedAt: Date;
}

interface ReceiptRow {
  id: number;
  purchase_order_id: number;
  line_id: number;
  sku: string;
  quantity: number;
  landed_unit_cost: number | null;
  scan_key: string | null;
  code: string | null;
  received_at: Date;
}

const RECEIPT_SELECT = `SELECT r.*, p.sku FROM purchase_order_receipts r JOIN purchase_order_lines l ON l.id = r.line_id
  JOIN products p ON p.id = l.product_id`;

const mapReceipt = (r: ReceiptRow): ReceiptRecord & { poId: number } => ({
  id: r.id,
  poId: r.purchase_order_id,
  lineId: r.line_id,
  sku: r.sku,
  quantity: r.quantity,
  landedUnitCost: r.landed_unit_cost,
  scanKey: r.scan_key,
  code: r.code,
  receivedAt: r.received_at,
});

/** Receipts of purchase orders: received units per line and one record per scan (keyed for replays). */
export const purchaseOrderReceiptsRepository = {
  /** Adds received units to a line unless that would exceed the ordered quantity; false if it would. */
  async addReceived(sql: Sql, accountId: number, lineId: number, quantity: number): Promise<boolean> {
    return anyRow(
      sql,
      `UPDATE purchase_order_lines SET received_quantity = received_quantity + $3
       WHERE account_id = $1 AND id = $2 AND received_quantity + $3 <= quantity RETURNING id`,
      [accountId, lineId, quantity],
    );
  },

  async insertReceipt(
    sql: Sql,
    r: {
      accountId: number;
      poId: number;
      lineId: number;
      quantity: number;
      landedUnitCost: number | null;
      scanKey: string | null;
      code: string | null;
      ledgerBatchId: number | null;
      receivedAt: Date;
    },
  ): Promise<void> {
    await sql.query(
      `INSERT INTO purchase_order_receipts (account_id, purchase_order_id, line_id, quantity, landed_unit_cost, scan_key, code, ledger_batch_id, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        r.accountId,
        r.poId,
        r.lineId,
        r.quantity,
        r.landedUnitCost,
        r.scanKey,
        r.code,
        r.ledgerBatchId,
        r.receivedAt,
      ],
    );
  },

  async findReceiptsByScanKeys(
    sql: Sql,
    accountId: number,
    keys: readonly string[],
  ): Promise<(ReceiptRecord & { poId: number })[]> {
    if (keys.length === 0) return [];
    const rows = await sql.query<ReceiptRow>(
      `${RECEIPT_SELECT} WHERE r.account_id = $1 AND r.scan_key = ANY($2::text[])`,
      [accountId, keys],
    );
    return rows.map(mapReceipt);
  },

  async receipts(sql: Sql, accountId: number, poId: number): Promise<ReceiptRecord[]> {
    const rows = await sql.query<ReceiptRow>(
      `${RECEIPT_SELECT} WHERE r.account_id = $1 AND r.purchase_order_id = $2 ORDER BY r.id`,
      [accountId, poId],
    );
    return rows.map(mapReceipt);
  },
};
