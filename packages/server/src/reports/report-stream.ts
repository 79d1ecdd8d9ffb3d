import type { ReportStatement } from '@stockwise/db/reports/report-statement';
import { reportScopeRepository } from '@stockwise/db/reports/report-statement';
import { useReportSettings } from '@stockwise/db/health/product-scope';
import { alignedCursorPages } from '../platform/cursor';
import type { Transactor } from '../platform/transactor';
import type { ReportContext, ReportDefinition, SkuRange } from './report-context';
import { PAGE } from './report-context';
import type { ReportRow } from './report-writers';

/**
 * A whole-catalogue report statement read through cursors side by side, `PAGE` rows at a time, each
 * page's rows mapped to the report's records (rows the statement leaves out dropped).
 */
export async function* statementPages<Row>(
  tx: Transactor,
  statement: ReportStatement<Row>,
): AsyncGenerator<Row[]> {
  for await (const pages of alignedCursorPages(tx, statement.statements, {
    size: PAGE,
    setup: useReportSettings,
  })) {
    const [first = []] = pages;
    yield first.flatMap((_, i) => statement.map(pages.map((p) => p[i] ?? {})) ?? []);
  }
}

/** The catalogue's SKUs as ranges of `PAGE`, in SKU order: what a report reads a page at a time. */
export async function* skuRanges(tx: Transactor, ctx: ReportContext): AsyncGenerator<SkuRange> {
  let after: string | undefined;
  for (;;) {
    const skus = await reportScopeRepository.skus(tx.sql, ctx.actor.accountId, { after, limit: PAGE });
    const through = skus[skus.length - 1];
    if (through === undefined) return;
    yield { after, through, count: skus.length };
    if (skus.length < PAGE) return;
    after = through;
  }
}

/** A report's rows page after page of `PAGE` SKUs (for reports without a whole-catalogue statement). */
export async function* pagedRows(
  tx: Transactor,
  ctx: ReportContext,
  definition: ReportDefinition,
): AsyncGenerator<ReportRow[]> {
  for await (const range of skuRanges(tx, ctx)) yield (await definition.page(ctx, range)).rows;
}

/**
 * Everything a streamed report looks up besides its statements, looked up before they start: while
 * they run they hold a pooled connection each, and a page waiting for one more could wait forever.
 */
export async function prefetchFees(tx: Transactor, ctx: ReportContext): Promise<void> {
  const marketplaces = await reportScopeRepository.marketplaces(tx.sql, ctx.actor.accountId);
  await Promise.all([null, ...marketplaces].map((m) => ctx.fees(m)));
}
