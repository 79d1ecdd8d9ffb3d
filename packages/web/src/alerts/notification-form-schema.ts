import type { NotificationSettings, NotificationSettingsUpdate } from './notifications.hooks';
import { recipientsOf } from '../lib/recipients';

export interface NotificationForm {
  emailOn: boolean;
  host: string;
  port: number;
  secure: boolean;
  user: string;
  /** Blank keeps the stored password. */
  password: string;
  from: string;
  /** One address per line (or separated by commas). */
  recipients: string;
  webhookOn: boolean;
  url: string;
  /** Blank keeps the stored secret (or, for a new webhook, asks the server for one). */
  secret: string;
}

export function notificationFormOf(s: NotificationSettings): NotificationForm {
  return {
    emailOn: s.smtp !== null,
    host: s.smtp?.host ?? '',
    port: s.smtp?.port ?? 587,
    secure: s.smtp?.secure ?? false,
    user: s.smtp?.user ?? '',
    password: '',
    from: s.smtp?.from ?? '',
    recipients: s.alertRecipients.join('\n'),
    webhookOn: s.webhook !== null,
    url: s.webhook?.url ?? '',
    secret: '',
  };
}

export function notificationUpdateOf(f: NotificationForm): NotificationSettingsUpdate {
  return {
    smtp: f.emailOn
      ? {
          host: f.host.trim(),
          port: f.port,
          secure: f.secure,
          user: f.user.trim() || null,
          ...(f.password ? { password: f.password } : {}),
          from: f.from.trim(),
        }
      : null,
    webhook: f.webhookOn ? { url: f.url.trim(), ...(f.secret ? { secret: f.secret } : {}) } : null,
    alertRecipients: recipientsOf(f.recipients),
  };
}
