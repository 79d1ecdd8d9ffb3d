import type { Hook, RouteConfig } from '@hono/zod-openapi';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ProblemSchema } from './common.schema';
import type { Context } from 'hono';
import type { Actor } from '../accounts/actor';
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

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { ...json(schema), required: true as const },
});

/** A JSON body the client may leave out (the handler then gets `json: undefined`). */
export const optionalJsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { ...json(schema), required: false as const },
});

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

/** A success response as a route states it (JSON, or JSON and files). */
type SuccessResponse = RouteConfig['responses'][number];

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
  /** A GET with one kind of input, query or path parameters, answering `200` and its JSON. */
  const getWith =
    <const K extends 'query' | 'params'>(kind: K) =>
    <P extends RouteParams, T extends z.ZodType>(
      path: string,
      doc: OperationDoc,
      input: P,
      ok: JsonResponse<T>,
    ) =>
      securedRoute({
        ...info(path, doc),
        method: 'get',
        // A computed key widens to string: the cast restates `{ query: P }` or `{ params: P }`.
        request: { [kind]: input } as Record<K, P>,
        responses: { 200: ok },
      });
  return {
    /** GET with no input: `200` and the JSON it names (a list, a summary). */
    list: <T extends z.ZodType>(path: string, doc: OperationDoc, ok: JsonResponse<T>) =>
      securedRoute({ ...info(path, doc), method: 'get', responses: { 200: ok } }),

    /** GET with query parameters (a filtered list, a page, a report): `200` and its JSON. */
    query: getWith('query'),

    /** GET one resource named by its path parameters: `200` and its JSON. */
    read: getWith('params'),

    /** GET one resource named by its path parameters, seen as the query asks (a span, a format): `200`. */
    view: <const Rq extends { params: RouteParams; query: RouteParams }, const O extends SuccessResponse>(
      path: string,
      doc: OperationDoc,
      request: Rq,
      ok: O,
    ) => securedRoute({ ...info(path, doc), method: 'get', request, responses: { 200: ok } }),

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

    /** POST an action on one resource named by its path parameters, with no body (send, cancel): `200`. */
    act: <P extends RouteParams, T extends z.ZodType>(
      path: string,
      doc: OperationDoc,
      params: P,
      ok: JsonResponse<T>,
    ) =>
      securedRoute({
        ...info(path, doc),
        method: 'post',
        request: { params, headers: IdempotencyHeaderSchema },
        responses: { 200: ok },
      }),

    /** A write that names no resource by path (a command, a section's settings): `200`. */
    submit: <const M extends 'post' | 'put', B extends z.ZodType, T extends z.ZodType>(
      path: string,
      doc: OperationDoc,
      input: { method: M; body: B },
      ok: JsonResponse<T>,
    ) =>
      securedRoute({
        ...info(path, doc),
        method: input.method,
        request: { headers: IdempotencyHeaderSchema, ...jsonBody(input.body) },
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

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;
type RequestOf<R extends RouteConfig> = NonNullable<R['request']>;
type JsonBody<R extends RouteConfig> =
  RequestOf<R> extends { body: { content: { 'application/json': { schema: infer S } }; required?: infer Q } }
    ? Q extends true
      ? Output<S>
      : Output<S> | undefined
    : undefined;

/** The validated input of an operation: its path parameters, query and JSON body (undefined where it has none). */
export interface RouteInput<R extends RouteConfig> {
  param: Output<RequestOf<R>['params']>;
  query: Output<RequestOf<R>['query']>;
  json: JsonBody<R>;
}

type SuccessCode = 200 | 201 | 202 | 204;

/** The handler `serve` registers: the actor and the validated input in, the success response's body out. */
export type RouteRun<R extends RouteConfig> = (actor: Actor, input: RouteInput<R>) => Promise<RouteResult<R>>;

/**
 * What the operation's success response carries: the JSON its schema describes; a 204 sends nothing, so whatever
 * its handler's work answers (a deleted flag, nothing) is dropped.
 */
export type RouteResult<R extends RouteConfig> = {
  [S in keyof R['responses']]: S extends SuccessCode
    ? R['responses'][S] extends { content: { 'application/json': { schema: infer T extends z.ZodType } } }
      ? z.input<T>
      : S extends 204
        ? unknown
        : undefined
    : never;
}[keyof R['responses']];

/** The one 2xx status the route declares (the operations that answer one of two use `app.openapi` directly). */
function successStatus(route: RouteConfig): SuccessCode {
  const codes = Object.keys(route.responses)
    .map(Number)
    .filter((code): code is SuccessCode => code >= 200 && code < 300);
  const [code, ...others] = codes;
  if (code === undefined || others.length > 0)
    throw new Error(`${route.method} ${route.path}: serve needs exactly one success status`);
  return code;
}

/**
 * Registers an operation whose handler is `run`: it gets the actor and the validated input, and what it returns is
 * the body of the route's one success status (none for 204). The route itself, and so the OpenAPI document, is as
 * given.
 */
export function serve<const R extends RouteConfig>(app: Router, route: R, run: RouteRun<R>): void {
  const status = successStatus(route);
  const config: RouteConfig = route;
  app.openapi(config, async (c: Context<AppEnv>) => {
    const valid = (target: 'param' | 'query' | 'json'): unknown => c.req.valid(target as never);
    const input = { param: valid('param'), query: valid('query'), json: valid('json') } as RouteInput<R>;
    const result = await run(c.get('actor'), input);
    return status === 204 ? c.body(null, status) : c.json(result, status);
  });
}

/**
 * A router for one API section (its tags): `op` states its operations (`operations`) and `serve` registers each
 * with its handler.
 */
export function section(tags: string[]) {
  const app = newRouter();
  return {
    app,
    op: operations(tags),
    serve: <const R extends RouteConfig>(route: R, run: RouteRun<R>) => {
      serve(app, route, run);
    },
  };
}

export type Section = ReturnType<typeof section>;

/** The service behind a resource named by a path parameter: it reads one and changes one. */
export interface ItemService<Id, Patch, Dto> {
  get(actor: Actor, id: Id): Promise<Dto>;
  update(actor: Actor, id: Id, patch: Patch): Promise<Dto>;
}

/**
 * The two operations of an editable resource at `path` (`/{id}`, `/{code}`), named by the path parameter `key`:
 * GET reads it, PATCH changes it with the body `patch` validates; both answer `schema`, and its service's `get`
 * and `update` do the work.
 */
export function serveItem<
  P extends RouteParams,
  K extends keyof z.output<P> & string,
  T extends z.ZodType,
  B extends z.ZodType,
>(
  { op, serve: register }: Section,
  item: {
    path: `/{${K}}`;
    params: P;
    key: K;
    schema: T;
    patch: B;
    service: ItemService<z.output<P>[K], z.output<B>, z.input<T>>;
    read: { doc: OperationDoc; ok: string };
    change: { doc: OperationDoc; ok: string };
  },
): void {
  const { path, params, key, schema, patch, service } = item;
  const id = (param: unknown): z.output<P>[K] => (param as z.output<P>)[key];
  register(op.read(path, item.read.doc, params, jsonResponse(item.read.ok, schema)), (actor, { param }) =>
    service.get(actor, id(param)),
  );
  register(
    op.change(
      path,
      item.change.doc,
      { method: 'patch', params, body: patch },
      jsonResponse(item.change.ok, schema),
    ),
    (actor, { param, json }) => service.update(actor, id(param), json as z.output<B>),
  );
}
