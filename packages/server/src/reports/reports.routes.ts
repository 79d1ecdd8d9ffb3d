import {
  ReportParam,
  ReportQuerySchema,
  ReportSchema,
  StorageOverviewQuerySchema,
  StorageOverviewSchema,
} from './reports.schema';
import { CONTENT_TYPES, reportStream } from './report-writers';
import type { Stockwise } from '../stockwise';
import { jsonResponse, newRouter, operations, securedRoute } from '../http/router';

export function reportsRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    operations(['Reports']).query(
      '/storage/overview',
      'Storage fees by storage type month by month (the storage report summed), with utilisation against the limits this month and the next two and the overage fee at risk',
      StorageOverviewQuerySchema,
      jsonResponse('The overview', StorageOverviewSchema),
    ),
    async (c) => c.json(await sw.reports.storageOverview(c.get('actor'), c.req.valid('query')), 200),
  );

  app.openapi(
    securedRoute({
      method: 'get',
      path: '/{kind}',
      tags: ['Reports'],
      summary:
        'Inventory, inventory-age, excess, stranded, storage or profit report: JSON pages, or the whole report with ?format=csv|xlsx (Amazon’s column names where Seller Central has the same report)',
      request: { params: ReportParam, query: ReportQuerySchema },
      responses: {
        200: {
          description: 'The report',
          content: {
            'application/json': { schema: ReportSchema },
            'text/csv': { schema: { type: 'string' } },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: { type: 'string', format: 'binary' },
            },
          },
        },
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      const { kind } = c.req.valid('param');
      const q = c.req.valid('query');
      const params = sw.reports.params(q);
      if (q.format === 'json')
        return c.json(await sw.reports.page(actor, kind, { params, limit: q.limit, cursor: q.cursor }), 200);
      const { columns, rows } = await sw.reports.stream(actor, kind, params);
      const body = reportStream(q.format, { sheet: kind, columns }, rows);
      return c.body(body, 200, {
        'Content-Type': CONTENT_TYPES[q.format],
        'Content-Disposition': `attachment; filename="stockwise-${kind}-${params.asOf}.${q.format}"`,
      });
    },
  );

  return app;
}
