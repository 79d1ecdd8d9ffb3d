import { RECONCILIATION_COLUMNS } from '@stockwise/domain/channels/amazon/reconciliation';
import type { Router } from '../../http/router';
import { securedRoute } from '../../http/router';
import { reportDownload, reportResponse } from '../../reports/report-http';
import { onePage, reportStream } from '../../reports/report-writers';
import type { Stockwise } from '../../stockwise';
import { ReconciliationQuerySchema, ReconciliationSchema } from './amazon-reconciliation.schema';

/** GET /amazon/reconciliation: JSON, or the lines as CSV / XLSX. */
export function amazonReconciliationRoute(app: Router, sw: Stockwise): void {
  app.openapi(
    securedRoute({
      method: 'get',
      path: '/amazon/reconciliation',
      tags: ['Channels'],
      summary:
        "Per SKU × Amazon location, the ledger there against Amazon's inventory ledger, FBA summaries and reimbursements: lost, damaged, found, disposed, returns not received, units eligible for a claim and their value in the location's currency, totals per currency (?format=csv|xlsx for the lines)",
      request: { query: ReconciliationQuerySchema },
      responses: { 200: reportResponse('The reconciliation', ReconciliationSchema) },
    }),
    async (c) => {
      const { format, ...q } = c.req.valid('query');
      const result = await sw.amazonReconciliation.reconcile(c.get('actor'), q);
      if (format === 'json') return c.json(result, 200);
      const rows = result.items.map((l) => ({ ...l, flags: l.flags.join('; ') }));
      const body = reportStream(
        format,
        { sheet: 'reconciliation', columns: RECONCILIATION_COLUMNS },
        onePage(rows),
      );
      return reportDownload(c, format, `stockwise-amazon-reconciliation-${q.location ?? 'amazon'}`, body);
    },
  );
}
