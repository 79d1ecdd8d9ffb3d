import type { Sql } from '../database';
import type { Page } from '../pagination';
import { keyset, toPage } from '../pagination';

import type { AlertCondition, AlertSeverity, BillFacts } from '@stockwise/domain/alerts/rules';

export type { AlertCondition, AlertSeverity } from '@stockwise/domain/alerts/rules';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

export interface AlertRecord extends AlertCondition {
  id: number;
  status: AlertStatus;
  snoozedUntil: Date | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: number | null;
  resolvedAt: Date | null;
  notifiedAt: Date | null;
}

interface AlertRow {
  id: number;
  kind: string;
  dedupe_key: string;
  severity: AlertSeverity;
  sku: string | null;
  location: string | null;
  title: string;
  details: Record<string, unknown>;
  status: AlertStatus;
  snoozed_until: Date | null;
  first_seen_at: Date;
  last_seen_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: number | null;
  resolved_at: Date | null;
  notified_at: Date | null;
}

const mapAlert = (r: AlertRow): AlertRecord => ({
  id: r.id,
  kind: r.kind,
  dedupeKey: r.dedupe_key,
  severity: r.severity,
  sku: r.sku,
  location: r.location,
  title: r.title,
  details: r.details,
  status: r.status,
  snoozedUntil: r.snoozed_until,
  firstSeenAt: r.first_seen_at,
  lastSeenAt: r.last_seen_at,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
  resolvedAt: r.resolved_at,
  notifiedAt: r.notified_at,
});

/** The alert a statement reads or returns, if any. */
async function oneAlert(sql: Sql, text: string, params: unknown[]): Promise<AlertRecord | undefined> {
  const [row] = await sql.query<AlertRow>(text, params);
  return row && mapAlert(row);
}

export interface NotificationSettingsRecord {
  smtp: {
    host: string;
    port: number;
    secure: boolean;
    user: string | null;
    password: string | null;
    from: string;
  } | null;
  webhook: { url: string; secret: string } | null;
  alertRecipients: string[];
  updatedAt: Date | null;
}

export interface ReportScheduleRecord {
  id: number;
  kind: string;
  format: 'csv' | 'xlsx';
  frequency: 'daily' | 'weekly';
  recipients: string[];
  lastSentOn: string | null;
  createdAt: Date;
}

interface ScheduleRow {
  id: number;
  kind: string;
  format: 'csv' | 'xlsx';
  frequency: 'daily' | 'weekly';
  recipients: string[];
  last_sent_on: string | null;
  created_at: Date;
}

const mapSchedule = (r: ScheduleRow): ReportScheduleRecord => ({
  id: r.id,
  kind: r.kind,
  format: r.format,
  frequency: r.frequency,
  recipients: r.recipients,
  lastSentOn: r.last_sent_on,
  createdAt: r.created_at,
});

export const alertsRepository = {
  /**
   * Records the conditions that hold now, once each: a new condition opens an alert (returned in
   * `opened`), one already open only gets `last_seen_at`. Open alerts of the evaluated kinds whose
   * condition no longer holds are resolved.
   */
  async sync(
    sql: Sql,
    accountId: number,
    q: { kinds: readonly string[]; conditions: readonly AlertCondition[] },
  ): Promise<{ opened: AlertRecord[]; resolved: number; ongoing: number }> {
    const c = q.conditions;
    const opened = await sql.query<AlertRow>(
      `INSERT INTO alerts (account_id, kind, dedupe_key, severity, sku, location, title, details)
       SELECT $1, k, d, s, sk, lo, ti, de FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[])
         AS t(k, d, s, sk, lo, ti, de)
       ON CONFLICT (account_id, dedupe_key) WHERE status <> 'resolved'
       DO UPDATE SET last_seen_at = now(), details = EXCLUDED.details, title = EXCLUDED.title, severity = EXCLUDED.severity
       RETURNING *, (xmax = 0) AS inserted`,
      [
        accountId,
        c.map((x) => x.kind),
        c.map((x) => x.dedupeKey),
        c.map((x) => x.severity),
        c.map((x) => x.sku),
        c.map((x) => x.location),
        c.map((x) => x.title),
        c.map((x) => JSON.stringify(x.details)),
      ],
    );
    const resolved = await sql.query<{ id: number }>(
      `UPDATE alerts SET status = 'resolved', resolved_at = now()
       WHERE account_id = $1 AND status <> 'resolved' AND kind = ANY($2::text[]) AND NOT (dedupe_key = ANY($3::text[])) RETURNING id`,
      [accountId, q.kinds, c.map((x) => x.dedupeKey)],
    );
    const fresh = (opened as (AlertRow & { inserted: boolean })[]).filter((r) => r.inserted);
    return { opened: fresh.map(mapAlert), resolved: resolved.length, ongoing: opened.length - fresh.length };
  },

  async list(
    sql: Sql,
    accountId: number,
    q: {
      status?: AlertStatus | 'active' | undefined;
      kind?: string | undefined;
      limit: number;
      cursor?: string | undefined;
      now: Date;
    },
  ): Promise<Page<AlertRecord> | null> {
    const params: unknown[] = [accountId];
    const page = keyset('id', { cursor: q.cursor, order: 'desc', idColumn: 'id' }, params);
    if (!page) return null;
    const filters: string[] = [];
    if (q.status === 'active') {
      params.push(q.now);
      filters.push(`status <> 'resolved' AND (snoozed_until IS NULL OR snoozed_until <= $${params.length})`);
    } else if (q.status) {
      params.push(q.status);
      filters.push(`status = $${params.length}`);
    }
    if (q.kind) {
      params.push(q.kind);
      filters.push(`kind = $${params.length}`);
    }
    params.push(q.limit + 1);
    const rows = await sql.query<AlertRow>(
      `SELECT * FROM alerts WHERE account_id = $1 AND ${page.where} ${filters.map((f) => `AND ${f}`).join(' ')} ${page.orderBy} LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, { limit: q.limit, sortValue: (r) => r.id }, mapAlert);
  },

  async find(sql: Sql, accountId: number, id: number): Promise<AlertRecord | undefined> {
    return oneAlert(sql, 'SELECT * FROM alerts WHERE account_id = $1 AND id = $2', [accountId, id]);
  },

  async acknowledge(
    sql: Sql,
    accountId: number,
    q: { id: number; userId: number },
  ): Promise<AlertRecord | undefined> {
    return oneAlert(
      sql,
      `UPDATE alerts SET status = CASE WHEN status = 'resolved' THEN status ELSE 'acknowledged' END, acknowledged_at = coalesce(acknowledged_at, now()),
         acknowledged_by = coalesce(acknowledged_by, $3) WHERE account_id = $1 AND id = $2 RETURNING *`,
      [accountId, q.id, q.userId],
    );
  },

  async snooze(
    sql: Sql,
    accountId: number,
    q: { id: number; until: Date },
  ): Promise<AlertRecord | undefined> {
    return oneAlert(
      sql,
      'UPDATE alerts SET snoozed_until = $3 WHERE account_id = $1 AND id = $2 RETURNING *',
      [accountId, q.id, q.until],
    );
  },

  async markNotified(sql: Sql, accountId: number, ids: readonly number[]): Promise<void> {
    await sql.query(
      'UPDATE alerts SET notified_at = now() WHERE account_id = $1 AND id = ANY($2::bigint[])',
      [accountId, ids],
    );
  },

  /** Open, unsnoozed alerts nobody has been told about yet (e.g. a snooze ended, or delivery failed). */
  async pendingNotification(sql: Sql, accountId: number, now: Date): Promise<AlertRecord[]> {
    const rows = await sql.query<AlertRow>(
      `SELECT * FROM alerts WHERE account_id = $1 AND status = 'open' AND notified_at IS NULL
         AND (snoozed_until IS NULL OR snoozed_until <= $2) ORDER BY id LIMIT 500`,
      [accountId, now],
    );
    return rows.map(mapAlert);
  },

  async getSettings(sql: Sql, accountId: number): Promise<NotificationSettingsRecord> {
    const [row] = await sql.query<{
      smtp: NotificationSettingsRecord['smtp'];
      webhook: NotificationSettingsRecord['webhook'];
      alert_recipients: string[];
      updated_at: Date;
    }>(
      'SELECT smtp, webhook, alert_recipients, updated_at FROM notification_settings WHERE account_id = $1',
      [accountId],
    );
    return row
      ? {
          smtp: row.smtp,
          webhook: row.webhook,
          alertRecipients: row.alert_recipients,
          updatedAt: row.updated_at,
        }
      : { smtp: null, webhook: null, alertRecipients: [], updatedAt: null };
  },

  async saveSettings(
    sql: Sql,
    accountId: number,
    s: Omit<NotificationSettingsRecord, 'updatedAt'>,
  ): Promise<NotificationSettingsRecord> {
    const [row] = await sql.query<{
      smtp: NotificationSettingsRecord['smtp'];
      webhook: NotificationSettingsRecord['webhook'];
      alert_recipients: string[];
      updated_at: Date;
    }>(
      `INSERT INTO notification_settings (account_id, smtp, webhook, alert_recipients) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id) DO UPDATE SET smtp = EXCLUDED.smtp, webhook = EXCLUDED.webhook, alert_recipients = EXCLUDED.alert_recipients, updated_at = now()
       RETURNING smtp, webhook, alert_recipients, updated_at`,
      [
        accountId,
        s.smtp ? JSON.stringify(s.smtp) : null,
        s.webhook ? JSON.stringify(s.webhook) : null,
        s.alertRecipients,
      ],
    );
    return {
      smtp: row!.smtp,
      webhook: row!.webhook,
      alertRecipients: row!.alert_recipients,
      updatedAt: row!.updated_at,
    };
  },

  async listReportSchedules(sql: Sql, accountId: number): Promise<ReportScheduleRecord[]> {
    return (
      await sql.query<ScheduleRow>('SELECT * FROM report_schedules WHERE account_id = $1 ORDER BY id', [
        accountId,
      ])
    ).map(mapSchedule);
  },

  async createReportSchedule(
    sql: Sql,
    accountId: number,
    s: { kind: string; format: string; frequency: string; recipients: readonly string[] },
  ): Promise<ReportScheduleRecord | undefined> {
    const [row] = await sql.query<ScheduleRow>(
      `INSERT INTO report_schedules (account_id, kind, format, frequency, recipients) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account_id, kind, format, frequency) DO NOTHING RETURNING *`,
      [accountId, s.kind, s.format, s.frequency, s.recipients],
    );
    return row && mapSchedule(row);
  },

  async deleteReportSchedule(sql: Sql, accountId: number, id: number): Promise<boolean> {
    return (
      (
        await sql.query<{ id: number }>(
          'DELETE FROM report_schedules WHERE account_id = $1 AND id = $2 RETURNING id',
          [accountId, id],
        )
      ).length > 0
    );
  },

  async markReportSent(sql: Sql, accountId: number, q: { id: number; on: string }): Promise<void> {
    await sql.query('UPDATE report_schedules SET last_sent_on = $3 WHERE account_id = $1 AND id = $2', [
      accountId,
      q.id,
      q.on,
    ]);
  },

  /**
   * Unpaid supplier bills (received, not cancelled) due by `asOf` + `withinDays`: due = first receipt day
   * + the order's payment terms; amount = goods + freight.
   */
  async billsDue(sql: Sql, accountId: number, q: { asOf: string; withinDays: number }): Promise<BillFacts[]> {
    return sql.query<BillFacts>(
      `SELECT po.number, ((po.first_received_at AT TIME ZONE 'UTC')::date + po.payment_terms_days)::text AS due,
         po.freight_cost + coalesce((SELECT sum(l.quantity * l.unit_cost) FROM purchase_order_lines l WHERE l.purchase_order_id = po.id), 0) AS amount
       FROM purchase_orders po
       WHERE po.account_id = $1 AND po.paid_at IS NULL AND po.first_received_at IS NOT NULL AND po.status <> 'cancelled'
         AND (po.first_received_at AT TIME ZONE 'UTC')::date + po.payment_terms_days <= $2::date + $3::int`,
      [accountId, q.asOf, q.withinDays],
    );
  },

  async tableExists(sql: Sql, name: string): Promise<boolean> {
    const [row] = await sql.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [name]);
    return Boolean(row?.t);
  },
};
