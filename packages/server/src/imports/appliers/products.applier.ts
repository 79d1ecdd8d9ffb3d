import { importsRepository } from '@stockwise/db/imports/imports.repository';
import type { ImportApplier } from './apply-context';
import { attempt, inBatchOrOneByOne } from './apply-context';
import { yieldToEventLoop } from '../chunked-apply';

/** Staged lines upserted per statement. */
const PRODUCTS_PAGE = 5000;

/**
 * Products upsert a page of lines per statement. A page that fails (a barcode another product has)
 * is undone and retried a line at a time, so the failing line is named — and skipped with skipInvalid.
 */
export const applyProductsImport: ImportApplier = async (ctx) => {
  const max = await importsRepository.maxStagedLine(ctx.sql, ctx.importId);
  const upsert = (lines: { from: number; to: number }) =>
    importsRepository.upsertProducts(ctx.sql, ctx.actor.accountId, ctx.importId, lines);
  let changed = 0;
  for (let from = 0; from <= max; from += PRODUCTS_PAGE) {
    const page = { from, to: from + PRODUCTS_PAGE };
    await inBatchOrOneByOne(
      ctx,
      async () => {
        changed += await upsert(page);
      },
      async () => {
        for (const line of await importsRepository.stagedLines(ctx.sql, ctx.importId, page)) {
          await attempt(ctx, [line], async () => {
            changed += await upsert({ from: line, to: line + 1 });
          });
        }
      },
    );
    ctx.progress(PRODUCTS_PAGE);
    // The embedded database resolves in microtasks: let queued requests (/api/health) run between pages.
    await yieldToEventLoop();
  }
  return { productsChanged: changed };
};
