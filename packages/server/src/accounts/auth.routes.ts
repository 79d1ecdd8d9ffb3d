import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { permissionsOf } from '@stockwise/domain/accounts/roles';
import {
  InvitationSchema,
  LOCALES,
  LoginSchema,
  MeSchema,
  PasswordChangeSchema,
  SetupSchema,
} from './auth.schema';
import { mapInvitationDto } from './members.service';
import { IdParam } from '../http/common.schema';
import type { Stockwise } from '../stockwise';
import type { Actor } from './actor';
import {
  serve as serveRoute,
  itemsOf,
  jsonBody,
  jsonResponse,
  newRouter,
  operations,
  problemResponses,
  securedRoute,
} from '../http/router';
import { SESSION_COOKIE } from '../http/auth.middleware';
import { clientAddress, isSecureRequest } from '../http/same-origin.middleware';

const op = operations(['Auth']);

function setSessionCookie(c: Context, token: string, expiresAt: Date) {
  // httpOnly: scripts cannot read it; SameSite=Lax: other sites cannot make the browser send it on writes.
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    expires: expiresAt,
    // Behind a TLS proxy the hop to us is plain http: STOCKWISE_TRUST_PROXY lets X-Forwarded-Proto say https.
    secure: isSecureRequest(c),
  });
}

/** The signed-in user with what their role may do here (the domain's table; clients keep no copy of it). */
async function signedIn(sw: Stockwise, actor: Actor) {
  const me = await sw.auth.me(actor);
  return { ...me, permissions: [...permissionsOf(me.account.role)] };
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
      responses: { 200: jsonResponse('Setup state', z.object({ needsSetup: z.boolean() })) },
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
      responses: { 201: jsonResponse('Signed in', MeSchema), ...problemResponses },
    }),
    async (c) => {
      const input = c.req.valid('json');
      await sw.auth.setupFirstOwner(input);
      const session = await sw.auth.login(input.email, input.password, { address: clientAddress(c) });
      setSessionCookie(c, session.sessionToken, session.expiresAt);
      return c.json(await signedIn(sw, session.principal), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/session',
      tags: ['Auth'],
      summary: 'The signed-in user, or null (200 either way, so a signed-out page load logs no error)',
      responses: { 200: jsonResponse('Session', z.object({ me: MeSchema.nullable() })) },
    }),
    async (c) => {
      const cookie = getCookie(c, SESSION_COOKIE);
      const principal =
        cookie && cookie.length <= 200 ? await sw.auth.authenticateSession(cookie) : undefined;
      return c.json({ me: principal ? await signedIn(sw, principal) : null }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/login',
      tags: ['Auth'],
      summary: 'Sign in; sets an httpOnly session cookie',
      request: jsonBody(LoginSchema),
      responses: { 200: jsonResponse('Signed in', MeSchema), ...problemResponses },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const session = await sw.auth.login(email, password, { address: clientAddress(c) });
      setSessionCookie(c, session.sessionToken, session.expiresAt);
      return c.json(await signedIn(sw, session.principal), 200);
    },
  );
  return app;
}

export function authRoutes(sw: Stockwise) {
  const app = newRouter();
  app.openapi(
    securedRoute({
      method: 'post',
      path: '/logout',
      tags: ['Auth'],
      summary: 'Sign out',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      await sw.auth.logout(c.get('actor'));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );
  app.openapi(
    op.list('/me', 'Who am I, in which account, with which role', jsonResponse('Me', MeSchema)),
    async (c) => c.json(await signedIn(sw, c.get('actor')), 200),
  );
  app.openapi(
    securedRoute({
      method: 'post',
      path: '/switch-account',
      tags: ['Auth'],
      summary: 'Move this browser session to another of my accounts',
      request: jsonBody(z.object({ accountId: z.number().int().positive() }).strict()),
      responses: { 200: jsonResponse('Switched', MeSchema) },
    }),
    async (c) => {
      const actor = c.get('actor');
      const { accountId } = c.req.valid('json');
      await sw.auth.switchAccount(actor, accountId);
      return c.json(await signedIn(sw, { ...actor, accountId }), 200);
    },
  );
  app.openapi(
    securedRoute({
      method: 'put',
      path: '/locale',
      tags: ['Auth'],
      summary: 'Remember my language',
      request: jsonBody(z.object({ locale: z.enum(LOCALES) }).strict()),
      responses: { 204: { description: 'Saved' } },
    }),
    async (c) => {
      await sw.auth.setLocale(c.get('actor'), c.req.valid('json').locale);
      return c.body(null, 204);
    },
  );
  invitationRoutes(sw, app);
  return app;
}

/** My password, and my invitations into other accounts. */
function invitationRoutes(sw: Stockwise, app: ReturnType<typeof newRouter>) {
  serveRoute(
    app,
    securedRoute({
      method: 'post',
      path: '/password',
      tags: ['Auth'],
      summary: 'Change my password; my other sessions end and my API tokens are revoked',
      request: jsonBody(PasswordChangeSchema),
      responses: { 204: { description: 'Changed' } },
    }),
    (actor, { json }) => sw.members.changePassword(actor, json),
  );
  serveRoute(
    app,
    op.list(
      '/invitations',
      'My invitations into other accounts',
      jsonResponse('Invitations', itemsOf(InvitationSchema)),
    ),
    async (actor) => ({ items: (await sw.members.mine(actor)).map(mapInvitationDto) }),
  );
  serveRoute(
    app,
    securedRoute({
      method: 'post',
      path: '/invitations/{id}/accept',
      tags: ['Auth'],
      summary: 'Join the account that invited me',
      request: { params: IdParam },
      responses: { 200: jsonResponse('Joined', InvitationSchema) },
    }),
    async (actor, { param }) => mapInvitationDto(await sw.members.accept(actor, param.id)),
  );
  serveRoute(
    app,
    op.remove('/invitations/{id}', 'Decline an invitation', IdParam, 'Declined'),
    (actor, { param }) => sw.members.decline(actor, param.id),
  );
}
