import type { ImportKind } from '@stockwise/domain/imports/import-formats';
import { DomainError } from '@stockwise/domain/errors';
import { importsRepository } from '@stockwise/db/imports/imports.repository';
import type { Actor } from '../accounts/actor';
import { auditTrail, requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import type { ApplyOptions, ImportResult } from './import-result';
import { MAX_REPORTED, RejectCollector } from './import-result';
import type { ImportApplier, ImportServices } from './appliers/apply-context';
import { applyAmazonInventoryAgeImport } from './appliers/amazon-inventory-age.applier';
import { applyAmazonInventoryImport } from './appliers/amazon-inventory.applier';
import { applyAmazonOrdersImport } from './appliers/amazon-orders.applier';
import { applyAmazonShipmentsImport } from './appliers/amazon-shipments.applier';
import { applyOrdersImport } from './appliers/orders.applier';
import { applyProductsImport } from './appliers/products.applier';
import { applyAmazonReturnsImport, applyReturnsImport } from './appliers/returns.applier';
import { applySalesHistoryImport } from './appliers/sales-history.applier';
import { applySettlementImport } from './appliers/settlement.applier';
import { applyStockImport } from './appliers/stock.applier';
import { applySalesDemandInChunks } from './chunked-apply';
import { applyInChunks, CHUNKED_KINDS } from './chunked-orders';

/** One applier per import kind. */
const APPLIERS: Record<ImportKind, ImportApplier> = {
  products: applyProductsImport,
  stock: applyStockImport,
  orders: applyOrdersImport,
  'amazon-orders': applyAmazonOrdersImport,
  'amazon-inventory': applyAmazonInventoryImport,
  'amazon-inventory-age': applyAmazonInventoryAgeImport,
  'sales-history': applySalesHistoryImport,
  returns: applyReturnsImport,
  'amazon-returns': applyAmazonReturnsImport,
  'amazon-settlement': applySettlementImport,
  'amazon-shipments': applyAmazonShipmentsImport,
};

/**
 * Applies a staged import in one transaction; a crash before commit leaves nothing, and running it
 * again finishes it. Sales histories, order files, stock counts and products are applied in committed
 * chunks first (resumable, see chunked-apply.ts and chunked-orders.ts); the last transaction then records
 * the result; `options.signal` (shutdown) stops them between chunks.
 * A row that cannot be applied (not enough stock for a count, an order that cannot
 * be reserved, a barcode another product has) refuses the whole file by default; with skipInvalid it
 * is rolled back alone (a savepoint) and reported with its line, and the rest is applied.
 */
export async function applyImport(
  tx: Transactor,
  services: ImportServices,
  q: { actor: Actor; importId: number; options: ApplyOptions },
): Promise<ImportResult> {
  const { actor, importId, options } = q;
  let location = options.location;
  const record = await importsRepository.find(tx.sql, actor.accountId, importId);
  if (record?.kind === 'sales-history' && record.status === 'staging') {
    requirePermission(actor, 'inventory:write');
    const total = Math.max(1, record.rowsTotal);
    location = (
      await applySalesDemandInChunks(tx, {
        actor,
        importId,
        location,
        signal: options.signal,
        onProgress: (done, lines) => {
          options.onProgress?.(
            0.5 + 0.45 * (done / lines),
            `applied ${Math.round((done / lines) * total)} of ${total} rows`,
          );
        },
      })
    ).code;
  }
  let chunked: RejectCollector | undefined;
  const chunkedKind = record?.status === 'staging' ? CHUNKED_KINDS[record.kind as ImportKind] : undefined;
  if (record && chunkedKind) {
    requirePermission(actor, writePermission(record.kind as ImportKind));
    chunked = new RejectCollector(options.onReject);
    if (!tx.inTransaction && record.rowsTotal >= ANALYZE_BEFORE_CHUNKS_ROWS)
      for (const table of READ_BY_CHUNKS[record.kind as ImportKind] ?? [])
        await tx.db.exec(`ANALYZE ${table}`);
    await applyInChunks(tx, services, {
      actor,
      importId,
      signal: options.signal,
      kind: chunkedKind,
      applier: APPLIERS[record.kind as ImportKind],
      location,
      reject: chunked.add,
      onProgress: (done, total) => {
        options.onProgress?.(0.5 + 0.45 * (done / total), `applied ${done} of ${total} rows`);
      },
    });
  }
  const result = await applyAll(tx, services, { ...q, options: { ...options, location }, chunked });
  if (chunked && result.status === 'applied') options.onProgress?.(1, `applied ${result.rows} rows`);
  if (!tx.inTransaction && result.status === 'applied' && result.rows >= ANALYZE_AFTER_ROWS)
    for (const table of TOUCHED_TABLES[result.kind]) await tx.db.exec(`ANALYZE ${table}`);
  return result;
}

/**
 * Tables whose rows a chunked import looks up by the thousand per chunk. Their statistics are refreshed
 * before the first chunk of a large file: they were often just filled (a product list and a stock count
 * imported minutes before the order history) and PGlite never analyzes by itself, and with statistics of
 * an empty table the planner probed balances through the account's location index instead of the
 * product — a scan of every balance of the location per order line, which made chunks slower and
 * slower (super-linear imports).
 */
const READ_BY_CHUNKS: Partial<Record<ImportKind, readonly string[]>> = {
  orders: ['products', 'stock_balances', 'age_layers'],
  'amazon-orders': ['products', 'stock_balances', 'age_layers'],
};
const ANALYZE_BEFORE_CHUNKS_ROWS = 2000;
/** What applying an import of this kind writes: the catalog, or stock and sales. */
const writePermission = (kind: ImportKind) => (kind === 'products' ? 'catalog:write' : 'inventory:write');

/** Rows from which an import refreshes the planner's statistics of what it wrote (PGlite has no autoanalyze). */
const ANALYZE_AFTER_ROWS = 10_000;
const TOUCHED_TABLES: Record<ImportKind, readonly string[]> = {
  products: ['products'],
  stock: ['stock_movements', 'stock_balances', 'age_layers'],
  orders: ['orders', 'order_lines', 'stock_movements', 'stock_balances'],
  'amazon-orders': ['orders', 'order_lines', 'stock_movements', 'stock_balances'],
  'amazon-inventory': ['stock_movements', 'stock_balances'],
  'amazon-inventory-age': ['fba_inventory_age'],
  'sales-history': ['sales_demand', 'products'],
  returns: ['stock_movements', 'stock_balances', 'order_lines', 'booked_returns'],
  'amazon-returns': ['stock_movements', 'stock_balances', 'order_lines', 'booked_returns'],
  'amazon-settlement': ['settlement_amounts'],
  'amazon-shipments': ['orders', 'order_lines', 'stock_movements', 'stock_balances', 'amazon_shipment_items'],
};

async function applyAll(
  tx: Transactor,
  services: ImportServices,
  q: { actor: Actor; importId: number; options: ApplyOptions; chunked?: RejectCollector | undefined },
): Promise<ImportResult> {
  const { actor, importId, options } = q;
  return tx.run(async (sql) => {
    const record = await importsRepository.find(sql, actor.accountId, importId, { lock: true });
    if (!record) throw new DomainError('NOT_FOUND', `no import ${importId}`, { field: 'id' });
    const kind = record.kind as ImportKind;
    requirePermission(actor, writePermission(kind));
    const base = options.stagedResult ?? {
      importId,
      kind,
      status: 'applied' as const,
      rows: record.rowsTotal,
      rejected: record.rowsRejected,
      rejects: [],
      applied: {},
    };
    if (record.status === 'applied') return { ...base, status: 'unchanged', applied: record.result ?? {} };
    if (record.status !== 'staging')
      throw new DomainError('CONFLICT', `import ${importId} was ${record.status}`);
    const total = Math.max(1, await importsRepository.countStaged(sql, importId));
    let done = 0;
    const rejects = new RejectCollector(options.onReject);
    // Applied in chunks already: the chunks' running result and rejects (already counted on the record).
    const applied = q.chunked
      ? { ...(record.result ?? {}) }
      : await APPLIERS[kind]({
          sql,
          actor,
          importId,
          services,
          progress: (n: number) => {
            done += n;
            options.onProgress?.(0.5 + 0.5 * Math.min(1, done / total), `applied ${done} of ${total} rows`);
          },
          location: options.location,
          readAt: options.readAt,
          skipInvalid: record.skipInvalid,
          reject: rejects.add,
        });
    if (rejects.count > 0) applied['rowsNotApplied'] = rejects.count;
    const rowsRejected = record.rowsRejected + rejects.count;
    await importsRepository.finish(sql, importId, { status: 'applied', result: applied, rowsRejected });
    await auditTrail(sql, actor).record('import.apply', ['import', String(importId)], null, {
      kind,
      fileName: record.fileName,
      rows: record.rowsTotal,
      rejected: rowsRejected,
      ...applied,
    });
    const found = q.chunked ?? rejects;
    const allRejects = [...base.rejects, ...found.rows]
      .sort((a, b) => a.line - b.line)
      .slice(0, MAX_REPORTED);
    return { ...base, rejected: base.rejected + found.count, rejects: allRejects, applied };
  });
}
