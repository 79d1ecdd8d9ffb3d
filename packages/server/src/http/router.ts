import type { Hook } from '@hono/zod-openapi';
import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { ProblemSchema } from './common.schema';
import type { AppEnv } from './env';
import { problem } from './problem';

/** Turns zod issues into `{ field, message }`, naming unknown keys themselves rather than their parent. */
export function fieldErrors(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return {
        field: [...path, issue.keys[0] ?? ''].join('.'),
        message: `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`,
      };
    }
    return { field: path.join('.') || '(body)', message: issue.message };
  });
}

const defaultHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return undefined;
  const errors = fieldErrors(result.error);
  const first = errors[0];
  return problem(c, 400, {
    code: 'VALIDATION_FAILED',
    detail: first ? `${first.field}: ${first.message}` : 'invalid request',
    field: first?.field,
    errors,
    extra: { in: result.target },
  });
};

/** Every resource router validates with zod and answers bad input with problem+json. */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook });
}

export const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { ...json(schema), required: true } });

export const secured: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/** Error responses every authenticated operation can give. */
export const problemResponses = {
  400: { description: 'Invalid input (the `field` names it)', content: problemContent },
  401: { description: 'Not signed in', content: problemContent },
  403: { description: 'Role may not do this', content: problemContent },
  404: { description: 'Not found', content: problemContent },
  409: { description: 'Conflict (duplicate, insufficient stock)', content: problemContent },
  413: { description: 'Body too large', content: problemContent },
  422: { description: 'Idempotency-Key reused with another request', content: problemContent },
} as const;

export const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({ description: 'A retried write with the same key is applied once' }),
});
