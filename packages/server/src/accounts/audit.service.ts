import { DomainError } from '@stockwise/domain/errors';
import { auditRepository } from '@stockwise/db/accounts/audit.repository';
import type { Actor } from './actor';
import type { Transactor } from '../platform/transactor';

export class AuditService {
  constructor(private readonly tx: Transactor) {}

  async list(
    actor: Actor,
    q: { limit: number; cursor?: string | undefined; entityType?: string | undefined },
  ) {
    const page = await auditRepository.list(this.tx.sql, actor.accountId, q);
    if (!page) throw new DomainError('VALIDATION_FAILED', 'cursor is not valid', { field: 'cursor' });
    return {
      items: page.items.map((e) => ({
        id: e.id,
        actorUserId: e.actorUserId,
        actorTokenId: e.actorTokenId,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        before: e.before,
        after: e.after,
        at: e.at.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
