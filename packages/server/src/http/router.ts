import type { Hook, RouteConfig } from '@hono/zod-openapi';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
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
export function newRouter(): Router {
  return new OpenAPIHono<AppEnv>({ defaultHook });
}

export type Router = OpenAPIHono<AppEnv>;

export const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { ...json(schema), required: true } });

/** A success response with a JSON body: `200: jsonResponse('The supplier', SupplierSchema)`. */
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  ...json(schema),
});

/** `{ items: [...] }`: a whole (unpaged) list. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

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

/**
 * An operation behind authentication: states its method, path, summary, input and success responses; the
 * security requirement and the problem responses every authenticated operation can give are added here.
 */
export function securedRoute<const R extends Omit<RouteConfig, 'security'>>(config: R) {
  return createRoute({
    ...config,
    security: secured,
    responses: { ...config.responses, ...problemResponses },
  });
}

export const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({ description: 'A retried write with the same key is applied once' }),
});

/** A summary, or a summary with a longer description. */
type OperationDoc = string | { summary: string; description: string };

/** Path or query parameters: an object schema, one key per parameter. */
type RouteParams = z.ZodObject;

type JsonResponse<T extends z.ZodType> = ReturnType<typeof jsonResponse<T>>;

/**
 * The usual operations of one API section (its tags), each stated as path, summary, input and success response;
 * the method, the Idempotency-Key header of writes and the security and problem responses (`securedRoute`) follow
 * from the kind of operation.
 */
export function operations(tags: string[]) {
  const info = (path: string, doc: OperationDoc) => ({
    path,
    tags,
    ...(typeof doc === 'string' ? { summary: doc } : doc),
  });
  return {
    /** GET with no input: `200` and the JSON it names (a list, a summary). */
    list: <T extends z.ZodType>(path: string, doc: OperationDoc, ok: JsonResponse<T>) =>
      securedRoute({ ...info(path, doc), method: 'get', responses: { 200: ok } }),

    /** GET with query parameters (a filtered list, a page, a report): `200` and its JSON. */
    query: <Q extends RouteParams, T extends z.ZodType>(
      path: string,
      doc: OperationDoc,
      query: Q,
      ok: JsonResponse<T>,
    ) => securedRoute({ ...info(path, doc), method: 'get', request: { query }, responses: { 200: ok } }),

    /** GET one resource named by its path parameters: `200` and its JSON. */
    read: <P extends RouteParams, T extends z.ZodType>(
      path: string,
      doc: OperationDoc,
      params: P,
      ok: JsonResponse<T>,
    ) => securedRoute({ ...info(path, doc), method: 'get', request: { params }, responses: { 200: ok } }),

    /** POST that creates: safe to retry with an Idempotency-Key; `201` and what was created. */
    create: <B extends z.ZodType, T extends z.ZodType>(
      path: string,
      doc: OperationDoc,
      body: B,
      created: JsonResponse<T>,
    ) =>
      securedRoute({
        ...info(path, doc),
        method: 'post',
        request: { headers: IdempotencyHeaderSchema, ...jsonBody(body) },
        responses: { 201: created },
      }),

    /** A write to one resource named by its path parameters (PATCH or PUT, or POST for an action on it): `200`. */
    change: <
      const M extends 'patch' | 'post' | 'put',
      P extends RouteParams,
      B extends z.ZodType,
      T extends z.ZodType,
    >(
      path: string,
      doc: OperationDoc,
      input: { method: M; params: P; body: B },
      ok: JsonResponse<T>,
    ) =>
      securedRoute({
        ...info(path, doc),
        method: input.method,
        request: { params: input.params, headers: IdempotencyHeaderSchema, ...jsonBody(input.body) },
        responses: { 200: ok },
      }),

    /** DELETE one resource named by its path parameters: `204` with the given description. */
    remove: <P extends RouteParams>(path: string, doc: OperationDoc, params: P, description: string) =>
      securedRoute({
        ...info(path, doc),
        method: 'delete',
        request: { params },
        responses: { 204: { description } },
      }),
  };
}
