import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { Parser } from 'csv-parse';
import type { ImportKind, ImportRow } from '@stockwise/domain/imports/import-formats';
import { checkHeader, IMPORT_FORMATS, validateImportRow } from '@stockwise/domain/imports/import-formats';
import type { NonStockRule, SalesHistoryMapping } from '@stockwise/domain/imports/sales-history';
import { checkMappedHeader, salesHistoryRow, salesLineKey } from '@stockwise/domain/imports/sales-history';
import { salesHistoryRepository } from '@stockwise/db/sales/sales-history.repository';
import { DomainError, isDomainError } from '@stockwise/domain/errors';
import type { Sql } from '@stockwise/db/database';
import type { StagedRow } from '@stockwise/db/imports/imports.repository';
import { importsRepository } from '@stockwise/db/imports/imports.repository';
import type { Actor } from '../accounts/actor';
import type { ImportInput, ImportResult, RejectedRow } from './import-result';
import { RejectCollector, resumedResult, unchangedResult } from './import-result';

import { yieldToEventLoop } from '../platform/event-loop';
import { utf8Check } from './utf8-check';

/**
 * Rows checked against the catalog (SKUs, locations) and staged per statement: small enough that no statement
 * holds the embedded database (and every request waiting on it) for long.
 */
const STAGE_CHUNK = 1000;

interface ParsedRow {
  lineNo: number;
  row: ImportRow;
}

/**
 * Streams, validates every row and stages the valid ones. With invalid rows and no skipInvalid, the
 * import is refused (VALIDATION_FAILED listing line numbers and reasons) and nothing is staged.
 */
export async function stageImport(sql: Sql, actor: Actor, input: ImportInput): Promise<ImportResult> {
  const skipInvalid = input.skipInvalid ?? false;
  const key = { kind: input.kind, skipInvalid };
  // The same file read through another mapping is another import.
  const keyHash = (fileHash: string) =>
    input.mapping
      ? createHash('sha256')
          .update(`${fileHash}\n${JSON.stringify(input.mapping)}`)
          .digest('hex')
      : fileHash;
  if (input.fileHash) {
    const previous = await importsRepository.findByHash(sql, actor.accountId, {
      ...key,
      fileHash: keyHash(input.fileHash),
    });
    if (previous?.status === 'applied') return unchangedResult(input.kind, previous);
    // Partly applied in committed chunks before a crash: resume it (applying it again would count twice).
    if (previous && previous.appliedThrough > 0) return resumedResult(input.kind, previous);
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
  const rejects = new RejectCollector(input.onReject);
  const { fileHash, rows } = await readAndStage(sql, actor, { input, importId, rejects, skipInvalid });
  if (input.fileHash && input.fileHash !== fileHash)
    throw new DomainError('CONFLICT', 'the file changed while it was being imported');
  const previous = input.fileHash
    ? undefined
    : await importsRepository.findByHash(sql, actor.accountId, { ...key, fileHash: keyHash(fileHash) });
  if (previous?.status === 'applied' || (previous && previous.appliedThrough > 0)) {
    await importsRepository.delete(sql, actor.accountId, importId);
    return previous.status === 'applied'
      ? unchangedResult(input.kind, previous)
      : resumedResult(input.kind, previous);
  }
  // An earlier attempt at this file that never finished (killed, refused): this one replaces it.
  if (previous) await importsRepository.delete(sql, actor.accountId, previous.id);
  rejects.rows.sort((a, b) => a.line - b.line);
  if (rejects.count > 0 && !skipInvalid) {
    await importsRepository.delete(sql, actor.accountId, importId);
    throw refusal(input.kind, rejects);
  }
  await importsRepository.setHash(sql, importId, {
    fileHash: keyHash(fileHash),
    rowsTotal: rows,
    rowsRejected: rejects.count,
  });
  return {
    importId,
    kind: input.kind,
    status: 'applied',
    rows,
    rejected: rejects.count,
    rejects: rejects.rows,
    applied: {},
  };
}

/** Parses the file row by row, staging valid rows a chunk at a time; returns the file's SHA-256 and row count. */
async function readAndStage(
  sql: Sql,
  actor: Actor,
  s: { input: ImportInput; importId: number; rejects: RejectCollector; skipInvalid: boolean },
): Promise<{ fileHash: string; rows: number }> {
  const { input, rejects } = s;
  const hash = createHash('sha256');
  let bytes = 0;
  let rows = 0;
  const reader = await rowReader(sql, actor.accountId, input);
  const parser = csvParser(input.kind, { reject: rejects.add, checkHeader: reader.checkHeader });
  const meter = new PassThrough();
  meter.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  const feeding = pipeline(
    input.source instanceof Readable ? input.source : Readable.from(input.source),
    utf8Check(),
    meter,
  ).catch((error: unknown) => {
    parser.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  meter.pipe(parser);

  let pending: ParsedRow[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    if (input.signal?.aborted) {
      // Shutdown: this attempt is dropped; the job stages the file again when it runs next.
      await importsRepository.delete(sql, actor.accountId, s.importId);
      input.signal.throwIfAborted();
    }
    const good = await knownRows(sql, actor.accountId, batch, rejects.add);
    // Once the file is refused, stop staging: only collect what else is wrong.
    if (s.skipInvalid || rejects.count === 0) await importsRepository.stage(sql, s.importId, good);
    input.onProgress?.(
      input.totalBytes ? Math.min(0.5, (bytes / input.totalBytes) * 0.5) : 0,
      `checked ${rows} rows`,
    );
    // The embedded database resolves in microtasks: give queued requests (/api/health) their turn.
    await yieldToEventLoop();
  };

  try {
    for await (const item of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      rows += 1;
      try {
        pending.push({ lineNo: item.info.lines, row: reader.validate(item.record) });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        rejects.add({ line: item.info.lines, field: error.field ?? '(row)', message: error.message });
      }
      if (pending.length >= STAGE_CHUNK) await flush();
    }
    await flush();
  } catch (error) {
    // Broken quoting, a bad header or a ragged row: the parser cannot go on.
    const e = error as Error & { lines?: number; code?: string };
    const badLine = isDomainError(error) ? error.details?.['line'] : undefined;
    // Not UTF-8 (utf8Check): the file's encoding is wrong, so it is refused whole, even with skipInvalid.
    if (isDomainError(error) && typeof badLine === 'number')
      rejects.add({ line: badLine, field: '(file)', message: error.message });
    else if (isDomainError(error))
      rejects.add({ line: 1, field: error.field ?? 'header', message: error.message });
    else if (typeof e.code === 'string' && e.code.startsWith('CSV_'))
      rejects.add({ line: e.lines ?? rows + 1, field: '(row)', message: e.message });
    else throw error;
    // Stop reading: the rest of the file would wait on a parser that is gone (a large file hung here).
    meter.unpipe(parser);
    meter.destroy();
    await importsRepository.delete(sql, actor.accountId, s.importId);
    rejects.rows.sort((a, b) => a.line - b.line);
    throw refusal(input.kind, rejects);
  } finally {
    await feeding;
  }
  return { fileHash: hash.digest('hex'), rows };
}

/** How a kind's rows are read: its header check and row validation (a sales history through its mapping). */
async function rowReader(
  sql: Sql,
  accountId: number,
  input: ImportInput,
): Promise<{ checkHeader: (names: string[]) => void; validate: (row: Record<string, string>) => ImportRow }> {
  if (input.kind !== 'sales-history')
    return {
      checkHeader: (names) => {
        checkHeader(input.kind, names);
      },
      validate: (row) => validateImportRow(input.kind, row),
    };
  if (!input.mapping)
    throw new DomainError('VALIDATION_FAILED', 'a sales history needs a mapping of its columns', {
      field: 'mapping',
    });
  const mapping: SalesHistoryMapping = input.mapping;
  const rule: NonStockRule = await salesHistoryRepository.nonStockRule(sql, accountId);
  const seen = new Map<string, number>();
  return {
    checkHeader: (names) => {
      checkMappedHeader(mapping, names);
    },
    validate: (row) => {
      const line = salesHistoryRow(mapping, row, rule);
      // The n-th line of this SKU in this order on this day: overlapping files repeat it, counted once.
      const key = salesLineKey(line.data);
      if (key !== null) {
        const occurrence = (seen.get(key) ?? 0) + 1;
        seen.set(key, occurrence);
        line.data['occurrence'] = occurrence;
      }
      return line;
    },
  };
}

/** The format's CSV parser: header checked and lower-cased, broken rows reported and skipped. */
function csvParser(
  kind: ImportKind,
  read: { reject: (row: RejectedRow) => void; checkHeader: (names: string[]) => void },
): Parser {
  const { reject } = read;
  const format = IMPORT_FORMATS[kind];
  const parser = parse({
    delimiter: format.delimiter,
    quote: format.quoted ? '"' : false,
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim().toLowerCase());
      read.checkHeader(names);
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
  return parser;
}

/** The rows whose SKU and location the account knows; the others are rejected. */
async function knownRows(
  sql: Sql,
  accountId: number,
  batch: readonly ParsedRow[],
  reject: (row: RejectedRow) => void,
): Promise<StagedRow[]> {
  const skus = [...new Set(batch.flatMap((b) => (b.row.sku ? [b.row.sku] : [])))];
  const locations = [...new Set(batch.flatMap((b) => (b.row.location ? [b.row.location] : [])))];
  const knownSkus = skus.length ? await importsRepository.knownSkus(sql, accountId, skus) : new Set<string>();
  const knownLocations = locations.length
    ? await importsRepository.knownLocations(sql, accountId, locations)
    : new Set<string>();
  const good: StagedRow[] = [];
  for (const b of batch) {
    if (b.row.sku && !knownSkus.has(b.row.sku))
      reject({ line: b.lineNo, field: 'sku', message: `unknown SKU ${b.row.sku}` });
    else if (b.row.location && !knownLocations.has(b.row.location))
      reject({ line: b.lineNo, field: 'location', message: `unknown location ${b.row.location}` });
    else good.push({ lineNo: b.lineNo, key: b.row.key, data: b.row.data });
  }
  return good;
}

function refusal(kind: ImportKind, r: { rows: RejectedRow[]; count: number }): DomainError {
  const first = r.rows[0];
  return new DomainError(
    'VALIDATION_FAILED',
    `${r.count} invalid row${r.count === 1 ? '' : 's'} in the ${kind} file; nothing was imported${first ? ` (line ${first.line}: ${first.message})` : ''}`,
    {
      field: first ? `line ${first.line}` : '(file)',
      details: { invalidRows: r.count, rejects: r.rows.slice(0, 100) },
    },
  );
}
