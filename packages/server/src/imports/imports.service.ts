import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { amazonDisposition } from '@stockwise/domain/channels/amazon/amazon-payloads';
import type { ImportKind, ImportRow } from '@stockwise/domain/imports/import-formats';
import { checkHeader, IMPORT_FORMATS, validateImportRow } from '@stockwise/domain/imports/import-formats';
import type { ErrorCode } from '@stockwise/domain/errors';
import { DomainError, isDomainError } from '@stockwise/domain/errors';
import type { IntakeLine } from '@stockwise/domain/sales/intake';
import type { OrderChannel } from '@stockwise/domain/sales/order-state';
import type { Sql } from '@stockwise/db/database';
import type { FbaAgeComparison, ImportRecord, StagedRow } from '@stockwise/db/imports/imports.repository';
import { importsRepository } from '@stockwise/db/imports/imports.repository';
import { auditRepository } from '@stockwise/db/accounts/audit.repository';
import type { ChannelsService } from '../channels/channels.service';
import type { OrdersService } from '../sales/orders.service';
import type { Actor } from '../accounts/actor';
import { auditActor, requirePermission } from '../accounts/actor';
import type { LedgerEntry, LedgerService } from '../ledger/ledger.service';
import type { Transactor } from '../platform/transactor';

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

export interface ApplyOptions {
  onProgress?: ((fraction: number, message: string) => void) | undefined;
  /** Rows that could not be applied (skipInvalid), as they are found. */
  onReject?: ((row: RejectedRow) => void) | undefined;
  location?: string | undefined;
  stagedResult?: ImportResult;
}

interface ApplyContext {
  sql: Sql;
  actor: Actor;
  importId: number;
  progress: (n: number) => void;
  location?: string | undefined;
  skipInvalid: boolean;
  reject: (row: RejectedRow) => void;
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

  /**
   * Amazon's FBA inventory age brackets (the latest imported snapshot, or `snapshotDate`) beside the
   * ledger's own age layers at that Amazon location, with the SKUs that differ most.
   */
  async fbaInventoryAge(
    actor: Actor,
    q: { location?: string | undefined; snapshotDate?: string | undefined; limit: number },
  ): Promise<FbaAgeComparison & { location: string }> {
    requirePermission(actor, 'read');
    const sql = this.tx.sql;
    const code = q.location ?? (await importsRepository.firstFbaLocation(sql, actor.accountId));
    const locationId = code ? await importsRepository.locationId(sql, actor.accountId, code) : undefined;
    if (!code || locationId === undefined)
      throw new DomainError(
        'UNKNOWN_LOCATION',
        code ? `unknown location ${code}` : 'no amazon_fba location',
        { field: 'location' },
      );
    const snapshotDate =
      q.snapshotDate ?? (await importsRepository.latestFbaSnapshot(sql, actor.accountId, locationId));
    if (!snapshotDate)
      throw new DomainError('NOT_FOUND', `no FBA inventory age report was imported for ${code}`, {
        field: 'snapshotDate',
      });
    const comparison = await importsRepository.compareFbaAges(sql, actor.accountId, {
      locationId,
      snapshotDate,
      limit: q.limit,
    });
    if (comparison.skus === 0)
      throw new DomainError(
        'NOT_FOUND',
        `no FBA inventory age report of ${snapshotDate} was imported for ${code}`,
        { field: 'snapshotDate' },
      );
    return { location: code, ...comparison };
  }

  /** Stages then applies. Re-importing a file that was applied (same bytes, same mode) changes nothing. */
  async run(actor: Actor, input: ImportInput): Promise<ImportResult> {
    const staged = await this.stage(actor, input);
    if (staged.status === 'unchanged') return staged;
    return this.apply(actor, staged.importId, {
      onProgress: input.onProgress,
      onReject: input.onReject,
      location: input.location,
      stagedResult: staged,
    });
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
      const previous = await importsRepository.findByHash(sql, actor.accountId, {
        kind: input.kind,
        fileHash: input.fileHash,
        skipInvalid,
      });
      if (previous?.status === 'applied')
        return {
          importId: previous.id,
          kind: input.kind,
          status: 'unchanged',
          rows: previous.rowsTotal,
          rejected: previous.rowsRejected,
          rejects: [],
          applied: {},
        };
      // An attempt at this file that never finished (the process was killed): start it over.
      if (previous) await importsRepository.delete(sql, actor.accountId, previous.id);
    }
    await importsRepository.deleteAbandoned(sql, actor.accountId);
    const importId = await importsRepository.create(sql, {
      accountId: actor.accountId,
      kind: input.kind,
      fileHash: input.fileHash ?? `pending:${randomUUID()}`,
      fileName: input.fileName ?? null,
      skipInvalid,
    });
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
    const feeding = pipeline(
      input.source instanceof Readable ? input.source : Readable.from(input.source),
      meter,
    ).catch((error: unknown) => {
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
      const knownSkus = skus.length
        ? await importsRepository.knownSkus(sql, actor.accountId, skus)
        : new Set<string>();
      const knownLocations = locations.length
        ? await importsRepository.knownLocations(sql, actor.accountId, locations)
        : new Set<string>();
      const good: StagedRow[] = [];
      for (const b of batch) {
        if (b.row.sku && !knownSkus.has(b.row.sku))
          reject({ line: b.lineNo, field: 'sku', message: `unknown SKU ${b.row.sku}` });
        else if (b.row.location && !knownLocations.has(b.row.location))
          reject({ line: b.lineNo, field: 'location', message: `unknown location ${b.row.location}` });
        else good.push({ lineNo: b.lineNo, key: b.row.key, data: b.row.data });
      }
      // Once the file is refused, stop staging: only collect what else is wrong.
      if (skipInvalid || rejected === 0) await importsRepository.stage(sql, importId, good);
      input.onProgress?.(
        input.totalBytes ? Math.min(0.5, (bytes / input.totalBytes) * 0.5) : 0,
        `checked ${rows} rows`,
      );
    };

    try {
      for await (const item of parser as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number };
      }>) {
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
      else if (typeof e.code === 'string' && e.code.startsWith('CSV_'))
        reject({ line: e.lines ?? rows + 1, field: '(row)', message: e.message });
      else throw error;
      await importsRepository.delete(sql, actor.accountId, importId);
      rejects.sort((a, b) => a.line - b.line);
      throw refusal(input.kind, { rejects, rejected });
    } finally {
      await feeding;
    }
    const fileHash = hash.digest('hex');
    if (input.fileHash && input.fileHash !== fileHash)
      throw new DomainError('CONFLICT', 'the file changed while it was being imported');
    const previous = input.fileHash
      ? undefined
      : await importsRepository.findByHash(sql, actor.accountId, { kind: input.kind, fileHash, skipInvalid });
    if (previous?.status === 'applied') {
      await importsRepository.delete(sql, actor.accountId, importId);
      return {
        importId: previous.id,
        kind: input.kind,
        status: 'unchanged',
        rows: previous.rowsTotal,
        rejected: previous.rowsRejected,
        rejects: [],
        applied: {},
      };
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

  /**
   * Applies a staged import in one transaction; a crash before commit leaves nothing, and running it
   * again finishes it. A row that cannot be applied (not enough stock for a count, an order that cannot
   * be reserved, a barcode another product has) refuses the whole file by default; with skipInvalid it
   * is rolled back alone (a savepoint) and reported with its line, and the rest is applied.
   */
  async apply(actor: Actor, importId: number, options: ApplyOptions = {}): Promise<ImportResult> {
    return this.tx.run(async (sql) => {
      const record = await importsRepository.find(sql, actor.accountId, importId, { lock: true });
      if (!record) throw new DomainError('NOT_FOUND', `no import ${importId}`, { field: 'id' });
      const kind = record.kind as ImportKind;
      requirePermission(actor, kind === 'products' ? 'catalog:write' : 'inventory:write');
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
      const progress = (n: number) => {
        done += n;
        options.onProgress?.(0.5 + 0.5 * Math.min(1, done / total), `applied ${done} of ${total} rows`);
      };
      const rejects: RejectedRow[] = [];
      let rejected = 0;
      const reject = (r: RejectedRow) => {
        rejected += 1;
        if (rejects.length < MAX_REPORTED) rejects.push(r);
        options.onReject?.(r);
      };
      const ctx: ApplyContext = {
        sql,
        actor,
        importId,
        progress,
        location: options.location,
        skipInvalid: record.skipInvalid,
        reject,
      };
      const applied =
        kind === 'products'
          ? await this.applyProducts(ctx)
          : kind === 'stock' || kind === 'amazon-inventory' || kind === 'amazon-inventory-age'
            ? await this.applyCounts(ctx, kind)
            : await this.applyOrders(ctx, kind);
      if (rejected > 0) applied['rowsNotApplied'] = rejected;
      await importsRepository.finish(sql, importId, {
        status: 'applied',
        result: applied,
        rowsRejected: record.rowsRejected + rejected,
      });
      await auditRepository.record(sql, {
        ...auditActor(actor),
        action: 'import.apply',
        entityType: 'import',
        entityId: String(importId),
        before: null,
        after: {
          kind,
          fileName: record.fileName,
          rows: record.rowsTotal,
          rejected: record.rowsRejected + rejected,
          ...applied,
        },
      });
      const allRejects = [...base.rejects, ...rejects].sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED);
      return { ...base, rejected: base.rejected + rejected, rejects: allRejects, applied };
    });
  }

  /**
   * Runs one row's (or one order's) writes under a savepoint. Without skipInvalid a failure refuses the
   * file, naming the line; with it, the row's writes are undone, it is reported, and false is returned.
   */
  private async attempt(
    ctx: ApplyContext,
    lines: readonly number[],
    fn: () => Promise<void>,
  ): Promise<boolean> {
    const line = lines[0] ?? 0;
    if (!ctx.skipInvalid) {
      try {
        await fn();
        return true;
      } catch (error) {
        const failure = rowFailure(error);
        if (!failure) throw error;
        throw new DomainError(failure.code, `line ${line}: ${failure.message}`, {
          field: `line ${line}`,
          details: failure.details,
          cause: error,
        });
      }
    }
    await ctx.sql.exec('SAVEPOINT import_row');
    try {
      await fn();
      await ctx.sql.exec('RELEASE SAVEPOINT import_row');
      return true;
    } catch (error) {
      const failure = rowFailure(error);
      if (!failure) throw error;
      await ctx.sql.exec('ROLLBACK TO SAVEPOINT import_row');
      for (const l of lines) ctx.reject({ line: l, field: failure.field, message: failure.message });
      return false;
    }
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

  /**
   * Products upsert a page of lines per statement. A page that fails (a barcode another product has)
   * is undone and retried a line at a time, so the failing line is named — and skipped with skipInvalid.
   */
  private async applyProducts(ctx: ApplyContext): Promise<Record<string, unknown>> {
    const max = await importsRepository.maxStagedLine(ctx.sql, ctx.importId);
    let changed = 0;
    const step = 5000;
    for (let from = 0; from <= max; from += step) {
      await ctx.sql.exec('SAVEPOINT import_page');
      try {
        changed += await importsRepository.upsertProducts(ctx.sql, ctx.actor.accountId, ctx.importId, {
          from,
          to: from + step,
        });
        await ctx.sql.exec('RELEASE SAVEPOINT import_page');
      } catch (error) {
        if (!rowFailure(error)) throw error;
        await ctx.sql.exec('ROLLBACK TO SAVEPOINT import_page');
        for (const line of await importsRepository.stagedLines(ctx.sql, ctx.importId, {
          from,
          to: from + step,
        })) {
          await this.attempt(ctx, [line], async () => {
            changed += await importsRepository.upsertProducts(ctx.sql, ctx.actor.accountId, ctx.importId, {
              from: line,
              to: line + 1,
            });
          });
        }
        await ctx.sql.exec('RELEASE SAVEPOINT import_page');
      }
      ctx.progress(step);
    }
    return { productsChanged: changed };
  }

  /**
   * Stock counts and FBA reconciliation: one 'count' adjustment per SKU × location whose on hand differs
   * from the file (FBA: fulfillable + reserved, or the age report's available + total reserved). The
   * age report's brackets are stored beside, and compared with the ledger's own age layers.
   */
  private async applyCounts(
    ctx: ApplyContext,
    kind: 'stock' | 'amazon-inventory' | 'amazon-inventory-age',
  ): Promise<Record<string, unknown>> {
    let fba: { code: string; id: number } | undefined;
    if (kind !== 'stock') {
      const code = ctx.location ?? (await importsRepository.firstFbaLocation(ctx.sql, ctx.actor.accountId));
      const id = code ? await importsRepository.locationId(ctx.sql, ctx.actor.accountId, code) : undefined;
      if (!code || id === undefined) {
        throw new DomainError(
          'UNKNOWN_LOCATION',
          code
            ? `unknown location ${code}`
            : 'no amazon_fba location to reconcile: create one or pass a location',
          { field: 'location' },
        );
      }
      fba = { code, id };
    }
    const batchKind = kind === 'stock' ? 'import.stock' : 'import.fba-reconcile';
    const note =
      kind === 'stock'
        ? `stock count import ${ctx.importId}`
        : `Amazon ${kind === 'amazon-inventory' ? 'FBA Manage Inventory' : 'FBA inventory age'} report, import ${ctx.importId}: on hand set to what Amazon holds`;
    let adjusted = 0;
    let unitsAdded = 0;
    let unitsRemoved = 0;
    let ageRows = 0;
    const snapshots = new Set<string>();
    const differences: {
      sku: string;
      location: string;
      ledger: number;
      counted: number;
      adjustment: number;
    }[] = [];
    let batch: {
      sku: string;
      location: string;
      counted: number;
      line: number;
      data: Record<string, unknown>;
    }[] = [];
    const post = async () => {
      if (batch.length === 0) return;
      const onHand = await importsRepository.onHand(ctx.sql, ctx.actor.accountId, batch);
      const pending = batch
        .map((b) => ({ ...b, current: onHand.get(`${b.sku}\u0001${b.location}`) ?? 0 }))
        .map((b) => ({ ...b, delta: b.counted - b.current }))
        .filter((b) => b.delta !== 0);
      const entry = (b: (typeof pending)[number]): LedgerEntry => ({
        sku: b.sku,
        location: b.location,
        request: { type: 'adjustment', quantity: b.delta, reason: 'count' },
        referenceType: kind === 'stock' ? 'import' : kind,
        referenceId: String(ctx.importId),
      });
      const postOne = async (b: (typeof pending)[number]) => {
        try {
          await this.deps.ledger.post(ctx.actor, [entry(b)], { kind: batchKind, note });
        } catch (error) {
          throw countFailure(error, b);
        }
      };
      const failed = new Set<number>();
      if (pending.length > 0) {
        await ctx.sql.exec('SAVEPOINT import_batch');
        try {
          await this.deps.ledger.post(ctx.actor, pending.map(entry), { kind: batchKind, note });
          await ctx.sql.exec('RELEASE SAVEPOINT import_batch');
        } catch (error) {
          if (!rowFailure(error)) throw error;
          // Undo the batch and post its rows one by one: the one that fails is named (and skipped with skipInvalid).
          await ctx.sql.exec('ROLLBACK TO SAVEPOINT import_batch');
          for (const b of pending) {
            if (!(await this.attempt(ctx, [b.line], () => postOne(b)))) failed.add(b.line);
          }
          await ctx.sql.exec('RELEASE SAVEPOINT import_batch');
        }
      }
      for (const b of pending) {
        if (failed.has(b.line)) continue;
        adjusted += 1;
        if (b.delta > 0) unitsAdded += b.delta;
        else unitsRemoved -= b.delta;
        if (differences.length < MAX_REPORTED)
          differences.push({
            sku: b.sku,
            location: b.location,
            ledger: b.current,
            counted: b.counted,
            adjustment: b.delta,
          });
      }
      if (kind === 'amazon-inventory-age') {
        const rows = batch.filter((b) => !failed.has(b.line)).map((b) => b.data);
        for (const r of rows) snapshots.add(String(r['snapshotDate']));
        ageRows += await importsRepository.storeFbaAges(ctx.sql, ctx.actor.accountId, {
          locationId: fba!.id,
          importId: ctx.importId,
          rows,
        });
      }
      ctx.progress(batch.length);
      batch = [];
    };
    for await (const group of this.groups(ctx.sql, ctx.importId)) {
      const last = group[group.length - 1]!;
      const d = last.data;
      const counted =
        kind === 'stock'
          ? Number(d['quantity'])
          : kind === 'amazon-inventory'
            ? Number(d['fulfillable']) + Number(d['reserved'])
            : Number(d['available']) + Number(d['reserved'] ?? 0);
      batch.push({
        sku: String(d['sku']),
        location: kind === 'stock' ? String(d['location']) : fba!.code,
        counted,
        line: last.lineNo,
        data: d,
      });
      if (batch.length >= APPLY_PAGE) await post();
    }
    await post();
    const result: Record<string, unknown> = {
      adjusted,
      unitsAdded,
      unitsRemoved,
      differences,
      ...(fba ? { location: fba.code } : {}),
    };
    if (kind === 'amazon-inventory-age') {
      result['ageRowsStored'] = ageRows;
      result['ageComparison'] = await Promise.all(
        [...snapshots].sort().map((day) =>
          importsRepository.compareFbaAges(ctx.sql, ctx.actor.accountId, {
            locationId: fba!.id,
            snapshotDate: day,
            limit: 100,
          }),
        ),
      );
    }
    return result;
  }

  /** Orders (generic CSV or Amazon All Orders): one order per key, reserved, then shipped or cancelled as the file says. */
  private async applyOrders(
    ctx: ApplyContext,
    kind: 'orders' | 'amazon-orders',
  ): Promise<Record<string, unknown>> {
    let created = 0;
    let existing = 0;
    let shipped = 0;
    let cancelled = 0;
    for await (const group of this.groups(ctx.sql, ctx.importId)) {
      const first = group[0]!.data;
      const lines: IntakeLine[] = group
        .filter((r) => r.data['sku'] && Number(r.data['quantity']) > 0)
        .map((r) => ({
          sku: String(r.data['sku']),
          quantity: Number(r.data['quantity']),
          unitPrice:
            r.data['unitPrice'] === null || r.data['unitPrice'] === undefined
              ? null
              : Number(r.data['unitPrice']),
          externalLineId: null,
        }));
      const amazon = kind === 'amazon-orders';
      const disposition = amazon
        ? amazonDisposition(String(first['orderStatus']))
        : first['status'] === 'shipped'
          ? 'ship'
          : first['status'] === 'cancelled'
            ? 'cancel'
            : 'reserve';
      const intake = {
        channel: (amazon ? 'amazon' : String(first['channel'])) as OrderChannel,
        externalId: String(amazon ? first['amazonOrderId'] : first['externalId']),
        orderedAt: new Date(String(amazon ? first['purchaseDate'] : first['orderedAt'])),
        currency: typeof first['currency'] === 'string' ? first['currency'] : null,
        lines,
        unmapped: [],
      };
      if (disposition === 'skip' || lines.length === 0) {
        ctx.progress(group.length);
        continue;
      }
      let outcome = { created: 0, existing: 0, shipped: 0, cancelled: 0 };
      await this.attempt(
        ctx,
        group.map((r) => r.lineNo),
        async () => {
          outcome = { created: 0, existing: 0, shipped: 0, cancelled: 0 };
          if (disposition === 'cancel') {
            // A cancelled order in a history file: recorded, reserving nothing.
            const known = await this.deps.orders.findByExternal(ctx.actor, intake.channel, intake.externalId);
            if (known) {
              await this.deps.orders.cancel(ctx.actor, known.id);
              outcome.existing = 1;
            } else {
              const order = await this.deps.orders.create(ctx.actor, intake, { reserveNothing: true });
              outcome.created = order.replayed ? 0 : 1;
            }
            outcome.cancelled = 1;
          } else {
            const result = await this.deps.channels.ingest(ctx.actor, { intake, disposition });
            if (result.created) outcome.created = 1;
            else outcome.existing = 1;
            if (disposition === 'ship') outcome.shipped = 1;
          }
        },
      );
      created += outcome.created;
      existing += outcome.existing;
      shipped += outcome.shipped;
      cancelled += outcome.cancelled;
      ctx.progress(group.length);
    }
    return {
      ordersCreated: created,
      ordersExisting: existing,
      ordersShipped: shipped,
      ordersCancelled: cancelled,
    };
  }
}

/**
 * Whether an error is this row's fault (a domain rule, or a constraint or value the database refused
 * for this row's data) rather than the system's: only those are skipped or named by line.
 */
function rowFailure(
  error: unknown,
):
  | { code: ErrorCode; field: string; message: string; details: Record<string, unknown> | undefined }
  | undefined {
  if (isDomainError(error))
    return {
      code: error.code,
      field: error.field && !/^\d+$/.test(error.field) ? error.field : '(row)',
      message: error.message,
      details: error.details,
    };
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (typeof e.code === 'string' && /^2[23]/.test(e.code)) {
    const constraint = typeof e.constraint === 'string' ? e.constraint : '';
    if (constraint === 'products_barcode')
      return {
        code: 'DUPLICATE',
        field: 'barcode',
        message: 'another product already has this barcode',
        details: undefined,
      };
    return {
      code: 'VALIDATION_FAILED',
      field: '(row)',
      message: typeof e.message === 'string' ? e.message : 'the database refused this row',
      details: undefined,
    };
  }
  return undefined;
}

/** A count below what open orders hold reserved cannot be applied: say so in the seller's terms. */
function countFailure(error: unknown, row: { sku: string; location: string; counted: number }): unknown {
  if (!isDomainError(error) || error.code !== 'INSUFFICIENT_STOCK') return error;
  const onHand = Number(error.details?.['onHand'] ?? 0);
  const reserved = onHand - Number(error.details?.['available'] ?? onHand);
  return new DomainError(
    'INSUFFICIENT_STOCK',
    `${row.sku} at ${row.location}: counted ${row.counted}, but ${reserved} units are reserved by open orders`,
    { field: 'quantity', details: error.details, cause: error },
  );
}

function refusal(kind: ImportKind, r: { rejects: RejectedRow[]; rejected: number }): DomainError {
  const first = r.rejects[0];
  return new DomainError(
    'VALIDATION_FAILED',
    `${r.rejected} invalid row${r.rejected === 1 ? '' : 's'} in the ${kind} file; nothing was imported${first ? ` (line ${first.line}: ${first.message})` : ''}`,
    {
      field: first ? `line ${first.line}` : '(file)',
      details: { invalidRows: r.rejected, rejects: r.rejects.slice(0, 100) },
    },
  );
}

export function mapImportDto(i: ImportRecord) {
  return {
    id: i.id,
    kind: i.kind,
    fileName: i.fileName,
    status: i.status,
    rowsTotal: i.rowsTotal,
    rowsRejected: i.rowsRejected,
    result: i.result,
    createdAt: i.createdAt.toISOString(),
    finishedAt: i.finishedAt?.toISOString() ?? null,
  };
}
