import { z } from 'zod';

/**
 * A CLI command the running server runs for the CLI (local-control.ts), as the owner of `account` (the only
 * account when left out): its name, that option and its own options; no unknown key.
 */
export function ownerCommand<const C extends string, S extends z.ZodRawShape>(command: C, options: S) {
  return z
    .object({ command: z.literal(command), account: z.string().max(200).optional(), ...options })
    .strict();
}
