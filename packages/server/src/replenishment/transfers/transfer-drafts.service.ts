import { DomainError } from '@stockwise/domain/errors';
import type {
  TransferDraft,
  TransferDraftLine,
  TransferDraftStatus,
} from '@stockwise/domain/replenishment/transfer-draft';
import { checkDraftOpen, checkTransferDraft } from '@stockwise/domain/replenishment/transfer-draft';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import { transferDraftsRepository } from '@stockwise/db/replenishment/transfer-drafts.repository';
import type { Actor } from '../../accounts/actor';
import { auditedWrite, requirePermission } from '../../accounts/actor';
import type { Transactor } from '../../platform/transactor';
import type { Sql } from '@stockwise/db/database';

export interface TransferDraftInput {
  fromLocation: string;
  toLocation: string;
  lines: TransferDraftLine[];
}

/**
 * Transfer drafts: the restock planner's transfer lines of one route saved as a shipment in the making
 * (listable, deletable while a draft). They move no stock; the Send-to-Amazon export reads them.
 */
export class TransferDraftsService {
  constructor(private readonly tx: Transactor) {}

  async create(actor: Actor, input: TransferDraftInput): Promise<TransferDraft> {
    requirePermission(actor, 'inventory:write');
    checkTransferDraft(input);
    return auditedWrite(this.tx, actor, 'transfer_draft.create', async (sql) => {
      const locationId = async (field: 'fromLocation' | 'toLocation') => {
        const found = await locationsRepository.findByCode(sql, actor.accountId, input[field]);
        if (!found) throw new DomainError('UNKNOWN_LOCATION', `unknown location ${input[field]}`, { field });
        return found.id;
      };
      const fromLocationId = await locationId('fromLocation');
      const toLocationId = await locationId('toLocation');
      const products = new Map(
        (
          await productsRepository.findManyBySku(
            sql,
            actor.accountId,
            input.lines.map((l) => l.sku),
          )
        ).map((p) => [p.sku, p.id]),
      );
      const lines = input.lines.map((l, i) => {
        const productId = products.get(l.sku);
        if (productId === undefined)
          throw new DomainError('UNKNOWN_SKU', `unknown SKU ${l.sku}`, { field: `lines.${String(i)}.sku` });
        return { productId, quantity: l.quantity };
      });
      const id = await transferDraftsRepository.create(sql, actor.accountId, {
        fromLocationId,
        toLocationId,
        createdBy: actor.userId,
        lines,
      });
      const draft = await transferDraftsRepository.get(sql, actor.accountId, id);
      if (!draft) throw new Error('transfer draft vanished after insert');
      return { entity: ['transfer_draft', String(id)], before: null, after: draft };
    });
  }

  async list(actor: Actor, q: { status?: TransferDraftStatus | undefined } = {}): Promise<TransferDraft[]> {
    requirePermission(actor, 'read');
    return transferDraftsRepository.list(this.tx.sql, actor.accountId, q.status ? { status: q.status } : {});
  }

  async get(actor: Actor, id: number): Promise<TransferDraft> {
    requirePermission(actor, 'read');
    const draft = await transferDraftsRepository.get(this.tx.sql, actor.accountId, id);
    if (!draft) throw new DomainError('NOT_FOUND', `no transfer draft ${String(id)}`, { field: 'id' });
    return draft;
  }

  /**
   * Marks a draft sent (the shipment has left): it leaves the open list and can no longer be deleted.
   * It moves no stock; the transfer movement records the stock that left.
   */
  async markSent(actor: Actor, id: number): Promise<TransferDraft> {
    requirePermission(actor, 'inventory:write');
    return auditedWrite(this.tx, actor, 'transfer_draft.sent', async (sql) => {
      const draft = await lockedOpenDraft(sql, actor, id);
      await transferDraftsRepository.markSent(sql, actor.accountId, id);
      const sent = await transferDraftsRepository.get(sql, actor.accountId, id);
      if (!sent) throw new Error('transfer draft vanished after update');
      return { entity: ['transfer_draft', String(id)], before: draft, after: sent };
    });
  }

  /** Deletes a draft; a sent one stays as the record of what left. */
  async delete(actor: Actor, id: number): Promise<void> {
    requirePermission(actor, 'inventory:write');
    await auditedWrite<TransferDraft | null>(this.tx, actor, 'transfer_draft.delete', async (sql) => {
      const draft = await lockedOpenDraft(sql, actor, id);
      await transferDraftsRepository.delete(sql, actor.accountId, id);
      return { entity: ['transfer_draft', String(id)], before: draft, after: null };
    });
  }
}

/** The draft, locked until the transaction ends, if it exists here and is still a draft (else 404 / 409). */
async function lockedOpenDraft(sql: Sql, actor: Actor, id: number): Promise<TransferDraft> {
  const draft = await transferDraftsRepository.get(sql, actor.accountId, id, { lock: true });
  if (!draft) throw new DomainError('NOT_FOUND', `no transfer draft ${String(id)}`, { field: 'id' });
  checkDraftOpen(draft);
  return draft;
}
