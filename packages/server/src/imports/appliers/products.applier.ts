import type { StagedRow } from '@stockwise/db/imports/imports.repository';
import { importsRepository } from '@stockwise/db/imports/imports.repository';
import type { ImportApplier } from './apply-context';
import { attempt, inBatchOrOneByOne, stagedGroups } from './apply-context';

/**
 * Products: a SKU's last line in the file wins, and a chunk's SKUs are upserted in one statement. A chunk
 * that fails (a barcode another product has) is undone and retried a SKU at a time, so the failing line is
 * named — and skipped with skipInvalid.
 */
export const applyProductsImport: ImportApplier = async (ctx) => {
  const last: StagedRow[] = [];
  for await (const group of ctx.groups ?? stagedGroups(ctx.sql, ctx.importId)) {
    const row = group[group.length - 1];
    if (row) last.push(row);
  }
  const upsert = (rows: readonly StagedRow[]) =>
    importsRepository.upsertProducts(
      ctx.sql,
      ctx.actor.accountId,
      rows.map((r) => r.data),
    );
  let changed = 0;
  await inBatchOrOneByOne(
    ctx,
    async () => {
      changed += await upsert(last);
    },
    async () => {
      for (const row of last) {
        await attempt(ctx, [row.lineNo], async () => {
          changed += await upsert([row]);
        });
      }
    },
  );
  ctx.progress(last.length);
  return { productsChanged: changed };
};
