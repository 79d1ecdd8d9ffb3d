import type { Role } from '@stockwise/domain/accounts/roles';
import { anyRow, type Sql } from '../database';

export interface InvitationRecord {
  id: number;
  accountId: number;
  accountName: string;
  userId: number;
  email: string;
  role: Role;
  createdAt: Date;
}

interface InvitationRow {
  id: number;
  account_id: number;
  account_name: string;
  user_id: number;
  email: string;
  role: Role;
  created_at: Date;
}

const SELECT = `SELECT i.id, i.account_id, a.name AS account_name, i.user_id, u.email, i.role, i.created_at
  FROM invitations i JOIN accounts a ON a.id = i.account_id JOIN users u ON u.id = i.user_id`;

const map = (r: InvitationRow): InvitationRecord => ({
  id: r.id,
  accountId: r.account_id,
  accountName: r.account_name,
  userId: r.user_id,
  email: r.email,
  role: r.role,
  createdAt: r.created_at,
});

export const invitationsRepository = {
  /** Records (or re-records with the new role) an invitation of `userId` into `accountId`. */
  async upsert(
    sql: Sql,
    i: { accountId: number; userId: number; role: Role; autoAccept: boolean; invitedBy: number | null },
  ): Promise<void> {
    await sql.query(
      `INSERT INTO invitations (account_id, user_id, role, auto_accept, invited_by_user_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account_id, user_id) DO UPDATE SET role = EXCLUDED.role, created_at = now()`,
      [i.accountId, i.userId, i.role, i.autoAccept, i.invitedBy],
    );
  },

  async listForAccount(sql: Sql, accountId: number): Promise<InvitationRecord[]> {
    const rows = await sql.query<InvitationRow>(`${SELECT} WHERE i.account_id = $1 ORDER BY i.id`, [
      accountId,
    ]);
    return rows.map(map);
  },

  async listForUser(sql: Sql, userId: number): Promise<InvitationRecord[]> {
    const rows = await sql.query<InvitationRow>(`${SELECT} WHERE i.user_id = $1 ORDER BY i.id`, [userId]);
    return rows.map(map);
  },

  /** Turns the user's invitation into a membership; false when there is none. */
  async accept(sql: Sql, userId: number, invitationId: number): Promise<InvitationRecord | undefined> {
    const [row] = await sql.query<InvitationRow>(
      `${SELECT} WHERE i.user_id = $1 AND i.id = $2 FOR UPDATE OF i`,
      [userId, invitationId],
    );
    if (!row) return undefined;
    await sql.query(
      `INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, user_id) DO NOTHING`,
      [row.account_id, row.user_id, row.role],
    );
    await sql.query('DELETE FROM invitations WHERE id = $1', [row.id]);
    return map(row);
  },

  /** Accepts the invitations that created this user (their first sign-in). */
  async acceptAutomatic(sql: Sql, userId: number): Promise<void> {
    await sql.query(
      `WITH taken AS (DELETE FROM invitations WHERE user_id = $1 AND auto_accept RETURNING account_id, user_id, role)
       INSERT INTO memberships (account_id, user_id, role) SELECT account_id, user_id, role FROM taken
       ON CONFLICT (account_id, user_id) DO NOTHING`,
      [userId],
    );
  },

  /** Withdraws (owner) or declines (the user) an invitation. */
  async remove(sql: Sql, where: { id: number; accountId?: number; userId?: number }): Promise<boolean> {
    return anyRow(
      sql,
      `DELETE FROM invitations WHERE id = $1 AND ($2::bigint IS NULL OR account_id = $2)
         AND ($3::bigint IS NULL OR user_id = $3) RETURNING id`,
      [where.id, where.accountId ?? null, where.userId ?? null],
    );
  },
};
