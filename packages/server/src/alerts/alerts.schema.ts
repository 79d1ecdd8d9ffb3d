import { z } from '@hono/zod-openapi';
import { ALERT_SEVERITIES, EVALUATED_KINDS } from '@stockwise/domain/alerts/rules';
import {
  EmailSchema,
  LocationCodeSchema,
  TextSchema,
  strictBody,
  TimestampSchema,
} from '../http/common.schema';
import { REPORT_KINDS } from '../reports/reports.schema';

/** The kinds of alert are the rules' kinds (one list, in the domain). */
export const ALERT_KINDS = EVALUATED_KINDS;

export const AlertSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(ALERT_KINDS),
    severity: z.enum(ALERT_SEVERITIES),
    sku: z.string().nullable(),
    location: z.string().nullable(),
    code: z.enum(ALERT_KINDS).openapi({
      description: "the title's message: render it in the reader's language from `code` and `params`",
    }),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).openapi({
      description:
        'what the title needs, by name (sku, location, daysOfSupply, leadTimeDays, stockOutDate, units, …)',
    }),
    title: z.string().openapi({ description: 'the title in English (e-mail, webhooks)' }),
    details: z.record(z.string(), z.unknown()),
    urgentOn: z.string().nullable().openapi({
      description:
        'urgency: the day the condition bites (stock runs out, a threshold is crossed, a bill falls due); null when undated',
    }),
    status: z.enum(['open', 'acknowledged', 'resolved']),
    snoozedUntil: z.string().nullable(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    notifiedAt: z.string().nullable(),
  })
  .openapi('Alert');
export type AlertDto = z.infer<typeof AlertSchema>;

export const AlertListQuerySchema = z.object({
  status: z
    .enum(['active', 'open', 'acknowledged', 'resolved'])
    .optional()
    .openapi({ description: 'active = not resolved and not snoozed' }),
  kind: z.enum(ALERT_KINDS).optional(),
  severity: z.enum(ALERT_SEVERITIES).optional(),
  location: LocationCodeSchema.optional().openapi({ description: "a location's code" }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: TextSchema(500).optional(),
});
export const AlertPageSchema = z
  .object({ items: z.array(AlertSchema), nextCursor: z.string().nullable() })
  .openapi('AlertPage');

export const SnoozeSchema = z
  .object({
    until: TimestampSchema.optional(),
    days: z.number().int().min(1).max(365).optional(),
  })
  .strict()
  .refine((s) => (s.until === undefined) !== (s.days === undefined), { message: 'give either until or days' })
  .openapi('AlertSnooze');

export const AcknowledgeSchema = z
  .object({ note: TextSchema(500).optional() })
  .strict()
  .openapi('AlertAcknowledge');

export const EvaluateSchema = z
  .object({ deliver: z.boolean().default(true) })
  .strict()
  .openapi('AlertEvaluate');
export const EvaluateResultSchema = z
  .object({
    conditions: z.number().int(),
    opened: z.number().int(),
    ongoing: z.number().int(),
    resolved: z.number().int(),
    delivered: z.object({ email: z.number().int(), webhook: z.number().int() }),
    skipped: z.array(z.string()),
  })
  .openapi('AlertEvaluation');

export const NotificationSettingsUpdateSchema = strictBody('NotificationSettingsUpdate', {
  smtp: z
    .object({
      host: z
        .string()
        .min(1)
        .max(255)
        .regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:]+\]$/, 'a host name or address'),
      port: z.number().int().min(1).max(65535),
      secure: z.boolean().default(false),
      user: TextSchema(255).nullable().default(null),
      password: TextSchema(1000)
        .nullable()
        .optional()
        .openapi({ description: 'omit to keep the stored one' }),
      from: EmailSchema,
    })
    .strict()
    .nullable()
    .optional(),
  webhook: z
    .object({
      url: z.url({ protocol: /^https?$/ }).max(2000),
      secret: z
        .string()
        .min(16)
        .max(200)
        .regex(/^[\x21-\x7e]+$/, 'printable, no spaces')
        .optional()
        .openapi({ description: 'HMAC-SHA256 key; omit to keep the stored one' }),
    })
    .strict()
    .nullable()
    .optional(),
  alertRecipients: z.array(EmailSchema).max(50).optional(),
});
export type NotificationSettingsUpdate = z.infer<typeof NotificationSettingsUpdateSchema>;

export const NotificationSettingsSchema = z
  .object({
    smtp: z
      .object({
        host: z.string(),
        port: z.number(),
        secure: z.boolean(),
        user: z.string().nullable(),
        from: z.string(),
        passwordSet: z.boolean(),
      })
      .nullable(),
    webhook: z.object({ url: z.string(), secretSet: z.boolean(), signatureHeader: z.string() }).nullable(),
    alertRecipients: z.array(z.string()),
    updatedAt: z.string().nullable(),
  })
  .openapi('NotificationSettings');

export const ReportScheduleCreateSchema = strictBody('ReportScheduleCreate', {
  kind: z.enum(REPORT_KINDS),
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  frequency: z.enum(['daily', 'weekly']).default('daily'),
  recipients: z.array(EmailSchema).min(1).max(50),
});
export const ReportScheduleSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    format: z.string(),
    frequency: z.string(),
    recipients: z.array(z.string()),
    lastSentOn: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ReportSchedule');
