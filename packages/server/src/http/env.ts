import type { Actor } from '../services/actor';

/** Hono context variables set by the auth middleware. */
export interface AppEnv {
  Variables: { actor: Actor };
}
