import type { ErrorCode } from '@stockwise/domain/errors';
import { DomainError, isDomainError } from '@stockwise/domain/errors';
import type { Sql } from '@stockwise/db/database';
import type { StagedRow } from '@stockwise/db/imports/imports.repository';
import { importsRepository } from '@stockwise/db/imports/imports.repository';
import type { ChannelsService } from '../../channels/channels.service';
import type { OrdersService } from '../../sales/orders.service';
import type { Actor } from '../../accounts/actor';
import type { LedgerService } from '../../ledger/ledger.service';
import type { RejectedRow } from '../import-result';

/** The services an import writes through, so each row obeys the same rules as a request would. */
export interface ImportServices {
  ledger: LedgerService;
  orders: OrdersService;
  channels: ChannelsService;
}

/** One staged import being applied, inside its transaction. */
export interface ApplyContext {
  sql: Sql;
  actor: Actor;
  importId: number;
  services: ImportServices;
  progress: (n: number) => void;
  location?: string | undefined;
  /** amazon-inventory: when Amazon's figures in the file were taken (ISO instant; default: now). */
  readAt?: string | undefined;
  skipInvalid: boolean;
  reject: (row: RejectedRow) => void;
  /** The staged groups to apply (one committed chunk of them); default: every staged row. */
  groups?: AsyncIterable<StagedRow[]> | undefined;
}

/** Applies the staged rows of one import kind; returns what it changed (the import's result). */
export type ImportApplier = (ctx: ApplyContext) => Promise<Record<string, unknown>>;

/** Staged rows read per query, and count adjustments posted per ledger batch. */
export const APPLY_PAGE = 1000;

/**
 * Staged lines a precheck reads and checks per query: small enough that no single statement holds the
 * embedded database (and with it every request) for long.
 */
export const PRECHECK_PAGE = 500;

/**
 * Runs one row's (or one order's) writes under a savepoint. Without skipInvalid a failure refuses the
 * file, naming the line; with it, the row's writes are undone, it is reported, and false is returned.
 */
export async function attempt(
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

/**
 * Runs a batch of rows' writes under a savepoint; when a row's data fails it, the batch is undone and
 * `oneByOne` runs instead, so the failing row is named (and skipped with skipInvalid).
 */
export async function inBatchOrOneByOne(
  ctx: ApplyContext,
  batch: () => Promise<void>,
  oneByOne: () => Promise<void>,
): Promise<void> {
  await ctx.sql.exec('SAVEPOINT import_batch');
  try {
    await batch();
  } catch (error) {
    if (!rowFailure(error)) throw error;
    await ctx.sql.exec('ROLLBACK TO SAVEPOINT import_batch');
    await oneByOne();
  }
  await ctx.sql.exec('RELEASE SAVEPOINT import_batch');
}

/**
 * Staged rows grouped by key (an order's lines; a SKU's rows), in key order, `pageSize` rows at a time, after
 * `afterKey`.
 */
export async function* stagedGroups(
  sql: Sql,
  importId: number,
  afterKey: string | null = null,
  pageSize = APPLY_PAGE,
): AsyncGenerator<StagedRow[]> {
  let after: { key: string; lineNo: number } | null =
    afterKey === null ? null : { key: afterKey, lineNo: 2 ** 31 - 1 };
  let current: StagedRow[] = [];
  for (;;) {
    const page = await importsRepository.readStaged(sql, importId, after, pageSize);
    const last = page[page.length - 1];
    if (!last) break;
    for (const row of page) {
      if (current.length > 0 && current[0]?.key !== row.key) {
        yield current;
        current = [];
      }
      current.push(row);
    }
    after = { key: last.key, lineNo: last.lineNo };
  }
  if (current.length > 0) yield current;
}

/**
 * Whether an error is this row's fault (a domain rule, or a constraint or value the database refused
 * for this row's data) rather than the system's: only those are skipped or named by line.
 */
export function rowFailure(
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
