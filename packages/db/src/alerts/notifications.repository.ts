import { firstRow, type Sql } from '../database';

/** The SMTP server alerts and reports are sent through (stored with the password sealed; delivered with it open). */
export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

export interface NotificationSettingsRecord {
  smtp: SmtpSettings | null;
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

interface SettingsRow {
  smtp: NotificationSettingsRecord['smtp'];
  webhook: NotificationSettingsRecord['webhook'];
  alert_recipients: string[];
  updated_at: Date;
}

const SETTINGS_COLUMNS = 'smtp, webhook, alert_recipients, updated_at';

const mapSettings = (r: SettingsRow): NotificationSettingsRecord => ({
  smtp: r.smtp,
  webhook: r.webhook,
  alertRecipients: r.alert_recipients,
  updatedAt: r.updated_at,
});

/** Where alerts and scheduled reports go, and the report schedules. */
export const notificationsRepository = {
  async getSettings(sql: Sql, accountId: number): Promise<NotificationSettingsRecord> {
    const [row] = await sql.query<SettingsRow>(
      `SELECT ${SETTINGS_COLUMNS} FROM notification_settings WHERE account_id = $1`,
      [accountId],
    );
    return row ? mapSettings(row) : { smtp: null, webhook: null, alertRecipients: [], updatedAt: null };
  },

  async saveSettings(
    sql: Sql,
    accountId: number,
    s: Omit<NotificationSettingsRecord, 'updatedAt'>,
  ): Promise<NotificationSettingsRecord> {
    const [row] = await sql.query<SettingsRow>(
      `INSERT INTO notification_settings (account_id, smtp, webhook, alert_recipients) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id) DO UPDATE SET smtp = EXCLUDED.smtp, webhook = EXCLUDED.webhook, alert_recipients = EXCLUDED.alert_recipients, updated_at = now()
       RETURNING ${SETTINGS_COLUMNS}`,
      [
        accountId,
        s.smtp ? JSON.stringify(s.smtp) : null,
        s.webhook ? JSON.stringify(s.webhook) : null,
        s.alertRecipients,
      ],
    );
    return mapSettings(row!);
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
    return firstRow(
      sql,
      `INSERT INTO report_schedules (account_id, kind, format, frequency, recipients) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account_id, kind, format, frequency) DO NOTHING RETURNING *`,
      [accountId, s.kind, s.format, s.frequency, s.recipients],
      mapSchedule,
    );
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
};
