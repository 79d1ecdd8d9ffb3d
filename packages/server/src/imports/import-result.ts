import type { Readable } from 'node:stream';
import type { ImportKind } from '@stockwise/domain/imports/import-formats';
import type { SalesHistoryMapping } from '@stockwise/domain/imports/sales-history';
import type { ImportRecord } from '@stockwise/db/imports/imports.repository';

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
  /** amazon-inventory: when Amazon's figures in the file were taken (ISO instant; default: now). */
  readAt?: string | undefined;
  totalBytes?: number | undefined;
  /** sales-history: which columns hold what (required for that kind). */
  mapping?: SalesHistoryMapping | undefined;
  /** SHA-256 of the file when known up front (files on disk): a finished file is skipped without parsing, an unfinished attempt is replaced. */
  fileHash?: string | undefined;
  onProgress?: ((fraction: number, message: string) => void) | undefined;
  /** Every rejected row, in file order (the CLI writes them to a rejects file). */
  onReject?: ((row: RejectedRow) => void) | undefined;
  /** Shutdown: stop between committed chunks (throws the signal's reason); the import resumes when run again. */
  signal?: AbortSignal | undefined;
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
  /** amazon-inventory: when Amazon's figures in the file were taken (ISO instant; default: now). */
  readAt?: string | undefined;
  stagedResult?: ImportResult;
  /** Shutdown: stop between committed chunks (throws the signal's reason); the import resumes when run again. */
  signal?: AbortSignal | undefined;
}

/** How many rejected rows (and differences) a result lists; onReject still sees every one. */
export const MAX_REPORTED = 1000;

/** Counts every rejected row, keeps the first MAX_REPORTED and passes each one on. */
export class RejectCollector {
  readonly rows: RejectedRow[] = [];
  count = 0;

  constructor(private readonly onReject: ((row: RejectedRow) => void) | undefined) {}

  readonly add = (row: RejectedRow): void => {
    this.count += 1;
    if (this.rows.length < MAX_REPORTED) this.rows.push(row);
    this.onReject?.(row);
  };
}

/** A file whose apply stopped part-way (committed chunks, then a crash): the apply picks up where it stopped. */
export function resumedResult(kind: ImportKind, previous: ImportRecord): ImportResult {
  return {
    importId: previous.id,
    kind,
    status: 'applied',
    rows: previous.rowsTotal,
    rejected: previous.rowsRejected,
    rejects: [],
    applied: {},
  };
}

/** The result of a file that was already applied: nothing changes. */
export function unchangedResult(kind: ImportKind, previous: ImportRecord): ImportResult {
  return {
    importId: previous.id,
    kind,
    status: 'unchanged',
    rows: previous.rowsTotal,
    rejected: previous.rowsRejected,
    rejects: [],
    applied: {},
  };
}
