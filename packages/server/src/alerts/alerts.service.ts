import {
  agingAlerts,
  ALERT_RULES,
  capacityAlert,
  EVALUATED_KINDS,
  ipiAlert,
  supplierBillAlert,
} from '@stockwise/domain/alerts/rules';
import type { AlertSeverity } from '@stockwise/domain/alerts/rules';
import type { PositionFacts } from '@stockwise/domain/alerts/stock-rules';
import { positionAlerts, strandedAlert } from '@stockwise/domain/alerts/stock-rules';
import { DomainError } from '@stockwise/domain/errors';
import { AGE_WARNING_DAYS } from '@stockwise/domain/health/age';
import { skuFactorSums } from '@stockwise/domain/health/factors';
import type { AlertCondition, AlertRecord } from '@stockwise/db/alerts/alerts.repository';
import { alertsRepository } from '@stockwise/db/alerts/alerts.repository';
import type { Sql } from '@stockwise/db/database';
import { healthRepository } from '@stockwise/db/health/health.repository';
import { useReportSettings } from '@stockwise/db/health/product-scope';
import { inventoryAgeRepository } from '@stockwise/db/reports/inventory-age.repository';
import { storageRepository } from '@stockwise/db/reports/storage.repository';
import type { SecretBox } from '../platform/secret-box';
import type { AlertDto, NotificationSettingsUpdate } from './alerts.schema';
import type { ReportKind } from '../reports/reports.schema';
import type { Actor } from '../accounts/actor';
import { auditTrail, requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import type { FeesService } from '../fees/fees.service';
import { todayIso, toSkuInput } from '../health/health.service';
import type { ReportsService } from '../reports/reports.service';
import { mapAlertDto } from './alert-dto';
import { AlertDeliveryService } from './alert-delivery.service';
import { AlertSettingsService } from './alert-settings.service';

/**
 * Where the stock alerts read the plan: every SKU × location's planning position, the one the restock
 * plan shows (docs/formulas.md Planning position).
 */
export interface PositionSource {
  position(actor: Actor, q?: { asOf?: string }): Promise<{ positions: readonly PositionFacts[] }>;
}

const PAGE = 2000;

/**
 * Alerts: the rules of `@stockwise/domain/alerts/rules` evaluated over the whole catalogue (set-based
 * SQL, a page of SKUs at a time), stored once per condition (dedupe key), resolved when they clear,
 * acknowledged or snoozed by users; delivery and notification settings live in their own services.
 */
export class AlertsService {
  private readonly settings: AlertSettingsService;
  private readonly delivery: AlertDeliveryService;

  constructor(
    private readonly tx: Transactor,
    private readonly deps: {
      fees: FeesService;
      reports: ReportsService;
      box: SecretBox;
      planning: PositionSource;
    },
  ) {
    this.settings = new AlertSettingsService(tx, deps.box);
    this.delivery = new AlertDeliveryService(tx, { settings: this.settings, reports: deps.reports });
  }

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
    const schedule = await this.deps.fees.effective(actor, { on: asOf });
    const { positions } = await this.deps.planning.position(actor, { asOf });
    const out = positions.flatMap((p) => positionAlerts(p, { asOf }));
    out.push(...(await this.listingAndAgeConditions(actor, { asOf, schedule })));
    const scheduleOf = this.deps.fees.resolver(actor, asOf);
    for (const c of await storageRepository.capacity(sql, actor.accountId)) {
      // the overage rate of the location's own marketplace table (docs/fees.md, Selection)
      const alert = capacityAlert(c, { asOf, schedule: await scheduleOf(c.marketplace) });
      if (alert) out.push(alert);
    }
    const skipped: string[] = [];
    if (await alertsRepository.tableExists(sql, 'purchase_orders')) {
      const bills = await alertsRepository.billsDue(sql, actor.accountId, {
        asOf,
        withinDays: ALERT_RULES.billDueDays,
      });
      for (const b of bills) out.push(supplierBillAlert(b, { asOf }));
    } else {
      skipped.push('supplier_bill_due');
    }
    const overview = await this.analytic((tx) =>
      healthRepository.overview(tx, actor.accountId, { asOf, top: 0 }),
    );
    const { skus: _n, ...sums } = overview.totals;
    const ipi = ipiAlert(sums, { asOf });
    if (ipi) out.push(ipi);
    return { conditions: out, skipped };
  }

  /** Stranded listings and aging units, a page of SKUs at a time. */
  private async listingAndAgeConditions(
    actor: Actor,
    q: { asOf: string; schedule: Awaited<ReturnType<FeesService['effective']>> },
  ): Promise<AlertCondition[]> {
    const { asOf, schedule } = q;
    const out: AlertCondition[] = [];
    let after: string | undefined;
    for (;;) {
      const rows = await this.analytic((tx) =>
        healthRepository.skuFactorsPage(tx, actor.accountId, { asOf, after, limit: PAGE }),
      );
      for (const r of rows) {
        const { strandedUnits } = skuFactorSums(toSkuInput(r));
        const stranded = strandedAlert({ ...r, strandedUnits }, { asOf });
        if (stranded) out.push(stranded);
      }
      if (rows.length > 0) {
        const range = { after, through: rows[rows.length - 1]!.sku, limit: rows.length };
        const ages = await this.analytic((tx) =>
          inventoryAgeRepository.page(tx, actor.accountId, {
            asOf,
            brackets: schedule.agedSurcharge,
            warnDays: AGE_WARNING_DAYS,
            ...range,
          }),
        );
        for (const a of ages) out.push(...agingAlerts(a, { asOf, schedule }));
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.sku;
    }
    return out;
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
        : await this.delivery.deliverPending(actor, options.now ?? new Date());
    return {
      conditions: conditions.length,
      opened: synced.opened.length,
      ongoing: synced.ongoing,
      resolved: synced.resolved,
      delivered,
      skipped,
    };
  }

  deliverPending(actor: Actor, now: Date): Promise<{ email: number; webhook: number }> {
    return this.delivery.deliverPending(actor, now);
  }

  async list(
    actor: Actor,
    q: {
      status?: 'active' | 'open' | 'acknowledged' | 'resolved' | undefined;
      kind?: string | undefined;
      severity?: AlertSeverity | undefined;
      location?: string | undefined;
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
    return this.change(actor, id, {
      action: 'alert.acknowledge',
      apply: (sql) => alertsRepository.acknowledge(sql, actor.accountId, { id, userId: actor.userId }),
      before: (a) => ({ status: a.status }),
      after: (a) => ({ status: a.status }),
    });
  }

  async snooze(actor: Actor, id: number, until: Date): Promise<AlertDto> {
    requirePermission(actor, 'inventory:write');
    if (until.getTime() <= Date.now())
      throw new DomainError('VALIDATION_FAILED', 'snooze until a time in the future', { field: 'until' });
    return this.change(actor, id, {
      action: 'alert.snooze',
      apply: (sql) => alertsRepository.snooze(sql, actor.accountId, { id, until }),
      before: (a) => ({ snoozedUntil: a.snoozedUntil }),
      after: () => ({ snoozedUntil: until.toISOString() }),
    });
  }

  /** A user's change to one alert, audited with what it touched. */
  private async change(
    actor: Actor,
    id: number,
    c: {
      action: string;
      apply: (sql: Sql) => Promise<AlertRecord | undefined>;
      before: (a: AlertRecord) => unknown;
      after: (a: AlertRecord) => unknown;
    },
  ): Promise<AlertDto> {
    return this.tx.run(async (sql) => {
      const before = await alertsRepository.find(sql, actor.accountId, id);
      if (!before) throw new DomainError('NOT_FOUND', `no alert ${String(id)}`, { field: 'id' });
      const after = await c.apply(sql);
      if (!after) throw new DomainError('NOT_FOUND', `no alert ${String(id)}`, { field: 'id' });
      await auditTrail(sql, actor).record(c.action, ['alert', String(id)], c.before(before), c.after(after));
      return mapAlertDto(after);
    });
  }

  getSettings(actor: Actor) {
    return this.settings.getSettings(actor);
  }

  saveSettings(actor: Actor, input: NotificationSettingsUpdate) {
    return this.settings.saveSettings(actor, input);
  }

  listReportSchedules(actor: Actor) {
    return this.delivery.listReportSchedules(actor);
  }

  createReportSchedule(
    actor: Actor,
    input: { kind: ReportKind; format: 'csv' | 'xlsx'; frequency: 'daily' | 'weekly'; recipients: string[] },
  ) {
    return this.delivery.createReportSchedule(actor, input);
  }

  deleteReportSchedule(actor: Actor, id: number): Promise<void> {
    return this.delivery.deleteReportSchedule(actor, id);
  }

  sendScheduledReports(actor: Actor, day = todayIso()): Promise<number> {
    return this.delivery.sendScheduledReports(actor, day);
  }
}
