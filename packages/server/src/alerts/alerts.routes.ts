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
import {
  IdempotencyHeaderSchema,
  itemsOf,
  json,
  jsonBody,
  jsonResponse,
  newRouter,
  operations,
  securedRoute,
} from '../http/router';

const tags = ['Alerts'];
const op = operations(tags);

export function alertsRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    op.query(
      '/',
      'Alerts: low stock, stock-out, reorder now, aging, excess, stranded, capacity, supplier bills, IPI below 400',
      AlertListQuerySchema,
      jsonResponse(
        'A page of alerts: most severe first, then the most urgent (soonest urgentOn, undated last), then id',
        AlertPageSchema,
      ),
    ),
    async (c) => c.json(await sw.alerts.list(c.get('actor'), c.req.valid('query')), 200),
  );

  app.openapi(
    securedRoute({
      method: 'post',
      path: '/evaluate',
      tags,
      summary:
        'Evaluate every alert rule now (the daily job does this too); new conditions are recorded once and delivered',
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(EvaluateSchema) },
      responses: { 200: jsonResponse('What changed', EvaluateResultSchema) },
    }),
    async (c) =>
      c.json(await sw.alerts.evaluate(c.get('actor'), { deliver: c.req.valid('json').deliver }), 200),
  );

  app.openapi(
    op.change(
      '/{id}/acknowledge',
      'Acknowledge an alert (it stays until its condition clears, without being sent again)',
      { method: 'post', params: IdParam, body: AcknowledgeSchema },
      jsonResponse('The alert', AlertSchema),
    ),
    async (c) => c.json(await sw.alerts.acknowledge(c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(
    op.change(
      '/{id}/snooze',
      'Snooze an alert until a time (or for some days)',
      { method: 'post', params: IdParam, body: SnoozeSchema },
      jsonResponse('The alert', AlertSchema),
    ),
    async (c) => {
      const body = c.req.valid('json');
      const until = body.until ? new Date(body.until) : new Date(Date.now() + (body.days ?? 1) * 86_400_000);
      return c.json(await sw.alerts.snooze(c.get('actor'), c.req.valid('param').id, until), 200);
    },
  );

  app.openapi(
    op.list(
      '/settings',
      'Where alerts go: SMTP server, recipients, webhook (secrets are never shown)',
      jsonResponse('Settings', NotificationSettingsSchema),
    ),
    async (c) => c.json(await sw.alerts.getSettings(c.get('actor')), 200),
  );

  app.openapi(
    securedRoute({
      method: 'put',
      path: '/settings',
      tags,
      summary:
        'Set SMTP, recipients and webhook; a new webhook without a secret gets one, returned once as webhookSecret',
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(NotificationSettingsUpdateSchema) },
      responses: {
        200: {
          description: 'Settings',
          ...json(NotificationSettingsSchema.extend({ webhookSecret: z.string().optional() })),
        },
      },
    }),
    async (c) => c.json(await sw.alerts.saveSettings(c.get('actor'), c.req.valid('json')), 200),
  );

  return app;
}

export function reportSchedulesRoutes(sw: Stockwise) {
  const app = newRouter();
  const rtags = ['Reports'];
  const rtagsOp = operations(rtags);

  app.openapi(
    rtagsOp.list(
      '/',
      'Reports e-mailed on a schedule',
      jsonResponse('Schedules', itemsOf(ReportScheduleSchema)),
    ),
    async (c) => c.json({ items: await sw.alerts.listReportSchedules(c.get('actor')) }, 200),
  );

  app.openapi(
    rtagsOp.create(
      '/',
      'E-mail a report daily or weekly (Mondays) through the SMTP settings',
      ReportScheduleCreateSchema,
      jsonResponse('Scheduled', ReportScheduleSchema),
    ),
    async (c) => c.json(await sw.alerts.createReportSchedule(c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(rtagsOp.remove('/{id}', 'Stop a scheduled report', IdParam, 'Stopped'), async (c) => {
    await sw.alerts.deleteReportSchedule(c.get('actor'), c.req.valid('param').id);
    return c.body(null, 204);
  });

  return app;
}
