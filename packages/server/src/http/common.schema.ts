import { z } from '@hono/zod-openapi';
import { EMAIL_MAX_LENGTH, EMAIL_PATTERN } from '@stockwise/domain/accounts/credentials';
import {
  CODE_MAX_LENGTH,
  CODE_PATTERN,
  NO_FORMAT_CHARACTERS,
} from '@stockwise/domain/catalog/identifier-text';
import { ACCEPTED_DAYS_MESSAGE, isAcceptedDay } from '@stockwise/domain/dates/dates';

// OpenAPI publishes a zod regex as its source without flags (`pattern`), which clients compile as ECMAScript with or
// without `u`: so these patterns carry no flags and mean the same either way.

/** No control characters (Unicode category Cc, U+0000–U+001F and U+007F–U+009F): they break CSV exports, logs and terminals. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const NO_CONTROL_CHARACTERS = /^[^\x00-\x1f\x7f-\x9f]*$/;

/** Starts and ends with a visible character (no leading or trailing whitespace). */
export const TRIMMED = /^\S(.*\S)?$/;

const NO_FORMAT_CHARACTERS_RULE = 'no invisible format characters (bidi controls, zero-width spaces)';

export const SkuSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(TRIMMED, 'no leading or trailing spaces')
  .regex(NO_CONTROL_CHARACTERS, 'no control characters')
  .regex(NO_FORMAT_CHARACTERS, NO_FORMAT_CHARACTERS_RULE)
  .openapi({ example: 'MUG-1' });

/** A location or supplier code (the domain's rule, which also refuses format characters as SKUs do). */
export const CodeSchema = z
  .string()
  .min(1)
  .max(CODE_MAX_LENGTH)
  .regex(NO_FORMAT_CHARACTERS, NO_FORMAT_CHARACTERS_RULE)
  .regex(CODE_PATTERN, 'letters, digits, dot, dash or underscore');

export const LocationCodeSchema = CodeSchema.openapi({ example: 'WH1' });

export const TextSchema = (max: number) =>
  z.string().max(max).regex(NO_CONTROL_CHARACTERS, 'no control characters');

export const MoneySchema = z.number().min(0).max(1e9).openapi({ example: 4.2 });

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  cursor: TextSchema(500).optional(),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A body that refuses unknown fields (a typo is a 400 naming it), published in the OpenAPI document as `name`. */
/** A stored record's creation and last change, ISO 8601 (platform/record-times.ts answers them). */
export const recordTimesFields = { createdAt: z.string(), updatedAt: z.string() };

export const strictBody = <S extends z.ZodRawShape>(name: string, shape: S) =>
  z.object(shape).strict().openapi(name);

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

/** A moment as ISO 8601 with its UTC offset (a bare local time is ambiguous across the seller's locations). */
export const TimestampSchema = z.iso.datetime({ offset: true });

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar date',
  )
  .refine(isAcceptedDay, ACCEPTED_DAYS_MESSAGE)
  .openapi({ example: '2025-07-01' });

export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
  .openapi({ example: '2025-07' });

export const MarketplaceSchema = z
  .string()
  .regex(/^[A-Z]{2,5}$/, 'a marketplace code such as US')
  .openapi({ example: 'US' });

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

/** The SKU in a path (`/{sku}`). */
export const SkuParam = z.object({
  sku: TextSchema(100)
    .min(1)
    .openapi({ param: { name: 'sku', in: 'path' }, example: 'MUG-1' }),
});

export const AsOfQuerySchema = z.object({
  asOf: IsoDateSchema.optional().openapi({
    description: 'the date (UTC) the figures are for; default today',
  }),
});

/** A new user's e-mail address, by the domain's rule (docs/decisions.md §29). */
export const EmailSchema = z
  .string()
  .max(EMAIL_MAX_LENGTH)
  .regex(EMAIL_PATTERN, 'an e-mail address such as owner@example.com')
  .openapi({ format: 'email', example: 'owner@example.com' });
