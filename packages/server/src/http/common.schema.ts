import { z } from '@hono/zod-openapi';

/** No control characters: they break CSV exports, logs and terminals. */
const printable = /^[^\p{Cc}]*$/u;

export const SkuSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^\S(.*\S)?$/u, 'no leading or trailing spaces')
  .regex(printable, 'no control characters')
  .openapi({ example: 'MUG-1' });

export const LocationCodeSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore')
  .openapi({ example: 'WH1' });

export const TextSchema = (max: number) => z.string().max(max).regex(printable, 'no control characters');

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
