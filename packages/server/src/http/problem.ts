import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '@stockwise/domain/errors';

/** The one mapping from domain error codes to HTTP; a new code without a status does not compile. */
export const HTTP_STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION_FAILED: 400,
  INVALID_BARCODE: 400,
  UNKNOWN_SKU: 404,
  UNKNOWN_LOCATION: 404,
  UNKNOWN_BARCODE: 404,
  NOT_FOUND: 404,
  DUPLICATE: 409,
  INSUFFICIENT_STOCK: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  IDEMPOTENCY_KEY_REUSED: 422,
  CONFLICT: 409,
  OVER_RECEIPT: 409,
  UPSTREAM_FAILED: 502,
  RATE_LIMITED: 429,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  field?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  500: 'Internal Server Error',
};

/** RFC 9457 problem details with a stable `code` and the field at fault. */
export function problem(
  c: Context,
  status: ContentfulStatusCode,
  body: {
    code: string;
    detail: string;
    field?: string | undefined;
    errors?: Problem['errors'];
    extra?: Record<string, unknown> | undefined;
  },
): Response {
  const payload: Problem = {
    type: `https://stockwise.dev/problems/${body.code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code: body.code,
    detail: body.detail,
    ...(body.field !== undefined ? { field: body.field } : {}),
    ...(body.errors ? { errors: body.errors } : {}),
    ...body.extra,
  };
  return c.newResponse(JSON.stringify(payload), status, { 'Content-Type': 'application/problem+json' });
}
