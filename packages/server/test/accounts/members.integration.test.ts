import { expect, it } from 'vitest';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccountApi } from '../support/owner-api';
import { newAccount, uid } from '../support/factories';
import { client } from '../support/http-client';

type Api = ReturnType<typeof client>;

describeEachBackend('Members by invitation, removal, password changes, token expiry', (backend) => {
  const ctx = useStockwise(backend);

  /** Signs in by e-mail and password; a client carrying the session cookie, and the account it landed in. */
  async function signIn(email: string, password: string): Promise<{ api: Api; accountId: number }> {
    const res = await client(ctx.app).post('/api/v1/auth/login', { email, password });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const cookie = `stockwise_session=${/stockwise_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? ''}`;
    const api = client(ctx.app);
    const withCookie = (method: string, path: string, body?: unknown) =>
      api.call(method, path, { headers: { Cookie: cookie }, ...(body === undefined ? {} : { body }) });
    return {
      api: {
        ...api,
        get: (path: string) => withCookie('GET', path),
        post: (path: string, body?: unknown) => withCookie('POST', path, body),
        delete: (path: string) => withCookie('DELETE', path),
      },
      accountId: (res.body['account'] as { id: number }).id,
    };
  }

  it('an owner cannot pull another account’s user in: an invitation the user accepts, same answer as a new e-mail', async () => {
    const a = await newAccount(ctx.sw);
    const b = await newAccount(ctx.sw);
    const ownerA = client(ctx.app, a.token);
    const existing = await ownerA.post('/api/v1/users', {
      email: b.email,
      password: 'whatever pw',
      role: 'viewer',
    });
    const fresh = await ownerA.post('/api/v1/users', {
      email: `${uid('new-')}@example.com`,
      password: 'whatever pw',
      role: 'viewer',
    });
    expect(existing.status).toBe(201);
    expect(fresh.status).toBe(201);
    expect(Object.keys(existing.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect(existing.body).toMatchObject({ email: b.email, role: 'viewer', status: 'invited' });
    expect(fresh.body['status']).toBe('invited');
    // Not a member yet; B's password was not touched; B still lands in B.
    const members = (await ownerA.get('/api/v1/users')).body.items!.map((m) => m['email']);
    expect(members).not.toContain(b.email);
    const bSession = await signIn(b.email, b.password);
    expect(bSession.accountId).toBe(b.actor.accountId);
    // B sees the invitation and accepts it.
    const mine = (await bSession.api.get('/api/v1/auth/invitations')).body.items!;
    expect(mine).toEqual([expect.objectContaining({ accountId: a.actor.accountId, role: 'viewer' })]);
    const invitationId = mine[0]!['id'] as number;
    expect(
      (await client(ctx.app, b.token).post(`/api/v1/auth/invitations/${invitationId + 10_000}/accept`))
        .status,
    ).toBe(404);
    expect((await bSession.api.post(`/api/v1/auth/invitations/${invitationId}/accept`)).status).toBe(200);
    expect((await ownerA.get('/api/v1/users')).body.items!.map((m) => m['email'])).toContain(b.email);
    // B's next sign-in still lands in the account B last used (B), not the first by id.
    expect((await signIn(b.email, b.password)).accountId).toBe(b.actor.accountId);
  });

  it('a user created by an invitation joins at the first sign-in; login lands in the last account used', async () => {
    const a = await newAccount(ctx.sw);
    const email = `${uid('hire-')}@example.com`;
    const owner = client(ctx.app, a.token);
    expect((await owner.post('/api/v1/users', { email, password: 'first pass', role: 'staff' })).status).toBe(
      201,
    );
    expect((await owner.get('/api/v1/users/invitations')).body.items).toEqual([
      expect.objectContaining({ email, role: 'staff' }),
    ]);
    const first = await signIn(email, 'first pass');
    expect(first.accountId).toBe(a.actor.accountId);
    expect((await owner.get('/api/v1/users/invitations')).body.items).toEqual([]);
    // A second account invites them; they accept and switch to it: the next sign-in lands there.
    const c = await newAccount(ctx.sw);
    expect(
      (
        await client(ctx.app, c.token).post('/api/v1/users', {
          email,
          password: 'ignored pw',
          role: 'viewer',
        })
      ).status,
    ).toBe(201);
    const [invitation] = (await first.api.get('/api/v1/auth/invitations')).body.items!;
    await first.api.post(`/api/v1/auth/invitations/${String(invitation!['id'])}/accept`);
    expect(
      (await first.api.post('/api/v1/auth/switch-account', { accountId: c.actor.accountId })).status,
    ).toBe(200);
    expect((await signIn(email, 'first pass')).accountId).toBe(c.actor.accountId);
  });

  it('removes a member (their token stops working); the last owner stays', async () => {
    const { owner: a, api: owner } = await newAccountApi(ctx);
    const email = `${uid('temp-')}@example.com`;
    await owner.post('/api/v1/users', { email, password: 'temp pass 1', role: 'manager' });
    const temp = await signIn(email, 'temp pass 1');
    const created = await temp.api.post('/api/v1/tokens', { name: 'script' });
    const tempToken = created.body['token'] as string;
    expect((await client(ctx.app, tempToken).get('/api/v1/products')).status).toBe(200);
    const userId = (await owner.get('/api/v1/users')).body.items!.find((m) => m['email'] === email)![
      'userId'
    ] as number;
    expect((await client(ctx.app, tempToken).delete(`/api/v1/users/${a.actor.userId}`)).status).toBe(403);
    expect((await owner.delete(`/api/v1/users/${userId}`)).status).toBe(204);
    expect((await client(ctx.app, tempToken).get('/api/v1/products')).status).toBe(401);
    expect((await temp.api.get('/api/v1/products')).status).toBe(401);
    expect((await owner.delete(`/api/v1/users/${userId}`)).status).toBe(404);
    const last = await owner.delete(`/api/v1/users/${a.actor.userId}`);
    expect(last.status).toBe(409);
  });

  it('a password change ends the other sessions and revokes tokens; a CLI reset ends them all', async () => {
    const a = await newAccount(ctx.sw);
    const here = await signIn(a.email, a.password);
    const elsewhere = await signIn(a.email, a.password);
    const wrong = await here.api.post('/api/v1/auth/password', {
      currentPassword: 'nope',
      newPassword: 'brand new pw',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body['field']).toBe('currentPassword');
    expect(
      (
        await here.api.post('/api/v1/auth/password', {
          currentPassword: a.password,
          newPassword: 'brand new pw',
        })
      ).status,
    ).toBe(204);
    expect((await here.api.get('/api/v1/auth/me')).status).toBe(200);
    expect((await elsewhere.api.get('/api/v1/auth/me')).status).toBe(401);
    expect((await client(ctx.app, a.token).get('/api/v1/auth/me')).status).toBe(401);
    await ctx.sw.auth.createUser(
      a.accountName,
      { email: a.email, password: 'reset by cli', role: 'owner' },
      { resetPassword: true },
    );
    expect((await here.api.get('/api/v1/auth/me')).status).toBe(401);
    expect((await signIn(a.email, 'reset by cli')).accountId).toBe(a.actor.accountId);
  });

  it('API tokens may carry an expiry; expired sessions are purged', async () => {
    const { owner: a, api: owner } = await newAccountApi(ctx);
    const created = await owner.post('/api/v1/tokens', { name: 'week', expiresInDays: 7 });
    expect(created.status).toBe(201);
    const expiresAt = Date.parse(created.body['expiresAt'] as string);
    expect(Math.abs(expiresAt - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000);
    const token = created.body['token'] as string;
    expect((await client(ctx.app, token).get('/api/v1/products')).status).toBe(200);
    await ctx.sw.db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      created.body['id'],
    ]);
    expect((await client(ctx.app, token).get('/api/v1/products')).status).toBe(401);
    expect((await owner.post('/api/v1/tokens', { name: 'bad', expiresInDays: 0 })).status).toBe(400);

    const session = await signIn(a.email, a.password);
    await ctx.sw.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      a.actor.userId,
    ]);
    expect(await ctx.sw.members.purgeExpiredSessions()).toBeGreaterThanOrEqual(1);
    const [left] = await ctx.sw.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sessions WHERE user_id = $1',
      [a.actor.userId],
    );
    expect(left!.n).toBe(0);
    expect((await session.api.get('/api/v1/auth/me')).status).toBe(401);
  });
});
