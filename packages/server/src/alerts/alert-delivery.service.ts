import { DomainError } from '@stockwise/domain/errors';
import { alertsRepository } from '@stockwise/db/alerts/alerts.repository';
import { notificationsRepository } from '@stockwise/db/alerts/notifications.repository';
import type { Actor } from '../accounts/actor';
import { auditTrail, requirePermission } from '../accounts/actor';
import type { ReportKind } from '../reports/reports.schema';
import { todayIso } from '../health/health.service';
import { postWebhook, sendEmail } from '../platform/delivery';
import type { Transactor } from '../platform/transactor';
import { reportBuffer } from '../reports/report-writers';
import type { ReportsService } from '../reports/reports.service';
import { mapAlertDto } from './alert-dto';
import type { AlertSettingsService } from './alert-settings.service';

/** Delivery: new alerts by e-mail digest and signed webhook, and scheduled reports by e-mail. */
export class AlertDeliveryService {
  constructor(
    private readonly tx: Transactor,
    private readonly deps: { settings: AlertSettingsService; reports: ReportsService },
  ) {}

  /**
   * Sends open, unsnoozed alerts nobody was told about: one e-mail digest and one webhook call.
   * Marked notified only when every configured channel took them, so a failed delivery is retried.
   */
  async deliverPending(actor: Actor, now: Date): Promise<{ email: number; webhook: number }> {
    const pending = await alertsRepository.pendingNotification(this.tx.sql, actor.accountId, now);
    if (pending.length === 0) return { email: 0, webhook: 0 };
    const settings = await this.deps.settings.withSecrets(actor);
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

  async listReportSchedules(actor: Actor) {
    requirePermission(actor, 'read');
    return (await notificationsRepository.listReportSchedules(this.tx.sql, actor.accountId)).map((s) => ({
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
      const created = await notificationsRepository.createReportSchedule(sql, actor.accountId, input);
      if (!created)
        throw new DomainError(
          'DUPLICATE',
          `a ${input.frequency} ${input.kind} ${input.format} report is already scheduled`,
          { field: 'kind' },
        );
      await auditTrail(sql, actor).record(
        'report_schedule.create',
        ['report_schedule', String(created.id)],
        null,
        created,
      );
      return { ...created, createdAt: created.createdAt.toISOString() };
    });
  }

  async deleteReportSchedule(actor: Actor, id: number): Promise<void> {
    requirePermission(actor, 'catalog:write');
    await this.tx.run(async (sql) => {
      if (!(await notificationsRepository.deleteReportSchedule(sql, actor.accountId, id)))
        throw new DomainError('NOT_FOUND', `no report schedule ${String(id)}`, { field: 'id' });
      await auditTrail(sql, actor).record(
        'report_schedule.delete',
        ['report_schedule', String(id)],
        null,
        null,
      );
    });
  }

  /** Sends the reports due today (daily, or weekly on Mondays) by e-mail, each once a day. */
  async sendScheduledReports(actor: Actor, day = todayIso()): Promise<number> {
    const schedules = await notificationsRepository.listReportSchedules(this.tx.sql, actor.accountId);
    const settings = await this.deps.settings.withSecrets(actor);
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
        notificationsRepository.markReportSent(sql, actor.accountId, { id: s.id, on: day }),
      );
      sent++;
    }
    return sent;
  }
}
