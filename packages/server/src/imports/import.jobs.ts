import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportKind } from '@stockwise/domain/imports/import-formats';
import type { SalesHistoryMapping } from '@stockwise/domain/imports/sales-history';
import { csvCell } from '@stockwise/domain/reports/spreadsheet-text';
import type { JobContext, JobsService } from '../jobs/jobs.service';
import type { Actor } from '../accounts/actor';
import type { ImportResult, RejectedRow } from './import-result';
import type { ImportsService } from './imports.service';

export interface FileImportOptions {
  kind: ImportKind;
  path: string;
  skipInvalid?: boolean | undefined;
  location?: string | undefined;
  /** amazon-inventory: when Amazon's figures in the file were taken (ISO instant; default: now). */
  readAt?: string | undefined;
  /** sales-history: which columns hold what. */
  mapping?: SalesHistoryMapping | undefined;
  /** With skipInvalid: where rejected rows go (CSV: line,field,message). */
  rejectsPath?: string | undefined;
  onProgress?: ((fraction: number, message: string) => void) | undefined;
  /** Shutdown: stop between committed chunks; the import resumes when the job runs again. */
  signal?: AbortSignal | undefined;
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Imports a file from disk, streaming it, writing rejected rows to the rejects file as they are found. */
export async function importFile(
  imports: ImportsService,
  actor: Actor,
  options: FileImportOptions,
): Promise<ImportResult & { rejectsPath: string | null }> {
  const fileHash = await hashFile(options.path);
  const rejects =
    options.skipInvalid && options.rejectsPath ? createWriteStream(options.rejectsPath) : undefined;
  rejects?.write('line,field,message\n');
  try {
    const result = await imports.run(actor, {
      kind: options.kind,
      source: createReadStream(options.path),
      fileName: basename(options.path),
      skipInvalid: options.skipInvalid,
      location: options.location,
      readAt: options.readAt,
      totalBytes: statSync(options.path).size,
      fileHash,
      mapping: options.mapping,
      onProgress: options.onProgress,
      signal: options.signal,
      onReject: rejects
        ? (r: RejectedRow) => rejects.write(`${[r.line, r.field, r.message].map(csvCell).join(',')}\n`)
        : undefined,
    });
    return { ...result, rejectsPath: rejects ? options.rejectsPath! : null };
  } finally {
    if (rejects) await new Promise<void>((resolve) => rejects.end(resolve));
  }
}

/** Progress from inside the apply transaction must not wait for it (PGlite has one connection): fire and forget. */
const progressOf = (ctx: JobContext) => (fraction: number, message: string) => {
  ctx.reportProgress(fraction, message).catch(() => undefined);
};

export function registerImportJobs(jobs: JobsService, imports: ImportsService): void {
  jobs.register('import.file', async (ctx) => {
    const p = ctx.job.payload as unknown as FileImportOptions;
    return importFile(imports, ctx.actor, {
      kind: p.kind,
      path: p.path,
      skipInvalid: p.skipInvalid,
      location: p.location,
      readAt: p.readAt,
      rejectsPath: p.rejectsPath,
      mapping: p.mapping,
      onProgress: progressOf(ctx),
      signal: ctx.signal,
    });
  });
  jobs.register('import.apply', async (ctx) => {
    const p = ctx.job.payload as { importId: number; location?: string; readAt?: string };
    return imports.apply(ctx.actor, p.importId, {
      location: p.location,
      readAt: p.readAt,
      onProgress: progressOf(ctx),
      signal: ctx.signal,
    });
  });
}
