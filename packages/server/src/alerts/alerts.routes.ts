import { createRoute, z } from '@hono/zod-openapi';
import {
  AcknowledgeSchema,
  AlertListQuerySchema,
  AlertPageSchema,
  AlertSchema,
  EvaluateResultSchema,
  EvaluateSchema,
  IdParam,
  NotificationSettingsSchema,
  NotificationSettingsUpdateSchema,
  ReportScheduleCreateSchema,
  ReportScheduleSchema,
  SnoozeSchema,
} from '../health/health.schema';
import type { Stockwise } from '../stockwise';
import {
  IdempotencyHeaderSchema,
  json,
  jsonBody,
  newRouter,
  problemResponses,
  secured,
} from '../http/router';

const tags = ['Alerts'];

export function alertsRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary:
        'Alerts: low stock, stock-out, reorder now, aging, excess, stranded, capacity, supplier bills, IPI below 400',
      security: secured,
      request: { query: AlertListQuerySchema },
      responses: {
        200: { description: 'A page of alerts, newest first', ...json(AlertPageSchema) },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await sw.alerts.list(c.get('actor'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/evaluate',
      tags,
      summary:
        'Evaluate every alert rule now (the daily job does this too); new conditions are recorded once and delivered',
      security: secured,
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(EvaluateSchema) },
      responses: { 200: { description: 'What changed', ...json(EvaluateResultSchema) }, ...problemResponses },
    }),
    async (c) =>
      c.json(await sw.alerts.evaluate(c.get('actor'), { deliver: c.req.valid('json').deliver }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/acknowledge',
      tags,
      summary: 'Acknowledge an alert (it stays until its condition clears, without being sent again)',
      security: secured,
      request: { params: IdParam, headers: IdempotencyHeaderSchema, ...jsonBody(AcknowledgeSchema) },
      responses: { 200: { description: 'The alert', ...json(AlertSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.alerts.acknowledge(c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/snooze',
      tags,
      summary: 'Snooze an alert until a time (or for some days)',
      security: secured,
      request: { params: IdParam, headers: IdempotencyHeaderSchema, ...jsonBody(SnoozeSchema) },
      responses: { 200: { description: 'The alert', ...json(AlertSchema) }, ...problemResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const until = body.until ? new Date(body.until) : new Date(Date.now() + (body.days ?? 1) * 86_400_000);
      return c.json(await sw.alerts.snooze(c.get('actor'), c.req.valid('param').id, until), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/settings',
      tags,
      summary: 'Where alerts go: SMTP server, recipients, webhook (secrets are never shown)',
      security: secured,
      responses: {
        200: { description: 'Settings', ...json(NotificationSettingsSchema) },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await sw.alerts.getSettings(c.get('actor')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/settings',
      tags,
      summary:
        'Set SMTP, recipients and webhook; a new webhook without a secret gets one, returned once as webhookSecret',
      security: secured,
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(NotificationSettingsUpdateSchema) },
      responses: {
        200: {
          description: 'Settings',
          ...json(NotificationSettingsSchema.extend({ webhookSecret: z.string().optional() })),
        },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await sw.alerts.saveSettings(c.get('actor'), c.req.valid('json')), 200),
  );

  return app;
}

export function reportSchedulesRoutes(sw: Stockwise) {
  const app = newRouter();
  const rtags = ['Reports'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: rtags,
      summary: 'Reports e-mailed on a schedule',
      security: secured,
      responses: {
        200: { description: 'Schedules', ...json(z.object({ items: z.array(ReportScheduleSchema) })) },
        ...problemResponses,
      },
    }),
    async (c) => c.json({ items: await sw.alerts.listReportSchedules(c.get('actor')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: rtags,
      summary: 'E-mail a report daily or weekly (Mondays) through the SMTP settings',
      security: secured,
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(ReportScheduleCreateSchema) },
      responses: { 201: { description: 'Scheduled', ...json(ReportScheduleSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.alerts.createReportSchedule(c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: rtags,
      summary: 'Stop a scheduled report',
      security: secured,
      request: { params: IdParam },
      responses: { 204: { description: 'Stopped' }, ...problemResponses },
    }),
    async (c) => {
      await sw.alerts.deleteReportSchedule(c.get('actor'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return app;
}
