import type { Role } from '@stockwise/domain/accounts/roles';
import { firstRow, onlyRow, type Sql } from '../database';

export interface TokenRecord {
  id: number;
  accountId: number;
  userId: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
}

/** Who a presented token or session cookie belongs to, with the role it carries in its account. */
export interface Principal {
  accountId: number;
  userId: number;
  role: Role;
  tokenId: number | null;
  sessionId: number | null;
}

interface TokenRow {
  id: number;
  account_id: number;
  user_id: number;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date | null;
}

const mapToken = (r: TokenRow): TokenRecord => ({
  id: r.id,
  accountId: r.account_id,
  userId: r.user_id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  expiresAt: r.expires_at,
});

const TOKEN_COLUMNS =
  'id, account_id, user_id, name, prefix, created_at, last_used_at, revoked_at, expires_at';

/** A token's or session's row joined with its membership, keyed by the presented secret's hash. */
interface PrincipalRow {
  id: number;
  token_hash: string;
  account_id: number;
  user_id: number;
  role: Role;
}

const principalsByHash = (rows: PrincipalRow[], kind: 'token' | 'session'): Map<string, Principal> =>
  new Map(
    rows.map((r) => [
      r.token_hash,
      {
        accountId: r.account_id,
        userId: r.user_id,
        role: r.role,
        tokenId: kind === 'token' ? r.id : null,
        sessionId: kind === 'session' ? r.id : null,
      },
    ]),
  );

export const credentialsRepository = {
  async createToken(
    sql: Sql,
    t: {
      accountId: number;
      userId: number;
      name: string;
      tokenHash: string;
      prefix: string;
      expiresAt?: Date | null;
    },
  ): Promise<TokenRecord> {
    return onlyRow(
      sql,
      `INSERT INTO api_tokens (account_id, user_id, name, token_hash, prefix, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${TOKEN_COLUMNS}`,
      [t.accountId, t.userId, t.name, t.tokenHash, t.prefix, t.expiresAt ?? null],
      mapToken,
    );
  },

  /**
   * Live tokens whose user is still a member of the token's account, by token hash (one statement for
   * every request of a burst); unknown, revoked and expired hashes are absent. `last_used_at` is
   * refreshed at most once a minute: writing it on every request would serialise all requests of a
   * token on one row.
   */
  async findPrincipalsByTokenHashes(
    sql: Sql,
    tokenHashes: readonly string[],
  ): Promise<Map<string, Principal>> {
    const rows = await sql.query<PrincipalRow & { stale: boolean }>(
      `SELECT t.id, t.token_hash, t.account_id, t.user_id, m.role,
         (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale
       FROM api_tokens t JOIN memberships m ON m.account_id = t.account_id AND m.user_id = t.user_id
       WHERE t.token_hash = ANY($1::text[]) AND t.revoked_at IS NULL
         AND (t.expires_at IS NULL OR t.expires_at > now())`,
      [tokenHashes],
      { prepare: true },
    );
    const stale = rows.filter((r) => r.stale).map((r) => r.id);
    if (stale.length > 0)
      await sql.query('UPDATE api_tokens SET last_used_at = now() WHERE id = ANY($1::bigint[])', [stale]);
    return principalsByHash(rows, 'token');
  },

  async listTokens(sql: Sql, accountId: number): Promise<TokenRecord[]> {
    const rows = await sql.query<TokenRow>(
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE account_id = $1 ORDER BY id`,
      [accountId],
    );
    return rows.map(mapToken);
  },

  async revokeToken(sql: Sql, accountId: number, tokenId: number): Promise<TokenRecord | undefined> {
    return firstRow(
      sql,
      `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE account_id = $1 AND id = $2
       RETURNING ${TOKEN_COLUMNS}`,
      [accountId, tokenId],
      mapToken,
    );
  },

  async createSession(
    sql: Sql,
    s: { userId: number; accountId: number; tokenHash: string; expiresAt: Date },
  ): Promise<number> {
    return onlyRow(
      sql,
      'INSERT INTO sessions (user_id, account_id, token_hash, expires_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [s.userId, s.accountId, s.tokenHash, s.expiresAt],
      (r: { id: number }) => r.id,
    );
  },

  /** Live sessions whose user is still a member of the session's account, by token hash; others are absent. */
  async findPrincipalsBySessionHashes(
    sql: Sql,
    tokenHashes: readonly string[],
  ): Promise<Map<string, Principal>> {
    const rows = await sql.query<PrincipalRow>(
      `SELECT s.id, s.token_hash, s.account_id, s.user_id, m.role FROM sessions s
       JOIN memberships m ON m.account_id = s.account_id AND m.user_id = s.user_id
       WHERE s.token_hash = ANY($1::text[]) AND s.expires_at > now()`,
      [tokenHashes],
      { prepare: true },
    );
    return principalsByHash(rows, 'session');
  },

  async switchSessionAccount(sql: Sql, sessionId: number, accountId: number): Promise<void> {
    await sql.query('UPDATE sessions SET account_id = $2 WHERE id = $1', [sessionId, accountId]);
  },

  async deleteSession(sql: Sql, sessionId: number): Promise<void> {
    await sql.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
  },

  /** After a password change or reset: every session of the user but `keepSessionId` ends, every token is revoked. */
  async revokeAllOfUser(sql: Sql, userId: number, keepSessionId: number | null): Promise<void> {
    await sql.query('DELETE FROM sessions WHERE user_id = $1 AND ($2::bigint IS NULL OR id <> $2)', [
      userId,
      keepSessionId,
    ]);
    await sql.query('UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE user_id = $1', [
      userId,
    ]);
  },

  /** Deletes sessions past their expiry (the purge job); returns how many. */
  async purgeExpiredSessions(sql: Sql): Promise<number> {
    const rows = await sql.query<{ id: number }>(
      'DELETE FROM sessions WHERE expires_at <= now() RETURNING id',
    );
    return rows.length;
  },
};
