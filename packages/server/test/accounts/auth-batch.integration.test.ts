import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@stockwise/db/database';
import { createStockwise, type Stockwise } from '../../src/stockwise';
import { describeEachBackend } from '../support/backends';
import { newAccount, type TestAccount } from '../support/factories';

describeEachBackend('Authentication of a burst of requests', (backend) => {
  let sw: Stockwise;
  let drop: () => Promise<void>;
  /** Statements sent outside a transaction, by their text. */
  const statements: string[] = [];
  let a: TestAccount;
  let b: TestAccount;
  let revoked: TestAccount;

  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    const counting: Database = {
      ...opened.db,
      query: (text, params, options) => {
        statements.push(text);
        return opened.db.query(text, params, options);
      },
    };
    sw = createStockwise(counting);
    a = await newAccount(sw);
    b = await newAccount(sw, 'viewer');
    revoked = await newAccount(sw);
    const [token] = await sw.auth.listTokens(revoked.actor);
    await sw.auth.revokeToken(revoked.actor, token!.id);
  });
  afterAll(async () => {
    await drop();
  });

  it('answers every request of one turn from one look-up, each with its own principal', async () => {
    const tokens = Array.from(
      { length: 30 },
      (_, i) => [a.token, b.token, revoked.token, 'sw_unknown'][i % 4]!,
    );
    statements.length = 0;
    const principals = await Promise.all(tokens.map((t) => sw.auth.authenticateBearer(t)));
    expect(principals.map((p) => p && { accountId: p.accountId, role: p.role })).toEqual(
      tokens.map((t) =>
        t === a.token
          ? { accountId: a.actor.accountId, role: 'owner' }
          : t === b.token
            ? { accountId: b.actor.accountId, role: 'viewer' }
            : undefined,
      ),
    );
    // One SELECT for all thirty (and at most one UPDATE of last_used_at for the tokens it found).
    expect(statements.filter((s) => /api_tokens/.test(s)).length).toBeLessThanOrEqual(2);
    expect(statements.filter((s) => /^\s*SELECT/.test(s) && /api_tokens/.test(s))).toHaveLength(1);
  });

  it('sees a token revoked between two turns at once', async () => {
    expect(await sw.auth.authenticateBearer(a.token)).toMatchObject({ accountId: a.actor.accountId });
    const [token] = await sw.auth.listTokens(a.actor);
    await sw.auth.revokeToken(a.actor, token!.id);
    expect(await sw.auth.authenticateBearer(a.token)).toBeUndefined();
  });

  it('batches session cookies the same way', async () => {
    const login = await sw.auth.login(b.email, b.password);
    statements.length = 0;
    const principals = await Promise.all(
      [login.sessionToken, 'not-a-session', login.sessionToken].map((t) => sw.auth.authenticateSession(t)),
    );
    expect(principals.map((p) => p?.userId)).toEqual([b.actor.userId, undefined, b.actor.userId]);
    expect(statements.filter((s) => /FROM sessions/.test(s))).toHaveLength(1);
  });
});
