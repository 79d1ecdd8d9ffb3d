import { columnArrays } from '../bulk';
import type { Sql } from '../database';
import type { Page } from '../pagination';
import { tablePage } from '../pagination';

export interface AuditEntry {
  accountId: number;
  actorUserId: number | null;
  actorTokenId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  at: Date;
}

interface AuditRow {
  id: number;
  account_id: number;
  actor_user_id: number | null;
  actor_token_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  at: Date;
}

export const auditRepository = {
  async record(sql: Sql, e: AuditEntry): Promise<void> {
    await this.recordMany(sql, [e]);
  },

  async recordMany(sql: Sql, entries: readonly AuditEntry[]): Promise<void> {
    const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
    await sql.query(
      `INSERT INTO audit_log (account_id, actor_user_id, actor_token_id, action, entity_type, entity_id, before, after)
       SELECT a, u, t, ac, et, ei, b::jsonb, af::jsonb FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         AS x(a, u, t, ac, et, ei, b, af)`,
      [
        ...columnArrays(entries, [
          'accountId',
          'actorUserId',
          'actorTokenId',
          'action',
          'entityType',
          'entityId',
        ]),
        entries.map((e) => json(e.before)),
        entries.map((e) => json(e.after)),
      ],
      { prepare: true },
    );
  },

  async list(
    sql: Sql,
    accountId: number,
    q: { limit: number; cursor?: string | undefined; entityType?: string | undefined },
  ): Promise<Page<AuditRecord> | null> {
    return tablePage(
      sql,
      accountId,
      {
        table: 'audit_log',
        column: 'id',
        limit: q.limit,
        cursor: q.cursor,
        order: 'desc',
        filter: (filters) => {
          if (q.entityType) filters.add('entity_type = ?', q.entityType);
        },
      },
      (r: AuditRow): AuditRecord => ({
        id: r.id,
        accountId: r.account_id,
        actorUserId: r.actor_user_id,
        actorTokenId: r.actor_token_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        at: r.at,
      }),
    );
  },
};
