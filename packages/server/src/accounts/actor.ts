import type { Permission } from '@stockwise/domain/accounts/roles';
import { can } from '@stockwise/domain/accounts/roles';
import { DomainError } from '@stockwise/domain/errors';
import type { Principal } from '@stockwise/db/accounts/credentials.repository';

/** The authenticated caller every service method receives; its accountId scopes every query. */
export type Actor = Principal;

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new DomainError('FORBIDDEN', `role ${actor.role} may not do this (needs ${permission})`);
  }
}

export function auditActor(actor: Actor): {
  accountId: number;
  actorUserId: number;
  actorTokenId: number | null;
} {
  return { accountId: actor.accountId, actorUserId: actor.userId, actorTokenId: actor.tokenId };
}
