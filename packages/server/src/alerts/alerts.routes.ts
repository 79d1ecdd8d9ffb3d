import { z } from '@hono/zod-openapi';
import {
  AcknowledgeSchema,
  AlertListQuerySchema,
  AlertPageSchema,
  AlertSchema,
  EvaluateResultSchema,
  EvaluateSchema,
  NotificationSettingsSchema,
  NotificationSettingsUpdateSchema,
  ReportScheduleCreateSchema,
  ReportScheduleSchema,
  SnoozeSchema,
} from './alerts.schema';
import { IdParam } from '../http/common.schema';
import type { Stockwise } from '../stockwise';
import { itemsOf, jsonResponse, section } from '../http/router';

const tags = ['Alerts'];

export function alertsRoutes(sw: Stockwise) {
  const { app, op, serve } = section(tags);

  serve(
    op.query(
      '/',
      'Alerts: low stock, stock-out, reorder now, aging, excess, stranded, capacity, supplier bills, IPI below 400',
      AlertListQuerySchema,
      jsonResponse(
        'A page of alerts: most severe first, then the most urgent (soonest urgentOn, undated last), then id',
        AlertPageSchema,
      ),
    ),
    (actor, { query }) => sw.alerts.list(actor, query),
  );

  serve(
    op.submit(
      '/evaluate',
      'Evaluate every alert rule now (the daily job does this too); new conditions are recorded once and delivered',
      { method: 'post', body: EvaluateSchema },
      jsonResponse('What changed', EvaluateResultSchema),
    ),
    (actor, { json }) => sw.alerts.evaluate(actor, { deliver: json.deliver }),
  );

  serve(
    op.change(
      '/{id}/acknowledge',
      'Acknowledge an alert (it stays until its condition clears, without being sent again)',
      { method: 'post', params: IdParam, body: AcknowledgeSchema },
      jsonResponse('The alert', AlertSchema),
    ),
    (actor, { param }) => sw.alerts.acknowledge(actor, param.id),
  );

  serve(
    op.change(
      '/{id}/snooze',
      'Snooze an alert until a time (or for some days)',
      { method: 'post', params: IdParam, body: SnoozeSchema },
      jsonResponse('The alert', AlertSchema),
    ),
    async (actor, { param, json }) => {
      const body = json;
      const until = body.until ? new Date(body.until) : new Date(Date.now() + (body.days ?? 1) * 86_400_000);
      return await sw.alerts.snooze(actor, param.id, until);
    },
  );

  serve(
    op.list(
      '/settings',
      'Where alerts go: SMTP server, recipients, webhook (secrets are never shown)',
      jsonResponse('Settings', NotificationSettingsSchema),
    ),
    (actor) => sw.alerts.getSettings(actor),
  );

  serve(
    op.submit(
      '/settings',
      'Set SMTP, recipients and webhook; a new webhook without a secret gets one, returned once as webhookSecret',
      { method: 'put', body: NotificationSettingsUpdateSchema },
      jsonResponse('Settings', NotificationSettingsSchema.extend({ webhookSecret: z.string().optional() })),
    ),
    (actor, { json }) => sw.alerts.saveSettings(actor, json),
  );

  return app;
}

export function reportSchedulesRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Reports']);

  app.openapi(
    op.list('/', 'Reports e-mailed on a schedule', jsonResponse('Schedules', itemsOf(ReportScheduleSchema))),
    async (c) => c.json({ items: await sw.alerts.listReportSchedules(c.get('actor')) }, 200),
  );

  serve(
    op.create(
      '/',
      'E-mail a report daily or weekly (Mondays) through the SMTP settings',
      ReportScheduleCreateSchema,
      jsonResponse('Scheduled', ReportScheduleSchema),
    ),
    (actor, { json }) => sw.alerts.createReportSchedule(actor, json),
  );

  serve(op.remove('/{id}', 'Stop a scheduled report', IdParam, 'Stopped'), (actor, { param }) =>
    sw.alerts.deleteReportSchedule(actor, param.id),
  );

  return app;
}
