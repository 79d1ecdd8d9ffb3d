import { columnArrays } from '../bulk';
import { firstRow, type Sql } from '../database';
import type { Page } from '../pagination';
import { decodeCursor, encodeCursor, pageLimit } from '../pagination';
import { Conditions } from '../sql-conditions';

import type { AlertCondition, AlertSeverity, BillFacts } from '@stockwise/domain/alerts/rules';
import { ALERT_SEVERITIES } from '@stockwise/domain/alerts/rules';

export type { AlertCondition, AlertSeverity } from '@stockwise/domain/alerts/rules';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

/** A stored alert (its kind as stored: the service checks it against the rules' kinds). */
export interface AlertRecord extends Omit<AlertCondition, 'kind'> {
  kind: string;
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

/** The columns named as the condition's fields, then the snake_case rest. */
interface AlertRow extends Pick<
  AlertCondition,
  'severity' | 'sku' | 'location' | 'title' | 'params' | 'details'
> {
  id: number;
  kind: string;
  dedupe_key: string;
  urgent_on: string | null;
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
  params: r.params,
  details: r.details,
  urgentOn: r.urgent_on,
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
  return firstRow(sql, text, params, mapAlert);
}

/** Where undated alerts sort: after every dated one (docs/formulas.md Alerts, `compareAlerts`). */
const UNDATED = '9999-12-31';

export interface AlertListQuery {
  status?: AlertStatus | 'active' | undefined;
  kind?: string | undefined;
  severity?: AlertSeverity | undefined;
  location?: string | undefined;
  limit: number;
  cursor?: string | undefined;
  now: Date;
}

/** The list's filters as SQL (parameters appended to `params`). */
function listFilters(q: AlertListQuery, params: unknown[]): Conditions {
  const filters = new Conditions(params);
  if (q.status === 'active')
    filters.add(`status <> 'resolved' AND (snoozed_until IS NULL OR snoozed_until <= ?)`, q.now);
  else if (q.status) filters.add('status = ?', q.status);
  if (q.kind) filters.add('kind = ?', q.kind);
  if (q.severity) filters.add('severity = ?', q.severity);
  if (q.location) filters.add('location = ?', q.location);
  return filters;
}

export const alertsRepository = {
  /**
   * Records the conditions that hold now, once each: a new condition opens an alert (returned in
   * `opened`), one already open only gets `last_seen_at` and today's figures. Open alerts of the
   * evaluated kinds whose condition no longer holds are resolved.
   */
  async sync(
    sql: Sql,
    accountId: number,
    q: { kinds: readonly string[]; conditions: readonly AlertCondition[] },
  ): Promise<{ opened: AlertRecord[]; resolved: number; ongoing: number }> {
    const c = q.conditions;
    const opened = await sql.query<AlertRow>(
      `INSERT INTO alerts (account_id, kind, dedupe_key, severity, sku, location, title, params, details, urgent_on)
       SELECT $1, k, d, s, sk, lo, ti, pa, de, ur FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::jsonb[], $9::jsonb[], $10::date[]) AS t(k, d, s, sk, lo, ti, pa, de, ur)
       ON CONFLICT (account_id, dedupe_key) WHERE status <> 'resolved'
       DO UPDATE SET last_seen_at = now(), details = EXCLUDED.details, params = EXCLUDED.params, title = EXCLUDED.title,
         severity = EXCLUDED.severity, urgent_on = EXCLUDED.urgent_on
       RETURNING *, (xmax = 0) AS inserted`,
      [
        accountId,
        ...columnArrays(c, ['kind', 'dedupeKey', 'severity', 'sku', 'location', 'title']),
        c.map((x) => JSON.stringify(x.params)),
        c.map((x) => JSON.stringify(x.details)),
        c.map((x) => x.urgentOn),
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

  /**
   * A page of alerts in the list's order (docs/formulas.md Alerts: severity, then urgency with undated
   * last, then id), filtered; the cursor carries the last row's three sort keys. Null for a bad cursor.
   */
  async list(sql: Sql, accountId: number, q: AlertListQuery): Promise<Page<AlertRecord> | null> {
    const params: unknown[] = [accountId, ALERT_SEVERITIES, UNDATED];
    const rank = 'array_position($2::text[], severity)';
    const due = 'coalesce(urgent_on, $3::date)';
    const filters = listFilters(q, params);
    if (q.cursor) {
      const cursor = decodeCursor(q.cursor);
      const [r, d] = typeof cursor?.v === 'string' ? cursor.v.split('|') : [];
      if (!cursor || !/^\d+$/.test(r ?? '') || !/^\d{4}-\d{2}-\d{2}$/.test(d ?? '')) return null;
      params.push(Number(r), d, cursor.id);
      const n = params.length;
      filters.clauses.push(`(${rank}, ${due}, id) > ($${n - 2}::int, $${n - 1}::date, $${n}::bigint)`);
    }
    const rows = await sql.query<AlertRow & { sort_rank: number; sort_on: string }>(
      `SELECT *, ${rank} AS sort_rank, ${due}::text AS sort_on FROM alerts
       WHERE account_id = $1${filters.and()}
       ORDER BY ${rank}, ${due}, id ${pageLimit(params, q.limit)}`,
      params,
    );
    const more = rows.length > q.limit;
    const items = more ? rows.slice(0, q.limit) : rows;
    const last = items[items.length - 1];
    return {
      items: items.map(mapAlert),
      nextCursor:
        more && last ? encodeCursor({ v: `${String(last.sort_rank)}|${last.sort_on}`, id: last.id }) : null,
    };
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
