import { describe, expect, it } from 'vitest';
import type { Role } from '@stockwise/domain/accounts/roles';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccountApi } from '../support/owner-api';
import { newAccount } from '../support/factories';
import { client } from '../support/http-client';

/** What the dashboard gates on: each role's permissions, as the domain grants them. */
const EXPECTED: Record<Role, string[]> = {
  owner: ['read', 'inventory:write', 'catalog:write', 'users:manage'],
  manager: ['read', 'inventory:write', 'catalog:write'],
  staff: ['read', 'inventory:write'],
  viewer: ['read'],
};

describeEachBackend('the signed-in user carries their permissions', (backend) => {
  const ctx = useStockwise(backend);

  describe('GET /api/v1/auth/me', () => {
    it.each(Object.entries(EXPECTED))('lists what a %s may do', async (role, permissions) => {
      const { api } = await newAccountApi(ctx, role as Role);
      const me = await api.get('/api/v1/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ account: { role } });
      expect(me.body['permissions']).toEqual(permissions);
    });
  });

  it('signing in, the session probe and switching accounts answer with the permissions of the account in use', async () => {
    const owner = await newAccount(ctx.sw, 'owner');
    const anon = client(ctx.app);
    const login = await anon.post('/api/v1/auth/login', { email: owner.email, password: owner.password });
    expect(login.status).toBe(200);
    expect(login.body['permissions']).toEqual(EXPECTED.owner);
    const cookie = /stockwise_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const withCookie = { Cookie: `stockwise_session=${cookie}` };
    const session = await anon.call('GET', '/api/v1/auth/session', { headers: withCookie });
    expect(session.body).toMatchObject({ me: { permissions: EXPECTED.owner } });

    // The same user is a viewer in a second account: switching there narrows what the session may do.
    const other = await newAccount(ctx.sw, 'owner');
    const viewer = await ctx.sw.auth.createUser(other.accountName, {
      email: owner.email,
      password: owner.password,
      role: 'viewer',
    });
    const switched = await anon.call('POST', '/api/v1/auth/switch-account', {
      headers: withCookie,
      body: { accountId: viewer.accountId },
    });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ account: { id: viewer.accountId, role: 'viewer' } });
    expect(switched.body['permissions']).toEqual(EXPECTED.viewer);
  });
});
