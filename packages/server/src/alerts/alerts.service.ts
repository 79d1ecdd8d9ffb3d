import { randomBytes } from 'node:crypto';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { DomainError } from '@stockwise/domain/errors';
import { agedSurcharge, capacityOverageFee } from '@stockwise/domain/fees/fee-schedule';
import { daysOfSupply, factorsFromSums } from '@stockwise/domain/health/factors';
import { IPI_WARNING_THRESHOLD, ipiProxy } from '@stockwise/domain/health/ipi';
import type { AlertCondition, AlertRecord } from '@stockwise/db/alerts/alerts.repository';
import { alertsRepository } from '@stockwise/db/alerts/alerts.repository';
import { auditRepository } from '@stockwise/db/accounts/audit.repository';
import type { Sql } from '@stockwise/db/database';
import { healthRepository } from '@stockwise/db/health/health.repository';
import { useReportSettings } from '@stockwise/db/health/product-scope';
import { inventoryAgeRepository } from '@stockwise/db/reports/inventory-age.repository';
import { storageRepository } from '@stockwise/db/reports/storage.repository';
import type { SecretBox } from '../platform/secret-box';
import type { AlertDto, NotificationSettingsUpdate } from './alerts.schema';
import type { ReportKind } from '../reports/reports.schema';
import { AlertSchema } from './alerts.schema';
import type { Actor } from '../accounts/actor';
import { auditActor, requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import { postWebhook, sendEmail, SIGNATURE_HEADER } from '../platform/delivery';
import type { FeesService } from '../fees/fees.service';
import { todayIso } from '../health/health.service';
import type { ReportsService } from '../reports/reports.service';
import { reportBuffer } from '../reports/report-writers';

/** Thresholds of the alert rules (docs/formulas.md cover band; a default supplier lead time until replenishment knows better). */
export const ALERT_RULES = {
  /** Low stock below 4 weeks of supply (the cover band's lower edge). */
  lowStockDays: 28,
  /** Reorder now when days of supply (available + inbound) < this lead time. */
  leadTimeDays: 45,
  /** Age warnings this many days before a threshold. */
  ageWarnDays: 30,
  /** Supplier bills due within this many days (or overdue). */
  billDueDays: 7,
} as const;

const PAGE = 2000;

export function mapAlertDto(a: AlertRecord): AlertDto {
  return {
    id: a.id,
    kind: AlertSchema.shape.kind.parse(a.kind),
    severity: a.severity,
    sku: a.sku,
    location: a.location,
    title: a.title,
    details: a.details,
    status: a.status,
    snoozedUntil: a.snoozedUntil?.toISOString() ?? null,
    firstSeenAt: a.firstSeenAt.toISOString(),
    lastSeenAt: a.lastSeenAt.toISOString(),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    notifiedAt: a.notifiedAt?.toISOString() ?? null,
  };
}

const EVALUATED_KINDS = [
  'low_stock',
  'stock_out',
  'reorder_now',
  'aging',
  'excess',
  'stranded',
  'capacity',
  'supplier_bill_due',
  'ipi_low',
];

/**
 * Alerts: conditions evaluated over the whole catalogue (set-based SQL, a page of SKUs at a time),
 * stored once per condition (dedupe key), resolved when they clear, acknowledged or snoozed by users,
 * and delivered once by e-mail and signed webhook.
 */
export class AlertsService {
  constructor(
    private readonly tx: Transactor,
    private readonly deps: { fees: FeesService; reports: ReportsService; box: SecretBox },
  ) {}

  /** A health statement in its own short transaction (or the caller's) with the report settings. */
  private analytic<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.tx.run(async (sql) => {
      await useReportSettings(sql);
      return fn(sql);
    });
  }

  /** The conditions that hold on `asOf`. */
  async conditions(actor: Actor, asOf: string): Promise<{ conditions: AlertCondition[]; skipped: string[] }> {
    const sql = this.tx.sql;
    const out: AlertCondition[] = [];
    const skipped: string[] = [];
    const asOfDay = parseIsoDate(asOf);
    const schedule = await this.deps.fees.effective(actor, { on: asOf });
    let after: string | undefined;
    for (;;) {
      const rows = await this.analytic((tx) =>
        healthRepository.skuFactorsPage(tx, actor.accountId, { asOf, after, limit: PAGE }),
      );
      for (const r of rows) {
        const available = r.onHand - r.reserved;
        const dos = daysOfSupply({ available, inbound: 0, dailyDemand: r.dailyDemand });
        const dosWithInbound = daysOfSupply({ available, inbound: r.inbound, dailyDemand: r.dailyDemand });
        const sku = r.sku;
        if (r.replenishable && r.dailyDemand > 0) {
          if (available <= 0) {
            out.push({
              kind: 'stock_out',
              dedupeKey: `stock_out:${sku}`,
              severity: 'critical',
              sku,
              location: null,
              title: `${sku} is out of stock`,
              details: {
                dailyDemand: round(r.dailyDemand, 3),
                inbound: r.inbound,
                lostUnitsPerDay: round(r.dailyDemand, 2),
              },
            });
          } else if (dos !== null && dos < ALERT_RULES.lowStockDays) {
            const stockOut = isoDate(asOfDay + Math.floor(dos));
            out.push({
              kind: 'low_stock',
              dedupeKey: `low_stock:${sku}`,
              severity: 'warning',
              sku,
              location: null,
              title: `${sku}: ${String(Math.floor(dos))} days of stock left, out on ${stockOut}`,
              details: {
                available,
                daysOfSupply: round(dos, 1),
                projectedStockOut: stockOut,
                dailyDemand: round(r.dailyDemand, 3),
              },
            });
          }
          if (dosWithInbound !== null && dosWithInbound < ALERT_RULES.leadTimeDays) {
            const suggested = Math.max(
              0,
              Math.ceil(r.dailyDemand * (ALERT_RULES.leadTimeDays + 30) - available - r.inbound),
            );
            out.push({
              kind: 'reorder_now',
              dedupeKey: `reorder_now:${sku}`,
              severity: 'warning',
              sku,
              location: null,
              title: `Reorder ${sku} now: ${String(Math.floor(dosWithInbound))} days of supply, lead time ${String(ALERT_RULES.leadTimeDays)}`,
              details: {
                daysOfSupply: round(dosWithInbound, 1),
                leadTimeDays: ALERT_RULES.leadTimeDays,
                suggestedQuantity: suggested,
                projectedStockOut: isoDate(asOfDay + Math.floor(dosWithInbound)),
              },
            });
          }
        }
        if (r.excessUnits > 0) {
          out.push({
            kind: 'excess',
            dedupeKey: `excess:${sku}`,
            severity: 'info',
            sku,
            location: null,
            title: `${sku}: ${String(r.excessUnits)} units above 90 days of supply`,
            details: { excessUnits: r.excessUnits, daysOfSupply: dos === null ? null : round(dos, 0) },
          });
        }
        if (r.listingStatus !== 'active' && r.onHand > 0) {
          out.push({
            kind: 'stranded',
            dedupeKey: `stranded:${sku}`,
            severity: 'warning',
            sku,
            location: null,
            title: `${sku}: ${String(r.onHand)} units stranded (listing ${r.listingStatus})`,
            details: { units: r.onHand, listingStatus: r.listingStatus },
          });
        }
      }
      if (rows.length > 0) {
        const range = { after, through: rows[rows.length - 1]!.sku, limit: rows.length };
        const ages = await this.analytic((tx) =>
          inventoryAgeRepository.page(tx, actor.accountId, {
            asOf,
            brackets: schedule.agedSurcharge,
            warnDays: ALERT_RULES.ageWarnDays,
            ...range,
          }),
        );
        for (const a of ages) {
          for (const w of a.approaching) {
            const chargedAt = w.threshold === 91 ? (schedule.agedSurcharge[0]?.minDays ?? 181) : w.threshold;
            const atStake =
              a.locationType === 'amazon_fba'
                ? agedSurcharge(schedule, { ageDays: chargedAt, cubicFeet: a.cubicFeet ?? 0, units: w.units })
                : 0;
            out.push({
              kind: 'aging',
              dedupeKey: `aging:${a.sku}:${a.location}:${String(w.threshold)}`,
              severity: w.threshold === 91 ? 'info' : 'warning',
              sku: a.sku,
              location: a.location,
              title: `${a.sku} at ${a.location}: ${String(w.units)} units reach ${String(w.threshold)} days on ${isoDate(asOfDay + w.daysUntil)}`,
              details: {
                units: w.units,
                threshold: w.threshold,
                daysUntil: w.daysUntil,
                date: isoDate(asOfDay + w.daysUntil),
                monthlySurchargeAtStake: round(atStake, 2),
              },
            });
          }
        }
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.sku;
    }
    for (const c of await storageRepository.capacity(sql, actor.accountId)) {
      const limit = c.limits[c.storageType];
      if (limit === undefined) continue;
      const over = [c.usedCubicFeet, c.projected30, c.projected60].findIndex((v) => v > limit);
      if (over < 0) continue;
      const used = [c.usedCubicFeet, c.projected30, c.projected60][over]!;
      out.push({
        kind: 'capacity',
        dedupeKey: `capacity:${c.location}:${c.storageType}`,
        severity: over === 0 ? 'critical' : 'warning',
        sku: null,
        location: c.location,
        title: `${c.location} ${c.storageType}: ${over === 0 ? 'over' : `projected over in ${String(over * 30)} days`} its ${String(limit)} cu ft limit`,
        details: {
          limitCubicFeet: limit,
          usedCubicFeet: round(c.usedCubicFeet, 2),
          projected30: round(c.projected30, 2),
          projected60: round(c.projected60, 2),
          overageFee: round(capacityOverageFee(schedule, { usedCubicFeet: used, limitCubicFeet: limit }), 2),
        },
      });
    }
    if (await alertsRepository.tableExists(sql, 'purchase_orders')) {
      const bills = await sql.query<{ number: string; due: string; amount: number | null }>(
        `SELECT po.number, ((po.first_received_at AT TIME ZONE 'UTC')::date + po.payment_terms_days)::text AS due,
           po.freight_cost + coalesce((SELECT sum(l.quantity * l.unit_cost) FROM purchase_order_lines l WHERE l.purchase_order_id = po.id), 0) AS amount
         FROM purchase_orders po
         WHERE po.account_id = $1 AND po.paid_at IS NULL AND po.first_received_at IS NOT NULL AND po.status <> 'cancelled'
           AND (po.first_received_at AT TIME ZONE 'UTC')::date + po.payment_terms_days <= $2::date + $3::int`,
        [actor.accountId, asOf, ALERT_RULES.billDueDays],
      );
      for (const b of bills) {
        const overdue = b.due < asOf;
        out.push({
          kind: 'supplier_bill_due',
          dedupeKey: `supplier_bill_due:${b.number}`,
          severity: overdue ? 'critical' : 'warning',
          sku: null,
          location: null,
          title: `Purchase order ${b.number}: bill ${overdue ? 'overdue since' : 'due'} ${b.due}`,
          details: { purchaseOrder: b.number, due: b.due, amount: round(b.amount ?? 0, 2) },
        });
      }
    } else {
      skipped.push('supplier_bill_due');
    }
    const overview = await this.analytic((tx) =>
      healthRepository.overview(tx, actor.accountId, { asOf, top: 0 }),
    );
    const { skus: _n, ...sums } = overview.totals;
    const proxy = ipiProxy(factorsFromSums(sums));
    if (overview.totals.totalUnits > 0 && proxy.score < IPI_WARNING_THRESHOLD) {
      out.push({
        kind: 'ipi_low',
        dedupeKey: 'ipi_low',
        severity: 'critical',
        sku: null,
        location: null,
        title: `IPI proxy ${String(proxy.score)} is below ${String(IPI_WARNING_THRESHOLD)}: Amazon limits storage`,
        details: { score: proxy.score },
      });
    }
    return { conditions: out, skipped };
  }

  /** Evaluates every rule, records each condition once, resolves cleared ones, and delivers what is new. */
  async evaluate(actor: Actor, options: { asOf?: string; deliver?: boolean; now?: Date } = {}) {
    requirePermission(actor, 'inventory:write');
    const asOf = options.asOf ?? todayIso();
    const { conditions, skipped } = await this.conditions(actor, asOf);
    const synced = await this.tx.run((sql) =>
      alertsRepository.sync(sql, actor.accountId, { kinds: EVALUATED_KINDS, conditions }),
    );
    const delivered =
      options.deliver === false
        ? { email: 0, webhook: 0 }
        : await this.deliverPending(actor, options.now ?? new Date());
    return {
      conditions: conditions.length,
      opened: synced.opened.length,
      ongoing: synced.ongoing,
      resolved: synced.resolved,
      delivered,
      skipped,
    };
  }

  /**
   * Sends open, unsnoozed alerts nobody was told about: one e-mail digest and one webhook call.
   * Marked notified only when every configured channel took them, so a failed delivery is retried.
   */
  async deliverPending(actor: Actor, now: Date): Promise<{ email: number; webhook: number }> {
    const pending = await alertsRepository.pendingNotification(this.tx.sql, actor.accountId, now);
    if (pending.length === 0) return { email: 0, webhook: 0 };
    const settings = await this.settingsWithSecrets(actor);
    let email = 0;
    let webhook = 0;
    if (settings.smtp && settings.alertRecipients.length > 0) {
      const lines = pending.map((a) => `[${a.severity}] ${a.title}`);
      await sendEmail(settings.smtp, {
        to: settings.alertRecipients,
        subject: `Stockwise: ${String(pending.length)} new alert${pending.length === 1 ? '' : 's'}`,
        text: `${lines.join('\n')}\n\nAcknowledge or snooze them in Stockwise (Alerts).\n`,
      });
      email = pending.length;
    }
    if (settings.webhook) {
      await postWebhook(settings.webhook, { event: 'alerts.opened', alerts: pending.map(mapAlertDto) }, now);
      webhook = pending.length;
    }
    if (email > 0 || webhook > 0)
      await this.tx.run((sql) =>
        alertsRepository.markNotified(
          sql,
          actor.accountId,
          pending.map((a) => a.id),
        ),
      );
    return { email, webhook };
  }

  async list(
    actor: Actor,
    q: {
      status?: 'active' | 'open' | 'acknowledged' | 'resolved' | undefined;
      kind?: string | undefined;
      limit: number;
      cursor?: string | undefined;
    },
  ) {
    requirePermission(actor, 'read');
    const page = await alertsRepository.list(this.tx.sql, actor.accountId, { ...q, now: new Date() });
    if (!page) throw new DomainError('VALIDATION_FAILED', 'cursor is not valid', { field: 'cursor' });
    return { items: page.items.map(mapAlertDto), nextCursor: page.nextCursor };
  }

  async acknowledge(actor: Actor, id: number): Promise<AlertDto> {
    requirePermission(actor, 'inventory:write');
    return this.tx.run(async (sql) => {
      const before = await alertsRepository.find(sql, actor.accountId, id);
      if (!before) throw new DomainError('NOT_FOUND', `no alert ${String(id)}`, { field: 'id' });
      const after = await alertsRepository.acknowledge(sql, actor.accountId, { id, userId: actor.userId });
      await auditRepository.record(sql, {
        ...auditActor(actor),
        action: 'alert.acknowledge',
        entityType: 'alert',
        entityId: String(id),
        before: { status: before.status },
        after: { status: after!.status },
      });
      return mapAlertDto(after!);
    });
  }

  async snooze(actor: Actor, id: number, until: Date): Promise<AlertDto> {
    requirePermission(actor, 'inventory:write');
    if (until.getTime() <= Date.now())
      throw new DomainError('VALIDATION_FAILED', 'snooze until a time in the future', { field: 'until' });
    return this.tx.run(async (sql) => {
      const before = await alertsRepository.find(sql, actor.accountId, id);
      if (!before) throw new DomainError('NOT_FOUND', `no alert ${String(id)}`, { field: 'id' });
      const after = await alertsRepository.snooze(sql, actor.accountId, { id, until });
      await auditRepository.record(sql, {
        ...auditActor(actor),
        action: 'alert.snooze',
        entityType: 'alert',
        entityId: String(id),
        before: { snoozedUntil: before.snoozedUntil },
        after: { snoozedUntil: until.toISOString() },
      });
      return mapAlertDto(after!);
    });
  }

  private async settingsWithSecrets(actor: Actor) {
    const s = await alertsRepository.getSettings(this.tx.sql, actor.accountId);
    return {
      ...s,
      smtp: s.smtp
        ? { ...s.smtp, password: s.smtp.password ? this.deps.box.open(s.smtp.password) : null }
        : null,
      webhook: s.webhook ? { url: s.webhook.url, secret: this.deps.box.open(s.webhook.secret) } : null,
    };
  }

  /** Settings as the API shows them: secrets only as "set". */
  async getSettings(actor: Actor) {
    requirePermission(actor, 'read');
    const s = await alertsRepository.getSettings(this.tx.sql, actor.accountId);
    return {
      smtp: s.smtp
        ? {
            host: s.smtp.host,
            port: s.smtp.port,
            secure: s.smtp.secure,
            user: s.smtp.user,
            from: s.smtp.from,
            passwordSet: s.smtp.password !== null,
          }
        : null,
      webhook: s.webhook ? { url: s.webhook.url, secretSet: true, signatureHeader: SIGNATURE_HEADER } : null,
      alertRecipients: s.alertRecipients,
      updatedAt: s.updatedAt?.toISOString() ?? null,
    };
  }

  /** Saves SMTP/webhook settings; secrets are sealed at rest, and kept when omitted. A new webhook without a secret gets one. */
  async saveSettings(
    actor: Actor,
    input: NotificationSettingsUpdate,
  ): Promise<Awaited<ReturnType<AlertsService['getSettings']>> & { webhookSecret?: string }> {
    requirePermission(actor, 'catalog:write');
    let generated: string | undefined;
    await this.tx.run(async (sql) => {
      const current = await alertsRepository.getSettings(sql, actor.accountId);
      let smtp = current.smtp;
      if (input.smtp === null) smtp = null;
      else if (input.smtp) {
        const password =
          input.smtp.password === undefined
            ? (current.smtp?.password ?? null)
            : input.smtp.password === null
              ? null
              : this.deps.box.seal(input.smtp.password);
        smtp = {
          host: input.smtp.host,
          port: input.smtp.port,
          secure: input.smtp.secure,
          user: input.smtp.user,
          password,
          from: input.smtp.from,
        };
      }
      let webhook = current.webhook;
      if (input.webhook === null) webhook = null;
      else if (input.webhook) {
        let secret =
          input.webhook.secret === undefined
            ? current.webhook?.secret
            : this.deps.box.seal(input.webhook.secret);
        if (!secret) {
          generated = `whsec_${randomBytes(24).toString('base64url')}`;
          secret = this.deps.box.seal(generated);
        }
        webhook = { url: input.webhook.url, secret };
      }
      await alertsRepository.saveSettings(sql, actor.accountId, {
        smtp,
        webhook,
        alertRecipients: input.alertRecipients ?? current.alertRecipients,
      });
      await auditRepository.record(sql, {
        ...auditActor(actor),
        action: 'alerts.settings',
        entityType: 'notification_settings',
        entityId: String(actor.accountId),
        before: null,
        after: {
          smtpHost: smtp?.host ?? null,
          webhookUrl: webhook?.url ?? null,
          recipients: input.alertRecipients ?? current.alertRecipients,
        },
      });
    });
    return { ...(await this.getSettings(actor)), ...(generated ? { webhookSecret: generated } : {}) };
  }

  async listReportSchedules(actor: Actor) {
    requirePermission(actor, 'read');
    return (await alertsRepository.listReportSchedules(this.tx.sql, actor.accountId)).map((s) => ({
      ...s,
      createdAt: s.createdAt.toISOString(),
    }));
  }

  async createReportSchedule(
    actor: Actor,
    input: { kind: ReportKind; format: 'csv' | 'xlsx'; frequency: 'daily' | 'weekly'; recipients: string[] },
  ) {
    requirePermission(actor, 'catalog:write');
    return this.tx.run(async (sql) => {
      const created = await alertsRepository.createReportSchedule(sql, actor.accountId, input);
      if (!created)
        throw new DomainError(
          'DUPLICATE',
          `a ${input.frequency} ${input.kind} ${input.format} report is already scheduled`,
          { field: 'kind' },
        );
      await auditRepository.record(sql, {
        ...auditActor(actor),
        action: 'report_schedule.create',
        entityType: 'report_schedule',
        entityId: String(created.id),
        before: null,
        after: created,
      });
      return { ...created, createdAt: created.createdAt.toISOString() };
    });
  }

  async deleteReportSchedule(actor: Actor, id: number): Promise<void> {
    requirePermission(actor, 'catalog:write');
    await this.tx.run(async (sql) => {
      if (!(await alertsRepository.deleteReportSchedule(sql, actor.accountId, id)))
        throw new DomainError('NOT_FOUND', `no report schedule ${String(id)}`, { field: 'id' });
      await auditRepository.record(sql, {
        ...auditActor(actor),
        action: 'report_schedule.delete',
        entityType: 'report_schedule',
        entityId: String(id),
        before: null,
        after: null,
      });
    });
  }

  /** Sends the reports due today (daily, or weekly on Mondays) by e-mail, each once a day. */
  async sendScheduledReports(actor: Actor, day = todayIso()): Promise<number> {
    const schedules = await alertsRepository.listReportSchedules(this.tx.sql, actor.accountId);
    const settings = await this.settingsWithSecrets(actor);
    if (!settings.smtp) return 0;
    let sent = 0;
    const monday = new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
    for (const s of schedules) {
      if (s.lastSentOn === day || (s.frequency === 'weekly' && !monday)) continue;
      const kind = s.kind as ReportKind;
      const params = this.deps.reports.params({ asOf: day });
      const { columns, rows } = await this.deps.reports.stream(actor, kind, params);
      const content = await reportBuffer(s.format, { sheet: kind, columns }, rows);
      await sendEmail(settings.smtp, {
        to: s.recipients,
        subject: `Stockwise ${kind} report ${day}`,
        text: `Your ${s.frequency} ${kind} report as of ${day} is attached.\n`,
        attachments: [
          {
            filename: `stockwise-${kind}-${day}.${s.format}`,
            content,
            contentType:
              s.format === 'csv'
                ? 'text/csv'
                : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          },
        ],
      });
      await this.tx.run((sql) =>
        alertsRepository.markReportSent(sql, actor.accountId, { id: s.id, on: day }),
      );
      sent++;
    }
    return sent;
  }
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
