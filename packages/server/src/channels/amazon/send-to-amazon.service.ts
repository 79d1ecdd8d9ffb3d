import type { InboundDraft } from '@stockwise/domain/channels/amazon/send-to-amazon';
import { sendToAmazonFile } from '@stockwise/domain/channels/amazon/send-to-amazon';
import { DomainError } from '@stockwise/domain/errors';
import { networkOf } from '@stockwise/domain/ledger/network';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import { transferDraftsRepository } from '@stockwise/db/replenishment/transfer-drafts.repository';
import type { Actor } from '../../accounts/actor';
import { requirePermission } from '../../accounts/actor';
import type { Transactor } from '../../platform/transactor';

/**
 * A transfer draft from the restock plan (the seller's location → an Amazon location) as the file Seller
 * Central's Send to Amazon workflow uploads (docs/formulas.md, "Send to Amazon file"). Writes nothing.
 */
export class SendToAmazonService {
  constructor(private readonly tx: Transactor) {}

  async inboundFile(actor: Actor, draft: InboundDraft): Promise<{ fileName: string; body: string }> {
    requirePermission(actor, 'read');
    const sql = this.tx.sql;
    const [from, to] = await Promise.all(
      [draft.from, draft.to].map((code) => locationsRepository.findByCode(sql, actor.accountId, code)),
    );
    if (!from) throw new DomainError('UNKNOWN_LOCATION', `unknown location ${draft.from}`, { field: 'from' });
    if (!to) throw new DomainError('UNKNOWN_LOCATION', `unknown location ${draft.to}`, { field: 'to' });
    if (networkOf(to.type) !== 'amazon')
      throw new DomainError('VALIDATION_FAILED', `${to.code} is not an Amazon location`, { field: 'to' });
    if (networkOf(from.type) === 'amazon')
      throw new DomainError('VALIDATION_FAILED', `${from.code} is an Amazon location: send from your own`, {
        field: 'from',
      });
    const known = new Set(
      (
        await productsRepository.findManyBySku(
          sql,
          actor.accountId,
          draft.lines.map((l) => l.sku),
        )
      ).map((p) => p.sku),
    );
    const unknown = draft.lines.findIndex((l) => !known.has(l.sku));
    if (unknown >= 0)
      throw new DomainError('UNKNOWN_SKU', `unknown SKU ${draft.lines[unknown]?.sku ?? ''}`, {
        field: `lines.${String(unknown)}.sku`,
      });
    return { fileName: `send-to-amazon-${from.code}-${to.code}.txt`, body: sendToAmazonFile(draft) };
  }

  /**
   * A saved transfer draft (the planner's, table transfer_drafts) as the Send to Amazon file, by the same
   * rules as a posted draft; the file is named after the draft.
   */
  async savedDraftFile(actor: Actor, id: number): Promise<{ fileName: string; body: string }> {
    requirePermission(actor, 'read');
    const saved = await transferDraftsRepository.get(this.tx.sql, actor.accountId, id);
    if (!saved) throw new DomainError('NOT_FOUND', `no transfer draft ${String(id)}`, { field: 'id' });
    const file = await this.inboundFile(actor, {
      from: saved.fromLocation,
      to: saved.toLocation,
      lines: saved.lines,
    });
    return { ...file, fileName: file.fileName.replace(/\.txt$/, `-draft-${String(id)}.txt`) };
  }
}
