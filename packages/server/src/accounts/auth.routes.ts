import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { LOCALES, LoginSchema, MeSchema, SetupSchema } from './auth.schema';
import type { Stockwise } from '../stockwise';
import { json, jsonBody, newRouter, problemResponses, secured } from '../http/router';
import { SESSION_COOKIE } from '../http/auth.middleware';

function setSessionCookie(c: Context, token: string, expiresAt: Date) {
  // httpOnly: scripts cannot read it; SameSite=Lax: other sites cannot make the browser send it on writes.
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    expires: expiresAt,
    secure: new URL(c.req.url).protocol === 'https:',
  });
}

/** Routes that work without a session: sign in and first-owner setup. */
export function publicAuthRoutes(sw: Stockwise) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/setup',
      tags: ['Auth'],
      summary: 'Whether the instance still needs its first owner',
      responses: { 200: { description: 'Setup state', ...json(z.object({ needsSetup: z.boolean() })) } },
    }),
    async (c) => c.json({ needsSetup: await sw.auth.needsSetup() }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/setup',
      tags: ['Auth'],
      summary: 'Create the first account and its owner, and sign in',
      request: jsonBody(SetupSchema),
      responses: { 201: { description: 'Signed in', ...json(MeSchema) }, ...problemResponses },
    }),
    async (c) => {
      const input = c.req.valid('json');
      await sw.auth.setupFirstOwner(input);
      const session = await sw.auth.login(input.email, input.password);
      setSessionCookie(c, session.sessionToken, session.expiresAt);
      return c.json(await sw.auth.me(session.principal), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/session',
      tags: ['Auth'],
      summary: 'The signed-in user, or null (200 either way, so a signed-out page load logs no error)',
      responses: { 200: { description: 'Session', ...json(z.object({ me: MeSchema.nullable() })) } },
    }),
    async (c) => {
      const cookie = getCookie(c, SESSION_COOKIE);
      const principal =
        cookie && cookie.length <= 200 ? await sw.auth.authenticateSession(cookie) : undefined;
      return c.json({ me: principal ? await sw.auth.me(principal) : null }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/login',
      tags: ['Auth'],
      summary: 'Sign in; sets an httpOnly session cookie',
      request: jsonBody(LoginSchema),
      responses: { 200: { description: 'Signed in', ...json(MeSchema) }, ...problemResponses },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const session = await sw.auth.login(email, password);
      setSessionCookie(c, session.sessionToken, session.expiresAt);
      return c.json(await sw.auth.me(session.principal), 200);
    },
  );
  return app;
}

export function authRoutes(sw: Stockwise) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags: ['Auth'],
      summary: 'Sign out',
      security: secured,
      responses: { 204: { description: 'Signed out' }, ...problemResponses },
    }),
    async (c) => {
      await sw.auth.logout(c.get('actor'));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['Auth'],
      summary: 'Who am I, in which account, with which role',
      security: secured,
      responses: { 200: { description: 'Me', ...json(MeSchema) }, ...problemResponses },
    }),
    async (c) => c.json(await sw.auth.me(c.get('actor')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/switch-account',
      tags: ['Auth'],
      summary: 'Move this browser session to another of my accounts',
      security: secured,
      request: jsonBody(z.object({ accountId: z.number().int().positive() }).strict()),
      responses: { 200: { description: 'Switched', ...json(MeSchema) }, ...problemResponses },
    }),
    async (c) => {
      const actor = c.get('actor');
      const { accountId } = c.req.valid('json');
      await sw.auth.switchAccount(actor, accountId);
      const principal = await sw.auth.me({ ...actor, accountId });
      return c.json(principal, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/locale',
      tags: ['Auth'],
      summary: 'Remember my language',
      security: secured,
      request: jsonBody(z.object({ locale: z.enum(LOCALES) }).strict()),
      responses: { 204: { description: 'Saved' }, ...problemResponses },
    }),
    async (c) => {
      await sw.auth.setLocale(c.get('actor'), c.req.valid('json').locale);
      return c.body(null, 204);
    },
  );
  return app;
}
