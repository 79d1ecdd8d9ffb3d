import { auditRepository } from '@stockwise/db/accounts/audit.repository';
import type { Actor } from './actor';
import { mapPage } from '../platform/page';
import type { Transactor } from '../platform/transactor';

export class AuditService {
  constructor(private readonly tx: Transactor) {}

  async list(
    actor: Actor,
    q: { limit: number; cursor?: string | undefined; entityType?: string | undefined },
  ) {
    const page = await auditRepository.list(this.tx.sql, actor.accountId, q);
    return mapPage(page, ({ accountId: _accountId, at, ...entry }) => ({ ...entry, at: at.toISOString() }));
  }
}
