import {
  ReportParam,
  ReportQuerySchema,
  ReportSchema,
  StorageOverviewQuerySchema,
  StorageOverviewSchema,
} from './reports.schema';
import { reportDownload, reportResponse } from './report-http';
import { reportStream } from './report-writers';
import type { Stockwise } from '../stockwise';
import { jsonResponse, newRouter, operations } from '../http/router';

export function reportsRoutes(sw: Stockwise) {
  const app = newRouter();
  const op = operations(['Reports']);

  app.openapi(
    op.query(
      '/storage/overview',
      'Storage fees by storage type month by month (the storage report summed), with utilisation against the limits this month and the next two and the overage fee at risk',
      StorageOverviewQuerySchema,
      jsonResponse('The overview', StorageOverviewSchema),
    ),
    async (c) => c.json(await sw.reports.storageOverview(c.get('actor'), c.req.valid('query')), 200),
  );

  app.openapi(
    op.view(
      '/{kind}',
      'Inventory, inventory-age, excess, stranded, storage or profit report: JSON pages, or the whole report with ?format=csv|xlsx (Amazon’s column names where Seller Central has the same report)',
      { params: ReportParam, query: ReportQuerySchema },
      reportResponse('The report', ReportSchema),
    ),
    async (c) => {
      const actor = c.get('actor');
      const { kind } = c.req.valid('param');
      const q = c.req.valid('query');
      const params = sw.reports.params(q);
      if (q.format === 'json')
        return c.json(await sw.reports.page(actor, kind, { params, limit: q.limit, cursor: q.cursor }), 200);
      const { columns, rows } = await sw.reports.stream(actor, kind, params);
      const body = reportStream(q.format, { sheet: kind, columns }, rows);
      return reportDownload(c, q.format, `stockwise-${kind}-${params.asOf}`, body);
    },
  );

  return app;
}
