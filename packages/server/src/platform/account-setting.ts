import type { Sql } from '@stockwise/db/database';
import type { Actor } from '../accounts/actor';
import { auditTrail } from '../accounts/actor';
import type { Transactor } from './transactor';

/** One account-level setting: how it is read and stored, and the audit action its changes record. */
export interface AccountSetting<T> {
  /** The audit action, e.g. `restock.cost_defaults`. */
  action: string;
  read(sql: Sql, accountId: number): Promise<T>;
  write(sql: Sql, accountId: number, value: T): Promise<void>;
}

/**
 * Replaces an account-level setting in one unit of work: reads the current value, stores the one `next`
 * derives from it and records both in the audit trail against the account, so a setting and the record
 * of who changed it commit together (callers check permissions and validate before).
 */
export function replaceAccountSetting<T>(
  tx: Transactor,
  actor: Actor,
  setting: AccountSetting<T>,
  next: (current: T) => T,
): Promise<T> {
  return tx.run(async (sql) => {
    const before = await setting.read(sql, actor.accountId);
    const after = next(before);
    await setting.write(sql, actor.accountId, after);
    await auditTrail(sql, actor).record(setting.action, ['account', String(actor.accountId)], before, after);
    return after;
  });
}
