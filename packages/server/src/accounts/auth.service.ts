import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '@stockwise/domain/accounts/roles';
import { DomainError } from '@stockwise/domain/errors';
import type { MembershipRecord } from '@stockwise/db/accounts/accounts.repository';
import { accountsRepository } from '@stockwise/db/accounts/accounts.repository';
import { auditRepository } from '@stockwise/db/accounts/audit.repository';
import type { Principal, TokenRecord } from '@stockwise/db/accounts/credentials.repository';
import { credentialsRepository } from '@stockwise/db/accounts/credentials.repository';
import { invitationsRepository } from '@stockwise/db/accounts/invitations.repository';
import type { Actor } from './actor';
import { auditActor, auditTrail } from './actor';
import { hashPassword, hashSecret, needsRehash, newSecret, verifyPassword } from '../platform/secrets';
import { LoginThrottle } from './login-throttle.service';
import type { Transactor } from '../platform/transactor';
import { TurnBatch } from '../platform/turn-batch';

export const SESSION_DAYS = 14;

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  name?: string | null | undefined;
  locale?: string | undefined;
}

export function mapMemberDto(m: MembershipRecord) {
  return {
    userId: m.userId,
    email: m.email,
    name: m.name,
    role: m.role,
    locale: m.locale,
    accountId: m.accountId,
    accountName: m.accountName,
  };
}

export function mapTokenDto(t: TokenRecord) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    userId: t.userId,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
  };
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** 12 hexadecimal digits in groups of four: 48 random bits, for one use by whoever reads the server log. */
function newSetupCode(): string {
  const hex = randomBytes(6).toString('hex');
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8)}`;
}

/** Typed codes may differ in case, spaces and dashes. */
const normaliseSetupCode = (code: string) => {
  const hex = code.toLowerCase().replace(/[\s-]/g, '');
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8)}`;
};

const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export class AuthService {
  private readonly throttle: LoginThrottle;
  /** The hash of this process's one-time setup code; null until `issueSetupCode` (then setup is refused). */
  private setupCodeHash: string | null = null;

  private readonly bearers = new TurnBatch<Principal>((hashes) =>
    credentialsRepository.findPrincipalsByTokenHashes(this.tx.db, hashes),
  );
  private readonly sessions = new TurnBatch<Principal>((hashes) =>
    credentialsRepository.findPrincipalsBySessionHashes(this.tx.db, hashes),
  );

  constructor(private readonly tx: Transactor) {
    this.throttle = new LoginThrottle(tx);
  }

  /** Whether the instance has no account yet (the web UI then offers first-owner setup). */
  async needsSetup(): Promise<boolean> {
    return (await accountsRepository.countAccounts(this.tx.sql)) === 0;
  }

  /**
   * Creates (or finds) the account by name and adds the user with a role. An existing user keeps
   * their password unless `resetPassword` is set (the CLI's `user create` on a known email).
   */
  async createUser(
    accountName: string,
    user: NewUser,
    options: { resetPassword?: boolean } = {},
  ): Promise<MembershipRecord> {
    const email = normaliseEmail(user.email);
    const passwordHash = await hashPassword(user.password);
    return this.tx.run(async (sql) => {
      const account =
        (await accountsRepository.findAccountByName(sql, accountName)) ??
        (await accountsRepository.createAccount(sql, accountName));
      let record = await accountsRepository.findUserByEmail(sql, email);
      if (!record) {
        record = await accountsRepository.createUser(sql, {
          email,
          name: user.name ?? null,
          passwordHash,
          ...(user.locale ? { locale: user.locale } : {}),
        });
      } else if (options.resetPassword) {
        await accountsRepository.setPasswordHash(sql, record.id, passwordHash);
        // A reset ends every session and revokes every token made with the old password.
        await credentialsRepository.revokeAllOfUser(sql, record.id, null);
      }
      await accountsRepository.upsertMembership(sql, {
        accountId: account.id,
        userId: record.id,
        role: user.role,
      });
      await auditRepository.record(sql, {
        accountId: account.id,
        actorUserId: null,
        actorTokenId: null,
        action: 'user.add',
        entityType: 'user',
        entityId: email,
        before: null,
        after: { role: user.role },
      });
      return (await accountsRepository.findMembership(sql, account.id, record.id))!;
    });
  }

  /**
   * On a fresh instance, a new one-time setup code for first-owner setup (printed in the serving process's
   * log, so only whoever reads that log can claim the instance); null once an account exists. Only its hash
   * stays in memory; a restart issues a new one.
   */
  async issueSetupCode(): Promise<string | null> {
    if (!(await this.needsSetup())) return null;
    const code = newSetupCode();
    this.setupCodeHash = hashSecret(code);
    return code;
  }

  /** First-owner setup from the web UI: only while the instance has no account, with this process's setup code. */
  async setupFirstOwner(input: {
    accountName: string;
    email: string;
    password: string;
    setupCode: string;
    name?: string | null;
  }): Promise<MembershipRecord> {
    return this.tx.run(async (sql) => {
      await sql.query('SELECT pg_advisory_xact_lock(7264398522)');
      if ((await accountsRepository.countAccounts(sql)) > 0) {
        throw new DomainError('CONFLICT', 'this Stockwise already has an owner; sign in instead');
      }
      if (
        !this.setupCodeHash ||
        !sameHash(hashSecret(normaliseSetupCode(input.setupCode)), this.setupCodeHash)
      ) {
        throw new DomainError('FORBIDDEN', 'wrong setup code: copy it from the log of the running server', {
          field: 'setupCode',
        });
      }
      return this.createUser(input.accountName, {
        email: input.email,
        password: input.password,
        role: 'owner',
        name: input.name,
      });
    });
  }

  async listMembers(actor: Actor): Promise<MembershipRecord[]> {
    return accountsRepository.listMembers(this.tx.sql, actor.accountId);
  }

  /**
   * Signs in to the account the user last used (else their first). Throttled per account and per
   * client address (LoginThrottle); a hash weaker than today's cost is replaced with a stronger one.
   */
  async login(
    emailInput: string,
    password: string,
    options: { address?: string | undefined } = {},
  ): Promise<{ sessionToken: string; principal: Principal; expiresAt: Date }> {
    const email = normaliseEmail(emailInput);
    const keys = { email, address: options.address };
    await this.throttle.check(keys);
    const user = await accountsRepository.findUserByEmail(this.tx.sql, email);
    // Verify against a dummy hash when the user is unknown so timing does not reveal which emails exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    // A user created by an invitation joins that account at their first sign-in.
    if (user && ok) await invitationsRepository.acceptAutomatic(this.tx.sql, user.id);
    const memberships = user ? await accountsRepository.listMembershipsOfUser(this.tx.sql, user.id) : [];
    const landing = memberships.find((m) => m.accountId === user?.lastAccountId) ?? memberships[0];
    if (!user || !ok || !landing) {
      await this.throttle.failed(keys);
      throw new DomainError('UNAUTHENTICATED', 'email or password is wrong');
    }
    await this.throttle.succeeded(keys);
    if (needsRehash(user.passwordHash))
      await accountsRepository.setPasswordHash(this.tx.sql, user.id, await hashPassword(password));
    const sessionToken = newSecret('sws');
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
    const sessionId = await this.tx.run(async (sql) => {
      await accountsRepository.setLastAccount(sql, user.id, landing.accountId);
      return credentialsRepository.createSession(sql, {
        userId: user.id,
        accountId: landing.accountId,
        tokenHash: hashSecret(sessionToken),
        expiresAt,
      });
    });
    return {
      sessionToken,
      expiresAt,
      principal: {
        accountId: landing.accountId,
        userId: user.id,
        role: landing.role,
        tokenId: null,
        sessionId,
      },
    };
  }

  async logout(actor: Actor): Promise<void> {
    if (actor.sessionId !== null) await credentialsRepository.deleteSession(this.tx.sql, actor.sessionId);
  }

  /**
   * The principal behind an API token. Requests that arrive together are authenticated by one
   * statement (TurnBatch); inside an open unit of work the look-up joins its transaction instead.
   */
  async authenticateBearer(token: string): Promise<Principal | undefined> {
    const hash = hashSecret(token);
    if (!this.tx.inTransaction) return this.bearers.load(hash);
    return (await credentialsRepository.findPrincipalsByTokenHashes(this.tx.sql, [hash])).get(hash);
  }

  /** The principal behind a session cookie, batched like authenticateBearer. */
  async authenticateSession(token: string): Promise<Principal | undefined> {
    const hash = hashSecret(token);
    if (!this.tx.inTransaction) return this.sessions.load(hash);
    return (await credentialsRepository.findPrincipalsBySessionHashes(this.tx.sql, [hash])).get(hash);
  }

  async me(actor: Actor) {
    const user = await accountsRepository.findUserById(this.tx.sql, actor.userId);
    const memberships = await accountsRepository.listMembershipsOfUser(this.tx.sql, actor.userId);
    const current = memberships.find((m) => m.accountId === actor.accountId);
    return {
      user: {
        id: actor.userId,
        email: user?.email ?? '',
        name: user?.name ?? null,
        locale: user?.locale ?? 'en',
      },
      account: { id: actor.accountId, name: current?.accountName ?? '', role: current?.role ?? actor.role },
      accounts: memberships.map((m) => ({ id: m.accountId, name: m.accountName, role: m.role })),
    };
  }

  async setLocale(actor: Actor, locale: string): Promise<void> {
    await accountsRepository.setUserLocale(this.tx.sql, actor.userId, locale);
  }

  /** Moves a web session to another account the user belongs to. */
  async switchAccount(actor: Actor, accountId: number): Promise<void> {
    const sessionId = actor.sessionId;
    if (sessionId === null) throw new DomainError('FORBIDDEN', 'only a browser session can switch accounts');
    const membership = await accountsRepository.findMembership(this.tx.sql, accountId, actor.userId);
    if (!membership) throw new DomainError('NOT_FOUND', 'no such account', { field: 'accountId' });
    await this.tx.run(async (sql) => {
      await credentialsRepository.switchSessionAccount(sql, sessionId, accountId);
      await accountsRepository.setLastAccount(sql, actor.userId, accountId);
    });
  }

  /** A new API token, valid for `expiresInDays` or until revoked; the secret is returned once and only its hash is stored. */
  async createToken(
    actor: Actor,
    name: string,
    options: { expiresInDays?: number | undefined } = {},
  ): Promise<{ token: string; record: TokenRecord }> {
    const token = newSecret('sw');
    return this.tx.run(async (sql) => {
      const record = await credentialsRepository.createToken(sql, {
        accountId: actor.accountId,
        userId: actor.userId,
        name,
        tokenHash: hashSecret(token),
        prefix: token.slice(0, 8),
        expiresAt: options.expiresInDays ? new Date(Date.now() + options.expiresInDays * 86_400_000) : null,
      });
      await auditTrail(sql, actor).record('token.create', ['token', String(record.id)], null, { name });
      return { token, record };
    });
  }

  /** The CLI's `token create --email`: a token for that user in their first (or named) account. */
  async createTokenForEmail(
    emailInput: string,
    name: string,
    accountName?: string,
  ): Promise<{ token: string; record: TokenRecord; accountName: string }> {
    const email = normaliseEmail(emailInput);
    const user = await accountsRepository.findUserByEmail(this.tx.sql, email);
    if (!user) throw new DomainError('NOT_FOUND', `no user with email ${email}`, { field: 'email' });
    const memberships = await accountsRepository.listMembershipsOfUser(this.tx.sql, user.id);
    const membership = accountName ? memberships.find((m) => m.accountName === accountName) : memberships[0];
    if (!membership)
      throw new DomainError('NOT_FOUND', `${email} is not a member of ${accountName ?? 'any account'}`, {
        field: 'account',
      });
    const actor: Actor = {
      accountId: membership.accountId,
      userId: user.id,
      role: membership.role,
      tokenId: null,
      sessionId: null,
    };
    return { ...(await this.createToken(actor, name)), accountName: membership.accountName };
  }

  /** The CLI acts as the account's first owner (the account named, or the instance's only/first one). */
  async ownerOf(account?: string | number): Promise<Actor> {
    const accountName = typeof account === 'string' ? account : undefined;
    const [row] = await this.tx.sql.query<{ account_id: number; user_id: number }>(
      `SELECT m.account_id, m.user_id FROM memberships m JOIN accounts a ON a.id = m.account_id
       WHERE m.role = 'owner' AND ($1::text IS NULL OR a.name = $1) AND ($2::bigint IS NULL OR a.id = $2)
       ORDER BY a.id, m.created_at LIMIT 1`,
      [accountName ?? null, typeof account === 'number' ? account : null],
    );
    if (!row)
      throw new DomainError(
        'NOT_FOUND',
        accountName
          ? `no account named ${accountName}`
          : 'no account yet: run `stockwise user create` or `stockwise demo`',
        { field: 'account' },
      );
    return { accountId: row.account_id, userId: row.user_id, role: 'owner', tokenId: null, sessionId: null };
  }

  async listTokens(actor: Actor): Promise<TokenRecord[]> {
    const tokens = await credentialsRepository.listTokens(this.tx.sql, actor.accountId);
    // Only owners see everyone's tokens; others see their own.
    return actor.role === 'owner' ? tokens : tokens.filter((t) => t.userId === actor.userId);
  }

  async revokeToken(actor: Actor, tokenId: number): Promise<TokenRecord> {
    const visible = await this.listTokens(actor);
    if (!visible.some((t) => t.id === tokenId))
      throw new DomainError('NOT_FOUND', `no token ${tokenId}`, { field: 'id' });
    const revoked = await credentialsRepository.revokeToken(this.tx.sql, actor.accountId, tokenId);
    await auditRepository.record(this.tx.sql, {
      ...auditActor(actor),
      action: 'token.revoke',
      entityType: 'token',
      entityId: String(tokenId),
      before: null,
      after: null,
    });
    return revoked!;
  }
}

let dummy: Promise<string> | undefined;
/** A hash at today's cost, so an unknown e-mail takes as long to refuse as a wrong password. */
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(newSecret('sw'));
  return dummy;
}
