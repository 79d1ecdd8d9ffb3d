import { inventoryRepository } from '@stockwise/db/ledger/inventory.repository';
import { ordersRepository } from '@stockwise/db/sales/orders.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import { IMPORT_FORMATS } from '@stockwise/domain/imports/import-formats';
import { csvCell } from '@stockwise/domain/reports/spreadsheet-text';

export const EXPORT_KINDS = ['orders', 'products', 'stock'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const PAGE = 1000;
/** A value as a CSV cell, spreadsheet-safe (docs/formulas.md, "Spreadsheet-safe text"). */
const cell = (v: unknown): string =>
  v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? csvCell(v)
    : csvCell(v instanceof Date ? v.toISOString() : JSON.stringify(v));
const line = (values: readonly unknown[]) => `${values.map(cell).join(',')}\n`;
/** The header row: the columns the import of the same kind reads, in its order. */
const header = (kind: ExportKind) =>
  line([...IMPORT_FORMATS[kind].required, ...IMPORT_FORMATS[kind].optional]);

/**
 * Exports in the generic import format (README "Imports"), so an export can be imported again.
 * A page at a time: the whole table is never in memory.
 */
export async function* exportCsv(tx: Transactor, actor: Actor, kind: ExportKind): AsyncGenerator<string> {
  requirePermission(actor, 'read');
  const sql = tx.sql;
  let cursor: string | undefined;
  yield header(kind);
  if (kind === 'products') {
    do {
      const page = await productsRepository.list(sql, actor.accountId, {
        limit: PAGE,
        cursor,
        sort: 'sku',
        order: 'asc',
      });
      for (const p of page?.items ?? [])
        yield line([
          p.sku,
          p.title,
          p.barcode,
          p.asin,
          p.fnsku,
          p.category,
          p.brand,
          p.unitCost,
          p.price,
          p.casePack,
          p.allowBackorder,
        ]);
      cursor = page?.nextCursor ?? undefined;
    } while (cursor);
  } else if (kind === 'stock') {
    do {
      const page = await inventoryRepository.listBalances(sql, actor.accountId, { limit: PAGE, cursor });
      for (const b of page?.items ?? []) yield line([b.sku, b.location, b.onHand]);
      cursor = page?.nextCursor ?? undefined;
    } while (cursor);
  } else {
    do {
      const page = await ordersRepository.list(sql, actor.accountId, { limit: PAGE, cursor });
      for (const o of page?.items ?? []) {
        const status =
          o.status === 'cancelled' ? 'cancelled' : o.status === 'shipped' ? 'shipped' : 'reserved';
        for (const l of o.lines)
          yield line([
            o.channel,
            o.externalId,
            o.orderedAt,
            l.sku,
            l.quantity,
            l.unitPrice,
            o.currency,
            status,
            // shipped_at: not kept per order; a re-import ships at ordered_at.
            null,
          ]);
      }
      cursor = page?.nextCursor ?? undefined;
    } while (cursor);
  }
}
