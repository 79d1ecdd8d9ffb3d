import type { HttpBindings } from '@hono/node-server';
import type { Actor } from '../accounts/actor';

/** Hono context variables set by the auth middleware; Node's request when served by @hono/node-server. */
export interface AppEnv {
  Bindings: Partial<HttpBindings> | undefined;
  Variables: { actor: Actor };
}
