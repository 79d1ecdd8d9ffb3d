import { DomainError } from '@stockwise/domain/errors';
import type { FbaAgeComparison, ImportRecord } from '@stockwise/db/imports/imports.repository';
import { importsRepository } from '@stockwise/db/imports/imports.repository';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import type { ImportServices } from './appliers/apply-context';
import { fbaLocation } from './appliers/fba-location';
import { applyImport } from './import-apply';
import type { ApplyOptions, ImportInput, ImportResult } from './import-result';
import { stageImport } from './import-staging';

/** Imports are streamed, validated row by row, staged, then applied in one transaction: all or nothing. */
export class ImportsService {
  constructor(
    private readonly tx: Transactor,
    private readonly services: ImportServices,
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
    const { code, id: locationId } = await fbaLocation(sql, actor.accountId, {
      location: q.location,
      whenNone: 'no amazon_fba location',
    });
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
      readAt: input.readAt,
      stagedResult: staged,
      signal: input.signal,
    });
  }

  /** Streams, validates and stages the rows (see import-staging.ts). */
  async stage(actor: Actor, input: ImportInput): Promise<ImportResult> {
    requirePermission(actor, input.kind === 'products' ? 'catalog:write' : 'inventory:write');
    return stageImport(this.tx.sql, actor, input);
  }

  /** Applies a staged import in one transaction (see import-apply.ts). */
  async apply(actor: Actor, importId: number, options: ApplyOptions = {}): Promise<ImportResult> {
    return applyImport(this.tx, this.services, { actor, importId, options });
  }
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
