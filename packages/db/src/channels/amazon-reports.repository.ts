import type { LedgerEvent, ReimbursementRow } from '@stockwise/domain/channels/amazon/reports';
import { anyRow, type Sql } from '../database';

export interface ReportRequestRecord {
  reportId: string;
  reportType: string;
  status: string;
  documentId: string | null;
  requestedAt: Date;
}

export const amazonReportsRepository = {
  /** Accounts with an Amazon channel that has SP-API credentials (the reports schedule). */
  async amazonAccounts(sql: Sql): Promise<number[]> {
    const rows = await sql.query<{ account_id: number }>(
      `SELECT account_id FROM sales_channels WHERE channel = 'amazon' AND credentials_enc IS NOT NULL ORDER BY account_id`,
    );
    return rows.map((r) => r.account_id);
  },

  /** Requests of this report type still waiting for Amazon (IN_QUEUE, IN_PROGRESS). */
  async open(sql: Sql, accountId: number, reportType: string): Promise<ReportRequestRecord[]> {
    return sql.query<ReportRequestRecord>(
      `SELECT report_id AS "reportId", report_type AS "reportType", status, document_id AS "documentId",
         requested_at AS "requestedAt"
       FROM amazon_report_requests WHERE account_id = $1 AND report_type = $2 AND status IN ('IN_QUEUE', 'IN_PROGRESS')
       ORDER BY requested_at`,
      [accountId, reportType],
    );
  },

  async record(
    sql: Sql,
    accountId: number,
    r: { reportId: string; reportType: string; status: string; documentId: string | null },
  ): Promise<void> {
    await sql.query(
      `INSERT INTO amazon_report_requests (account_id, report_id, report_type, status, document_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account_id, report_id) DO UPDATE SET status = EXCLUDED.status,
         document_id = EXCLUDED.document_id, updated_at = now()`,
      [accountId, r.reportId, r.reportType, r.status, r.documentId],
    );
  },

  /** Claims a document for import: false when it was imported already. */
  async claimDocument(
    sql: Sql,
    accountId: number,
    d: { documentId: string; reportType: string; reportId: string | null; rows: number },
  ): Promise<boolean> {
    return anyRow(
      sql,
      `INSERT INTO amazon_report_documents (account_id, document_id, report_type, report_id, row_count)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
      [accountId, d.documentId, d.reportType, d.reportId, d.rows],
    );
  },

  async imported(sql: Sql, accountId: number, documentId: string): Promise<boolean> {
    return anyRow(sql, 'SELECT 1 FROM amazon_report_documents WHERE account_id = $1 AND document_id = $2', [
      accountId,
      documentId,
    ]);
  },

  /** Replaces the ledger events of the days and countries a document covers with its rows. */
  async replaceLedgerEvents(
    sql: Sql,
    accountId: number,
    documentId: string,
    events: readonly LedgerEvent[],
  ): Promise<void> {
    if (events.length === 0) return;
    const days = events.map((e) => e.date).sort();
    // Only the countries the document covers: another marketplace's events of the same days stay.
    const countries = [...new Set(events.map((e) => e.country ?? ''))];
    await sql.query(
      `DELETE FROM amazon_ledger_events WHERE account_id = $1 AND event_date BETWEEN $2::date AND $3::date
         AND coalesce(country, '') = ANY($4::text[])`,
      [accountId, days[0], days[days.length - 1], countries],
    );
    await sql.query(
      `INSERT INTO amazon_ledger_events (account_id, document_id, event_date, fnsku, sku, event_type, reference_id,
         quantity, fulfillment_center, disposition, reason, country)
       SELECT $1, $2, e.date::date, e.fnsku, e.sku, e.event_type, e.reference_id, e.quantity::int,
         e.fulfillment_center, e.disposition, e.reason, e.country
       FROM jsonb_to_recordset($3::jsonb) AS e(date text, fnsku text, sku text, event_type text, reference_id text,
         quantity int, fulfillment_center text, disposition text, reason text, country text)`,
      [
        accountId,
        documentId,
        JSON.stringify(
          events.map((e) => ({
            date: e.date,
            fnsku: e.fnsku,
            sku: e.sku,
            event_type: e.eventType,
            reference_id: e.referenceId,
            quantity: e.quantity,
            fulfillment_center: e.fulfillmentCenter,
            disposition: e.disposition,
            reason: e.reason,
            country: e.country,
          })),
        ),
      ],
    );
  },

  /** Stores reimbursements; one already stored (same id and SKU) is kept as it was. */
  async addReimbursements(
    sql: Sql,
    accountId: number,
    documentId: string,
    rows: readonly ReimbursementRow[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO amazon_reimbursements (account_id, reimbursement_id, sku, approval_date, reason, currency,
         amount_total, quantity_cash, quantity_inventory, document_id, amazon_order_id)
       SELECT $1, r.id, r.sku, r.day::date, r.reason, r.currency, r.amount, r.cash, r.inventory, $2, r.order_id
       FROM jsonb_to_recordset($3::jsonb) AS r(id text, sku text, day text, reason text, currency text,
         amount numeric, cash int, inventory int, order_id text)
       ON CONFLICT DO NOTHING`,
      [
        accountId,
        documentId,
        JSON.stringify(
          rows.map((r) => ({
            id: r.reimbursementId,
            sku: r.sku,
            day: r.approvalDate,
            reason: r.reason,
            currency: r.currency,
            amount: r.amountTotal,
            cash: r.quantityCash,
            inventory: r.quantityInventory,
            order_id: r.amazonOrderId,
          })),
        ),
      ],
    );
  },
};
