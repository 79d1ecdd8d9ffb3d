import { DomainError } from '@stockwise/domain/errors';
import type { InvitationRecord } from '@stockwise/db/accounts/invitations.repository';
import { invitationsRepository } from '@stockwise/db/accounts/invitations.repository';
import { accountsRepository } from '@stockwise/db/accounts/accounts.repository';
import { credentialsRepository } from '@stockwise/db/accounts/credentials.repository';
import type { Actor } from './actor';
import { auditTrail, requirePermission } from './actor';
import type { NewUser } from './auth.service';
import { hashPassword, verifyPassword } from '../platform/secrets';
import type { Transactor } from '../platform/transactor';
import type { JobsService } from '../jobs/jobs.service';

export function mapInvitationDto(i: InvitationRecord) {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    accountId: i.accountId,
    accountName: i.accountName,
    createdAt: i.createdAt.toISOString(),
  };
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Membership by invitation, removal, and password changes. Nobody joins an account unasked: adding an
 * e-mail records an invitation, and an existing user joins only by accepting it (a user created by the
 * invitation, whose credentials the owner chose, joins at their first sign-in). The answer is the same
 * whether the e-mail was known or not, so adding members cannot probe which e-mails have an account.
 */
export class MembersService {
  constructor(private readonly tx: Transactor) {}

  /** An owner invites an e-mail with a role; the password is used only if the e-mail has no user yet. */
  async invite(
    actor: Actor,
    user: NewUser,
  ): Promise<{ email: string; role: NewUser['role']; status: 'invited' }> {
    requirePermission(actor, 'users:manage');
    const email = normaliseEmail(user.email);
    // Hashed whatever the case, so a known e-mail answers no faster than an unknown one.
    const passwordHash = await hashPassword(user.password);
    await this.tx.run(async (sql) => {
      let existing = await accountsRepository.findUserByEmail(sql, email);
      if (existing && (await accountsRepository.findMembership(sql, actor.accountId, existing.id)))
        throw new DomainError('DUPLICATE', `${email} is already a member`, { field: 'email' });
      const created = !existing;
      existing ??= await accountsRepository.createUser(sql, {
        email,
        name: user.name ?? null,
        passwordHash,
        ...(user.locale ? { locale: user.locale } : {}),
      });
      await invitationsRepository.upsert(sql, {
        accountId: actor.accountId,
        userId: existing.id,
        role: user.role,
        autoAccept: created,
        invitedBy: actor.userId,
      });
      await auditTrail(sql, actor).record('member.invite', ['user', email], null, { role: user.role });
    });
    return { email, role: user.role, status: 'invited' };
  }

  /** The account's pending invitations (owners). */
  async pending(actor: Actor): Promise<InvitationRecord[]> {
    requirePermission(actor, 'users:manage');
    return invitationsRepository.listForAccount(this.tx.sql, actor.accountId);
  }

  async withdraw(actor: Actor, invitationId: number): Promise<void> {
    requirePermission(actor, 'users:manage');
    if (!(await invitationsRepository.remove(this.tx.sql, { id: invitationId, accountId: actor.accountId })))
      throw new DomainError('NOT_FOUND', `no invitation ${invitationId}`, { field: 'id' });
  }

  /** The signed-in user's invitations into other accounts. */
  async mine(actor: Actor): Promise<InvitationRecord[]> {
    return invitationsRepository.listForUser(this.tx.sql, actor.userId);
  }

  async accept(actor: Actor, invitationId: number): Promise<InvitationRecord> {
    return this.tx.run(async (sql) => {
      const accepted = await invitationsRepository.accept(sql, actor.userId, invitationId);
      if (!accepted) throw new DomainError('NOT_FOUND', `no invitation ${invitationId}`, { field: 'id' });
      await auditTrail(sql, { ...actor, accountId: accepted.accountId }).record(
        'member.join',
        ['user', accepted.email],
        null,
        { role: accepted.role },
      );
      return accepted;
    });
  }

  async decline(actor: Actor, invitationId: number): Promise<void> {
    if (!(await invitationsRepository.remove(this.tx.sql, { id: invitationId, userId: actor.userId })))
      throw new DomainError('NOT_FOUND', `no invitation ${invitationId}`, { field: 'id' });
  }

  /** Removes a member: their tokens for this account are revoked and their sessions in it end. */
  async remove(actor: Actor, userId: number): Promise<void> {
    requirePermission(actor, 'users:manage');
    await this.tx.run(async (sql) => {
      const member = await accountsRepository.findMembership(sql, actor.accountId, userId);
      if (!member) throw new DomainError('NOT_FOUND', `no member ${userId}`, { field: 'userId' });
      if (member.role === 'owner' && (await accountsRepository.lockOwners(sql, actor.accountId)) <= 1)
        throw new DomainError('CONFLICT', 'the last owner cannot be removed', { field: 'userId' });
      await accountsRepository.removeMembership(sql, actor.accountId, userId);
      await auditTrail(sql, actor).record(
        'member.remove',
        ['user', member.email],
        { role: member.role },
        null,
      );
    });
  }

  /** The CLI's `user remove`: the member with this e-mail. */
  async removeByEmail(actor: Actor, emailInput: string): Promise<{ email: string }> {
    const email = normaliseEmail(emailInput);
    const user = await accountsRepository.findUserByEmail(this.tx.sql, email);
    if (!user) throw new DomainError('NOT_FOUND', `${email} is not a member`, { field: 'email' });
    await this.remove(actor, user.id);
    return { email };
  }

  /**
   * Changes the signed-in user's password: every other session ends and every API token is revoked
   * (whoever learnt the old password may have made some).
   */
  async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<void> {
    const user = await accountsRepository.findUserById(this.tx.sql, actor.userId);
    if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash)))
      throw new DomainError('VALIDATION_FAILED', 'the current password is wrong', {
        field: 'currentPassword',
      });
    const passwordHash = await hashPassword(input.newPassword);
    await this.tx.run(async (sql) => {
      await accountsRepository.setPasswordHash(sql, actor.userId, passwordHash);
      await credentialsRepository.revokeAllOfUser(sql, actor.userId, actor.sessionId);
      await auditTrail(sql, actor).record('user.password', ['user', user.email], null, null);
    });
  }

  /** The purge job: expired sessions deleted. */
  async purgeExpiredSessions(): Promise<number> {
    return credentialsRepository.purgeExpiredSessions(this.tx.sql);
  }
}

/** Expired sessions are deleted hourly, on every worker (a DELETE of nothing is harmless). */
export function scheduleSessionPurge(jobs: JobsService, members: MembersService): void {
  jobs.addSchedule(async () => {
    await members.purgeExpiredSessions();
  }, 3_600_000);
}
