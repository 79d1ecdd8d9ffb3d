import { randomBytes } from 'node:crypto';
import { notificationsRepository } from '@stockwise/db/alerts/notifications.repository';
import type { Actor } from '../accounts/actor';
import { auditTrail, requirePermission } from '../accounts/actor';
import type { NotificationSettingsUpdate } from './alerts.schema';
import { SIGNATURE_HEADER } from '../platform/delivery';
import { assertPublicTarget } from '../platform/outbound-url';
import type { SecretBox } from '../platform/secret-box';
import type { Transactor } from '../platform/transactor';

/** Where alerts and scheduled reports go: SMTP, a signed webhook and the recipients; secrets sealed at rest. */
export class AlertSettingsService {
  constructor(
    private readonly tx: Transactor,
    private readonly box: SecretBox,
  ) {}

  /** Settings with the secrets opened, for delivery. */
  async withSecrets(actor: Actor) {
    const s = await notificationsRepository.getSettings(this.tx.sql, actor.accountId);
    return {
      ...s,
      smtp: s.smtp ? { ...s.smtp, password: s.smtp.password ? this.box.open(s.smtp.password) : null } : null,
      webhook: s.webhook ? { url: s.webhook.url, secret: this.box.open(s.webhook.secret) } : null,
    };
  }

  /** Settings as the API shows them: secrets only as "set". */
  async getSettings(actor: Actor) {
    requirePermission(actor, 'read');
    const s = await notificationsRepository.getSettings(this.tx.sql, actor.accountId);
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
  ): Promise<Awaited<ReturnType<AlertSettingsService['getSettings']>> & { webhookSecret?: string }> {
    requirePermission(actor, 'catalog:write');
    if (input.smtp) await assertPublicTarget(input.smtp.host, { field: 'smtp.host' });
    if (input.webhook) await assertPublicTarget(input.webhook.url, { field: 'webhook.url' });
    let generated: string | undefined;
    await this.tx.run(async (sql) => {
      const current = await notificationsRepository.getSettings(sql, actor.accountId);
      let smtp = current.smtp;
      if (input.smtp === null) smtp = null;
      else if (input.smtp) {
        const password =
          input.smtp.password === undefined
            ? (current.smtp?.password ?? null)
            : input.smtp.password === null
              ? null
              : this.box.seal(input.smtp.password);
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
          input.webhook.secret === undefined ? current.webhook?.secret : this.box.seal(input.webhook.secret);
        if (!secret) {
          generated = `whsec_${randomBytes(24).toString('base64url')}`;
          secret = this.box.seal(generated);
        }
        webhook = { url: input.webhook.url, secret };
      }
      await notificationsRepository.saveSettings(sql, actor.accountId, {
        smtp,
        webhook,
        alertRecipients: input.alertRecipients ?? current.alertRecipients,
      });
      await auditTrail(sql, actor).record(
        'alerts.settings',
        ['notification_settings', String(actor.accountId)],
        null,
        {
          smtpHost: smtp?.host ?? null,
          webhookUrl: webhook?.url ?? null,
          recipients: input.alertRecipients ?? current.alertRecipients,
        },
      );
    });
    return { ...(await this.getSettings(actor)), ...(generated ? { webhookSecret: generated } : {}) };
  }
}
