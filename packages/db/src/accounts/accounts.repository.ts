import type { Role } from '@stockwise/domain/accounts/roles';
import { firstRow, type Sql } from '../database';

export interface AccountRecord {
  id: number;
  name: string;
  createdAt: Date;
}

export interface UserRecord {
  id: number;
  email: string;
  name: string | null;
  passwordHash: string;
  locale: string;
  /** The account the user last signed in to or switched to (the next sign-in lands there). */
  lastAccountId: number | null;
  createdAt: Date;
}

export interface MembershipRecord {
  accountId: number;
  accountName: string;
  userId: number;
  email: string;
  name: string | null;
  role: Role;
  locale: string;
  createdAt: Date;
}

interface UserRow {
  id: number;
  email: string;
  name: string | null;
  password_hash: string;
  locale: string;
  last_account_id: number | null;
  created_at: Date;
}

interface MembershipRow {
  account_id: number;
  account_name: string;
  user_id: number;
  email: string;
  name: string | null;
  role: Role;
  locale: string;
  created_at: Date;
}

const mapUser = (r: UserRow): UserRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  passwordHash: r.password_hash,
  locale: r.locale,
  lastAccountId: r.last_account_id,
  createdAt: r.created_at,
});

const mapMembership = (r: MembershipRow): MembershipRecord => ({
  accountId: r.account_id,
  accountName: r.account_name,
  userId: r.user_id,
  email: r.email,
  name: r.name,
  role: r.role,
  locale: r.locale,
  createdAt: r.created_at,
});

const MEMBERSHIP_SELECT = `SELECT m.account_id, a.name AS account_name, m.user_id, u.email, u.name, m.role, u.locale, m.created_at
  FROM memberships m JOIN accounts a ON a.id = m.account_id JOIN users u ON u.id = m.user_id`;

export const accountsRepository = {
  async createAccount(sql: Sql, name: string): Promise<AccountRecord> {
    const [row] = await sql.query<{ id: number; name: string; created_at: Date }>(
      'INSERT INTO accounts (name) VALUES ($1) RETURNING id, name, created_at',
      [name],
    );
    return { id: row!.id, name: row!.name, createdAt: row!.created_at };
  },

  async findAccountByName(sql: Sql, name: string): Promise<AccountRecord | undefined> {
    return firstRow(
      sql,
      'SELECT id, name, created_at FROM accounts WHERE name = $1 ORDER BY id LIMIT 1',
      [name],
      (r: { id: number; name: string; created_at: Date }) => ({
        id: r.id,
        name: r.name,
        createdAt: r.created_at,
      }),
    );
  },

  async countAccounts(sql: Sql): Promise<number> {
    const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts');
    return row?.n ?? 0;
  },

  async createUser(
    sql: Sql,
    user: { email: string; name: string | null; passwordHash: string; locale?: string },
  ): Promise<UserRecord> {
    const [row] = await sql.query<UserRow>(
      `INSERT INTO users (email, name, password_hash, locale) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO NOTHING RETURNING *`,
      [user.email, user.name, user.passwordHash, user.locale ?? 'en'],
    );
    return row ? mapUser(row) : (await this.findUserByEmail(sql, user.email))!;
  },

  async findUserByEmail(sql: Sql, email: string): Promise<UserRecord | undefined> {
    return firstRow(sql, 'SELECT * FROM users WHERE email = $1', [email], mapUser);
  },

  async findUserById(sql: Sql, id: number): Promise<UserRecord | undefined> {
    return firstRow(sql, 'SELECT * FROM users WHERE id = $1', [id], mapUser);
  },

  async setPasswordHash(sql: Sql, userId: number, passwordHash: string): Promise<void> {
    await sql.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
  },

  /** Ends a membership; the user's tokens for that account are revoked and its sessions deleted. */
  async removeMembership(sql: Sql, accountId: number, userId: number): Promise<boolean> {
    const rows = await sql.query<{ user_id: number }>(
      'DELETE FROM memberships WHERE account_id = $1 AND user_id = $2 RETURNING user_id',
      [accountId, userId],
    );
    await sql.query(
      'UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE account_id = $1 AND user_id = $2',
      [accountId, userId],
    );
    await sql.query('DELETE FROM sessions WHERE account_id = $1 AND user_id = $2', [accountId, userId]);
    return rows.length > 0;
  },

  /** The account's owners, locked: two owners removing each other at once cannot leave none. */
  async lockOwners(sql: Sql, accountId: number): Promise<number> {
    const rows = await sql.query<{ user_id: number }>(
      "SELECT user_id FROM memberships WHERE account_id = $1 AND role = 'owner' FOR UPDATE",
      [accountId],
    );
    return rows.length;
  },

  async setLastAccount(sql: Sql, userId: number, accountId: number): Promise<void> {
    await sql.query('UPDATE users SET last_account_id = $2 WHERE id = $1', [userId, accountId]);
  },

  async setUserLocale(sql: Sql, userId: number, locale: string): Promise<void> {
    await sql.query('UPDATE users SET locale = $2 WHERE id = $1', [userId, locale]);
  },

  async upsertMembership(sql: Sql, m: { accountId: number; userId: number; role: Role }): Promise<void> {
    await sql.query(
      `INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [m.accountId, m.userId, m.role],
    );
  },

  async findMembership(sql: Sql, accountId: number, userId: number): Promise<MembershipRecord | undefined> {
    return firstRow(
      sql,
      `${MEMBERSHIP_SELECT} WHERE m.account_id = $1 AND m.user_id = $2`,
      [accountId, userId],
      mapMembership,
    );
  },

  async listMembershipsOfUser(sql: Sql, userId: number): Promise<MembershipRecord[]> {
    const rows = await sql.query<MembershipRow>(
      `${MEMBERSHIP_SELECT} WHERE m.user_id = $1 ORDER BY m.account_id`,
      [userId],
    );
    return rows.map(mapMembership);
  },

  async listMembers(sql: Sql, accountId: number): Promise<MembershipRecord[]> {
    const rows = await sql.query<MembershipRow>(
      `${MEMBERSHIP_SELECT} WHERE m.account_id = $1 ORDER BY u.email`,
      [accountId],
    );
    return rows.map(mapMembership);
  },
};
