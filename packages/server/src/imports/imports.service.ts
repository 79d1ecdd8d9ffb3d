import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { amazonDisposition } from '@stockwise/domain/channels/amazon';
import type { ImportKind, ImportRow } from '@stockwise/domain/channels/import-formats';
import { checkHeader, IMPORT_FORMATS, validateImportRow } from '@stockwise/domain/channels/import-formats';
import { DomainError, isDomainError } from '@stockwise/domain/errors';
import type { IntakeLine } from '@stockwise/domain/orders/intake';
import type { OrderChannel } from '@stockwise/domain/orders/order-state';
import type { Sql } from '@stockwise/db/database';
import type { ImportRecord, StagedRow } from '@stockwise/db/repositories/imports.repository';
import { importsRepository } from '@stockwise/db/repositories/imports.repository';
import { auditRepository } from '@stockwise/db/repositories/audit.repository';
import type { ChannelsService } from '../channels/channels.service';
import type { OrdersService } from '../orders/orders.service';
import type { Actor } from '../services/actor';
import { auditActor, requirePermission } from '../services/actor';
import type { LedgerEntry, LedgerService } from '../services/ledger.service';
import type { Transactor } from '../services/transactor';

export interface RejectedRow {
  line: number;
  field: string;
  message: string;
}

export interface ImportInput {
  kind: ImportKind;
  /** The file's bytes, streamed: never held in memory whole. */
  source: AsyncIterable<Uint8Array> | Readable;
  fileName?: string | null | undefined;
  /** Apply the valid rows and report the others (default: any invalid row refuses the whole file). */
  skipInvalid?: boolean | undefined;
  /** FBA reports: the Amazon location to reconcile (default: the first amazon_fba location). */
  location?: string | undefined;
  totalBytes?: number | undefined;
  /** SHA-256 of the file when known up front (files on disk): a finished file is skipped without parsing, an unfinished attempt is replaced. */
  fileHash?: string | undefined;
  onProgress?: ((fraction: number, message: string) => void) | undefined;
  /** Every rejected row, in file order (the CLI writes them to a rejects file). */
  onReject?: ((row: RejectedRow) => void) | undefined;
}

export interface ImportResult {
  importId: number;
  kind: ImportKind;
  status: 'applied' | 'unchanged';
  rows: number;
  rejected: number;
  /** The first rejected rows (all of them go to onReject). */
  rejects: RejectedRow[];
  applied: Record<string, unknown>;
}

const STAGE_CHUNK = 2000;
const APPLY_PAGE = 1000;
const MAX_REPORTED = 1000;

/** Imports are streamed, validated row by row, staged, then applied in one transaction: all or nothing. */
export class ImportsService {
  constructor(
    private readonly tx: Transactor,
    private readonly deps: { ledger: LedgerService; orders: OrdersService; channels: ChannelsService },
  ) {}

  async list(actor: Actor, limit = 50) {
    requirePermission(actor, 'read');
    return (await importsRepository.list(this.tx.sql, actor.accountId, limit)).map(mapImportDto);
  }

  /** Stages then applies. Re-importing a file that was applied (same bytes, same mode) changes nothing. */
  async run(actor: Actor, input: ImportInput): Promise<ImportResult> {
    const staged = await this.stage(actor, input);
    if (staged.status === 'unchanged') return staged;
    return this.apply(actor, staged.importId, { onProgress: input.onProgress, location: input.location, stagedResult: staged });
  }

  /**
   * Streams, validates every row and stages the valid ones. With invalid rows and no skipInvalid, the
   * import is refused (VALIDATION_FAILED listing line numbers and reasons) and nothing is staged.
   */
  async stage(actor: Actor, input: ImportInput): Promise<ImportResult> {
    requirePermission(actor, input.kind === 'products' ? 'catalog:write' : 'inventory:write');
    const sql = this.tx.sql;
    const skipInvalid = input.skipInvalid ?? false;
    if (input.fileHash) {
      const previous = await importsRepository.findByHash(sql, actor.accountId, { kind: input.kind, fileHash: input.fileHash, skipInvalid });
      if (previous?.status === 'applied') return { importId: previous.id, kind: input.kind, status: 'unchanged', rows: previous.rowsTotal, rejected: previous.rowsRejected, rejects: [], applied: {} };
      // An attempt at this file that never finished (the process was killed): start it over.
      if (previous) await importsRepository.delete(sql, actor.accountId, previous.id);
    }
    await importsRepository.deleteAbandoned(sql, actor.accountId);
    const importId = await importsRepository.create(sql, { accountId: actor.accountId, kind: input.kind, fileHash: input.fileHash ?? `pending:${randomUUID()}`, fileName: input.fileName ?? null, skipInvalid });
    const rejects: RejectedRow[] = [];
    let rejected = 0;
    const reject = (r: RejectedRow) => {
      rejected += 1;
      if (rejects.length < MAX_REPORTED) rejects.push(r);
      input.onReject?.(r);
    };
    const hash = createHash('sha256');
    let bytes = 0;
    let rows = 0;
    const format = IMPORT_FORMATS[input.kind];
    const parser = parse({
      delimiter: format.delimiter,
      quote: format.quoted ? '"' : false,
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim().toLowerCase());
        checkHeader(input.kind, names);
        return names;
      },
      bom: true,
      skip_empty_lines: true,
      info: true,
      // Keep going past a broken row so every problem in the file is reported with its line.
      skip_records_with_error: true,
    });
    parser.on('skip', (error: Error & { lines?: number }) => {
      reject({ line: error.lines ?? 0, field: '(row)', message: error.message });
    });
    const meter = new PassThrough();
    meter.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
    });
    const feeding = pipeline(input.source instanceof Readable ? input.source : Readable.from(input.source), meter).catch((error: unknown) => {
      parser.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    meter.pipe(parser);

    let pending: { lineNo: number; row: ImportRow }[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      const skus = [...new Set(batch.flatMap((b) => (b.row.sku ? [b.row.sku] : [])))];
      const locations = [...new Set(batch.flatMap((b) => (b.row.location ? [b.row.location] : [])))];
      const knownSkus = skus.length ? await importsRepository.knownSkus(sql, actor.accountId, skus) : new Set<string>();
      const knownLocations = locations.length ? await importsRepository.knownLocations(sql, actor.accountId, locations) : new Set<string>();
      const good: StagedRow[] = [];
      for (const b of batch) {
        if (b.row.sku && !knownSkus.has(b.row.sku)) reject({ line: b.lineNo, field: 'sku', message: `unknown SKU ${b.row.sku}` });
        else if (b.row.location && !knownLocations.has(b.row.location)) reject({ line: b.lineNo, field: 'location', message: `unknown location ${b.row.location}` });
        else good.push({ lineNo: b.lineNo, key: b.row.key, data: b.row.data });
      }
      // Once the file is refused, stop staging: only collect what else is wrong.
      if (skipInvalid || rejected === 0) await importsRepository.stage(sql, importId, good);
      input.onProgress?.(input.totalBytes ? Math.min(0.5, (bytes / input.totalBytes) * 0.5) : 0, `checked ${rows} rows`);
    };

    try {
      for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
        rows += 1;
        try {
          pending.push({ lineNo: item.info.lines, row: validateImportRow(input.kind, item.record) });
        } catch (error) {
          if (!isDomainError(error)) throw error;
          reject({ line: item.info.lines, field: error.field ?? '(row)', message: error.message });
        }
        if (pending.length >= STAGE_CHUNK) await flush();
      }
      await flush();
    } catch (error) {
      // Broken quoting, a bad header or a ragged row: the parser cannot go on.
      const e = error as Error & { lines?: number; code?: string };
      if (isDomainError(error)) reject({ line: 1, field: error.field ?? 'header', message: error.message });
      else if (typeof e.code === 'string' && e.code.startsWith('CSV_')) reject({ line: e.lines ?? rows + 1, field: '(row)', message: e.message });
      else throw error;
      await importsRepository.delete(sql, actor.accountId, importId);
      rejects.sort((a, b) => a.line - b.line);
      throw refusal(input.kind, { rejects, rejected });
    } finally {
      await feeding;
    }
    const fileHash = hash.digest('hex');
    if (input.fileHash && input.fileHash !== fileHash) throw new DomainError('CONFLICT', 'the file changed while it was being imported');
    const previous = input.fileHash ? undefined : await importsRepository.findByHash(sql, actor.accountId, { kind: input.kind, fileHash, skipInvalid });
    if (previous?.status === 'applied') {
      await importsRepository.delete(sql, actor.accountId, importId);
      return { importId: previous.id, kind: input.kind, status: 'unchanged', rows: previous.rowsTotal, rejected: previous.rowsRejected, rejects: [], applied: {} };
    }
    // An earlier attempt at this file that never finished (killed, refused): this one replaces it.
    if (previous) await importsRepository.delete(sql, actor.accountId, previous.id);
    rejects.sort((a, b) => a.line - b.line);
    if (rejected > 0 && !skipInvalid) {
      await importsRepository.delete(sql, actor.accountId, importId);
      throw refusal(input.kind, { rejects, rejected });
    }
    await importsRepository.setHash(sql, importId, { fileHash, rowsTotal: rows, rowsRejected: rejected });
    return { importId, kind: input.kind, status: 'applied', rows, rejected, rejects, applied: {} };
  }

  /** Applies a staged import in one transaction; a crash before commit leaves nothing, and running it again finishes it. */
  async apply(actor: Actor, importId: number, options: { onProgress?: ((fraction: number, message: string) => void) | undefined; location?: string | undefined; stagedResult?: ImportResult } = {}): Promise<ImportResult> {
    return this.tx.run(async (sql) => {
      const record = await importsRepository.find(sql, actor.accountId, importId, { lock: true });
      if (!record) throw new DomainError('NOT_FOUND', `no import ${importId}`, { field: 'id' });
      const kind = record.kind as ImportKind;
      requirePermission(actor, kind === 'products' ? 'catalog:write' : 'inventory:write');
      const base = options.stagedResult ?? { importId, kind, status: 'applied' as const, rows: record.rowsTotal, rejected: record.rowsRejected, rejects: [], applied: {} };
      if (record.status === 'applied') return { ...base, status: 'unchanged', applied: record.result ?? {} };
      if (record.status !== 'staging') throw new DomainError('CONFLICT', `import ${importId} was ${record.status}`);
      const total = Math.max(1, await importsRepository.countStaged(sql, importId));
      let done = 0;
      const progress = (n: number) => {
        done += n;
        options.onProgress?.(0.5 + 0.5 * Math.min(1, done / total), `applied ${done} of ${total} rows`);
      };
      const ctx = { sql, actor, importId, progress, location: options.location };
      const applied = kind === 'products' ? await this.applyProducts(ctx) : kind === 'stock' || kind === 'amazon-inventory' ? await this.applyCounts(ctx, kind) : await this.applyOrders(ctx, kind);
      await importsRepository.finish(sql, importId, { status: 'applied', result: applied });
      await auditRepository.record(sql, { ...auditActor(actor), action: 'import.apply', entityType: 'import', entityId: String(importId), before: null, after: { kind, fileName: record.fileName, rows: record.rowsTotal, rejected: record.rowsRejected, ...applied } });
      return { ...base, applied };
    });
  }

  /** Staged rows grouped by key (an order's lines; a SKU's rows), in key order, a page at a time. */
  private async *groups(sql: Sql, importId: number): AsyncGenerator<StagedRow[]> {
    let after: { key: string; lineNo: number } | null = null;
    let current: StagedRow[] = [];
    for (;;) {
      const page = await importsRepository.readStaged(sql, importId, after, APPLY_PAGE);
      if (page.length === 0) break;
      for (const row of page) {
        if (current.length > 0 && current[0]!.key !== row.key) {
          yield current;
          current = [];
        }
        current.push(row);
      }
      const last = page[page.length - 1]!;
      after = { key: last.key, lineNo: last.lineNo };
    }
    if (current.length > 0) yield current;
  }

  private async applyProducts(ctx: { sql: Sql; actor: Actor; importId: number; progress: (n: number) => void }): Promise<Record<string, unknown>> {
    const max = await importsRepository.maxStagedLine(ctx.sql, ctx.importId);
    let changed = 0;
    const step = 5000;
    for (let from = 0; from <= max; from += step) {
      changed += await importsRepository.upsertProducts(ctx.sql, ctx.actor.accountId, ctx.importId, { from, to: from + step });
      ctx.progress(step);
    }
    return { productsChanged: changed };
  }

  /** Stock counts and FBA reconciliation: one 'count' adjustment per SKU × location whose on hand differs. */
  private async applyCounts(ctx: { sql: Sql; actor: Actor; importId: number; progress: (n: number) => void; location?: string | undefined }, kind: 'stock' | 'amazon-inventory'): Promise<Record<string, unknown>> {
    let fbaLocation: string | undefined;
    if (kind === 'amazon-inventory') {
      fbaLocation = ctx.location ?? (await importsRepository.firstFbaLocation(ctx.sql, ctx.actor.accountId));
      if (!fbaLocation || (await importsRepository.knownLocations(ctx.sql, ctx.actor.accountId, [fbaLocation])).size === 0) {
        throw new DomainError('UNKNOWN_LOCATION', fbaLocation ? `unknown location ${fbaLocation}` : 'no amazon_fba location to reconcile: create one or pass a location', { field: 'location' });
      }
    }
    let adjusted = 0;
    let unitsAdded = 0;
    let unitsRemoved = 0;
    const differences: { sku: string; location: string; ledger: number; counted: number; adjustment: number }[] = [];
    let batch: { sku: string; location: string; counted: number; line: number }[] = [];
    const post = async () => {
      if (batch.length === 0) return;
      const onHand = await importsRepository.onHand(ctx.sql, ctx.actor.accountId, batch);
      const entries: LedgerEntry[] = [];
      for (const b of batch) {
        const current = onHand.get(`${b.sku}\u0001${b.location}`) ?? 0;
        const delta = b.counted - current;
        if (delta === 0) continue;
        entries.push({ sku: b.sku, location: b.location, request: { type: 'adjustment', quantity: delta, reason: 'count' }, referenceType: 'import', referenceId: String(ctx.importId) });
        adjusted += 1;
        if (delta > 0) unitsAdded += delta;
        else unitsRemoved -= delta;
        if (differences.length < MAX_REPORTED) differences.push({ sku: b.sku, location: b.location, ledger: current, counted: b.counted, adjustment: delta });
      }
      if (entries.length > 0) {
        try {
          await this.deps.ledger.post(ctx.actor, entries, { kind: kind === 'stock' ? 'import.stock' : 'import.fba-reconcile', note: `import ${ctx.importId}` });
        } catch (error) {
          // A count below what open orders have reserved cannot be applied: name the line.
          if (isDomainError(error) && error.field !== undefined && /^\d+$/.test(error.field)) {
            const line = batch.filter((b) => b.counted !== (onHand.get(`${b.sku}\u0001${b.location}`) ?? 0))[Number(error.field)]?.line;
            throw new DomainError(error.code, `line ${line ?? '?'}: ${error.message}`, { field: `line ${line ?? '?'}`, details: error.details });
          }
          throw error;
        }
      }
      ctx.progress(batch.length);
      batch = [];
    };
    for await (const group of this.groups(ctx.sql, ctx.importId)) {
      const last = group[group.length - 1]!;
      const d = last.data;
      const counted = kind === 'stock' ? Number(d['quantity']) : Number(d['fulfillable']) + Number(d['reserved']);
      batch.push({ sku: String(d['sku']), location: kind === 'stock' ? String(d['location']) : fbaLocation!, counted, line: last.lineNo });
      if (batch.length >= APPLY_PAGE) await post();
    }
    await post();
    return { adjusted, unitsAdded, unitsRemoved, differences, ...(fbaLocation ? { location: fbaLocation } : {}) };
  }

  /** Orders (generic CSV or Amazon All Orders): one order per key, reserved, then shipped or cancelled as the file says. */
  private async applyOrders(ctx: { sql: Sql; actor: Actor; importId: number; progress: (n: number) => void }, kind: 'orders' | 'amazon-orders'): Promise<Record<string, unknown>> {
    let created = 0;
    let existing = 0;
    let shipped = 0;
    let cancelled = 0;
    for await (const group of this.groups(ctx.sql, ctx.importId)) {
      const first = group[0]!.data;
      const lines: IntakeLine[] = group.filter((r) => r.data['sku'] && Number(r.data['quantity']) > 0).map((r) => ({ sku: String(r.data['sku']), quantity: Number(r.data['quantity']), unitPrice: r.data['unitPrice'] === null || r.data['unitPrice'] === undefined ? null : Number(r.data['unitPrice']), externalLineId: null }));
      const amazon = kind === 'amazon-orders';
      const disposition = amazon ? amazonDisposition(String(first['orderStatus'])) : first['status'] === 'shipped' ? 'ship' : first['status'] === 'cancelled' ? 'cancel' : 'reserve';
      const intake = {
        channel: (amazon ? 'amazon' : String(first['channel'])) as OrderChannel,
        externalId: String(amazon ? first['amazonOrderId'] : first['externalId']),
        orderedAt: new Date(String(amazon ? first['purchaseDate'] : first['orderedAt'])),
        currency: typeof first['currency'] === 'string' ? first['currency'] : null,
        lines,
        unmapped: [],
      };
      try {
        if (disposition === 'skip' || lines.length === 0) {
          ctx.progress(group.length);
          continue;
        }
        if (disposition === 'cancel') {
          // A cancelled order in a history file: recorded, reserving nothing.
          const known = await this.deps.orders.findByExternal(ctx.actor, intake.channel, intake.externalId);
          if (known) {
            await this.deps.orders.cancel(ctx.actor, known.id);
            existing += 1;
          } else {
            const order = await this.deps.orders.create(ctx.actor, intake, { reserveNothing: true });
            created += order.replayed ? 0 : 1;
          }
          cancelled += 1;
        } else {
          const result = await this.deps.channels.ingest(ctx.actor, { intake, disposition });
          if (result.created) created += 1;
          else existing += 1;
          if (disposition === 'ship') shipped += 1;
        }
      } catch (error) {
        if (isDomainError(error)) throw new DomainError(error.code, `line ${group[0]!.lineNo}: ${error.message}`, { field: `line ${group[0]!.lineNo}`, details: error.details });
        throw error;
      }
      ctx.progress(group.length);
    }
    return { ordersCreated: created, ordersExisting: existing, ordersShipped: shipped, ordersCancelled: cancelled };
  }
}

function refusal(kind: ImportKind, r: { rejects: RejectedRow[]; rejected: number }): DomainError {
  const first = r.rejects[0];
  return new DomainError('VALIDATION_FAILED', `${r.rejected} invalid row${r.rejected === 1 ? '' : 's'} in the ${kind} file; nothing was imported${first ? ` (line ${first.line}: ${first.message})` : ''}`, {
    field: first ? `line ${first.line}` : '(file)',
    details: { invalidRows: r.rejected, rejects: r.rejects.slice(0, 100) },
  });
}

export function mapImportDto(i: ImportRecord) {
  return { id: i.id, kind: i.kind, fileName: i.fileName, status: i.status, rowsTotal: i.rowsTotal, rowsRejected: i.rowsRejected, result: i.result, createdAt: i.createdAt.toISOString(), finishedAt: i.finishedAt?.toISOString() ?? null };
}
