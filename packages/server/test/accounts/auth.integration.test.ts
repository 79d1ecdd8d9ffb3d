import { beforeAll, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend, useStockwise } from '../support/backends';
import { addMember, movementBody, newAccount, type TestAccount } from '../support/factories';
import { client } from '../support/http-client';

describeEachBackend('Accounts, roles, sessions and tokens', (backend) => {
  const ctx = useStockwise(backend);
  let sw: Stockwise;
  let app: ReturnType<typeof createApp>;
  let owner: TestAccount;

  beforeAll(() => {
    sw = ctx.sw;
    app = ctx.app;
  });

  it('offers first-owner setup only while the instance is empty, and only with the setup code', async () => {
    const anon = client(app);
    expect((await anon.get('/api/v1/auth/setup')).body).toEqual({ needsSetup: true });
    const body = { accountName: 'Acme', email: 'Owner@Example.com', password: 'long enough pw' };
    // Before the serving process has issued a code, no code is right.
    const early = await anon.post('/api/v1/auth/setup', { ...body, setupCode: '0000-0000-0000' });
    expect(early.status).toBe(403);
    const code = await sw.auth.issueSetupCode();
    expect(code).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
    const missing = await anon.post('/api/v1/auth/setup', body);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('setupCode');
    const wrong = await anon.post('/api/v1/auth/setup', { ...body, setupCode: 'abcd-ef01-2345' });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ field: 'setupCode' });
    expect((await anon.get('/api/v1/auth/setup')).body).toEqual({ needsSetup: true });
    // Typed in capitals without dashes is the same code.
    const setup = await anon.post('/api/v1/auth/setup', {
      ...body,
      setupCode: (code ?? '').replaceAll('-', '').toUpperCase(),
    });
    expect(setup.status).toBe(201);
    expect(setup.headers.get('set-cookie')).toMatch(/stockwise_session=.*HttpOnly.*SameSite=Lax/i);
    expect((await anon.get('/api/v1/auth/setup')).body).toEqual({ needsSetup: false });
    expect(await sw.auth.issueSetupCode()).toBeNull();
    const again = await anon.post('/api/v1/auth/setup', {
      accountName: 'Evil',
      email: 'x@example.com',
      password: 'long enough pw',
      setupCode: code,
    });
    expect(again.status).toBe(409);
  });

  it('signs in with a cookie session, refuses a wrong password, and signs out', async () => {
    owner = await newAccount(sw);
    const anon = client(app);
    const wrong = await anon.post('/api/v1/auth/login', { email: owner.email, password: 'wrong password' });
    expect(wrong.status).toBe(401);
    const login = await anon.post('/api/v1/auth/login', {
      email: owner.email.toUpperCase(),
      password: owner.password,
    });
    expect(login.status).toBe(200);
    const cookie = /stockwise_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    expect(cookie).toBeTruthy();
    const withCookie = { Cookie: `stockwise_session=${cookie ?? ''}` };
    const me = await anon.call('GET', '/api/v1/auth/me', { headers: withCookie });
    expect(me.body).toMatchObject({ user: { email: owner.email }, account: { role: 'owner' } });
    const session = await anon.call('GET', '/api/v1/auth/session', { headers: withCookie });
    expect(session.body).toMatchObject({ me: { user: { email: owner.email } } });
    expect((await anon.call('POST', '/api/v1/auth/logout', { headers: withCookie })).status).toBe(204);
    expect((await anon.call('GET', '/api/v1/auth/session', { headers: withCookie })).body).toEqual({
      me: null,
    });
    expect((await anon.call('GET', '/api/v1/auth/me', { headers: withCookie })).status).toBe(401);
  });

  it('stores only hashes of passwords, tokens and sessions', async () => {
    const users = await sw.db.query<{ password_hash: string }>('SELECT password_hash FROM users');
    expect(
      users.every((u) => u.password_hash.startsWith('scrypt$') && !u.password_hash.includes(owner.password)),
    ).toBe(true);
    const tokens = await sw.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens');
    expect(tokens.some((t) => t.token_hash === owner.token)).toBe(false);
    expect(tokens.every((t) => /^[0-9a-f]{64}$/.test(t.token_hash))).toBe(true);
  });

  it('a viewer reads but cannot write; staff moves stock but cannot edit the catalogue', async () => {
    const api = client(app, owner.token);
    await api.post('/api/v1/locations', { code: 'WH1', name: 'Main', type: 'warehouse' });
    await api.post('/api/v1/products', { sku: 'R-1', title: 'Role test' });
    const viewer = client(app, (await addMember(sw, owner, 'viewer')).token);
    expect((await viewer.get('/api/v1/products/R-1')).status).toBe(200);
    const receipt = movementBody('receipt', 'R-1', 'WH1', 1);
    const denied = await viewer.post('/api/v1/movements', receipt);
    expect(denied.status).toBe(403);
    expect(denied.body['code']).toBe('FORBIDDEN');
    expect((await viewer.patch('/api/v1/products/R-1', { title: 'x' })).status).toBe(403);
    const staff = client(app, (await addMember(sw, owner, 'staff')).token);
    expect((await staff.post('/api/v1/movements', receipt)).status).toBe(201);
    expect((await staff.post('/api/v1/products', { sku: 'R-2', title: 'no' })).status).toBe(403);
    expect(
      (
        await staff.post('/api/v1/users', {
          email: 'new@example.com',
          password: 'long enough',
          role: 'owner',
        })
      ).status,
    ).toBe(403);
  });

  it('tokens are shown once, listed without the secret, and stop working when revoked', async () => {
    const api = client(app, owner.token);
    const created = await api.post('/api/v1/tokens', { name: 'integration' });
    expect(created.status).toBe(201);
    const token = created.body['token'] as string;
    expect(token).toMatch(/^sw_/);
    const list = await api.get('/api/v1/tokens');
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect((await client(app, token).get('/api/v1/products')).status).toBe(200);
    expect((await api.delete(`/api/v1/tokens/${String(created.body['id'])}`)).status).toBe(200);
    expect((await client(app, token).get('/api/v1/products')).status).toBe(401);
  });

  it('audits who changed what', async () => {
    const api = client(app, owner.token);
    await api.patch('/api/v1/products/R-1', { title: 'Renamed' });
    const audit = await api.get('/api/v1/audit?entityType=product');
    const entry = audit.body.items?.find((e) => e['action'] === 'product.update');
    expect(entry).toMatchObject({
      entityId: 'R-1',
      actorUserId: owner.actor.userId,
      before: { title: 'Role test' },
      after: { title: 'Renamed' },
    });
  });
});
