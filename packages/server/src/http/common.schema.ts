import { z } from '@hono/zod-openapi';

// OpenAPI publishes a zod regex as its source without flags (`pattern`), which clients compile as ECMAScript with or
// without `u`: so these patterns carry no flags and mean the same either way.

/** No control characters (Unicode category Cc, U+0000–U+001F and U+007F–U+009F): they break CSV exports, logs and terminals. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const NO_CONTROL_CHARACTERS = /^[^\x00-\x1f\x7f-\x9f]*$/;

/** Starts and ends with a visible character (no leading or trailing whitespace). */
export const TRIMMED = /^\S(.*\S)?$/;

export const SkuSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(TRIMMED, 'no leading or trailing spaces')
  .regex(NO_CONTROL_CHARACTERS, 'no control characters')
  .openapi({ example: 'MUG-1' });

export const LocationCodeSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore')
  .openapi({ example: 'WH1' });

export const TextSchema = (max: number) =>
  z.string().max(max).regex(NO_CONTROL_CHARACTERS, 'no control characters');

export const MoneySchema = z.number().min(0).max(1e9).openapi({ example: 4.2 });

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  cursor: TextSchema(500).optional(),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    field: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');
