/**
 * The domain's error taxonomy. Each transport maps these codes once (the server: `Record<ErrorCode, status>`),
 * so adding a code without deciding its HTTP status fails to compile.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_BARCODE',
  'UNKNOWN_SKU',
  'UNKNOWN_LOCATION',
  'UNKNOWN_BARCODE',
  'NOT_FOUND',
  'DUPLICATE',
  'INSUFFICIENT_STOCK',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'IDEMPOTENCY_KEY_REUSED',
  'CONFLICT',
  'OVER_RECEIPT',
  /** A channel's API (Shopify, SP-API) failed or refused the request. */
  'UPSTREAM_FAILED',
  /** Too many attempts (failed sign-ins); `details.retryAfterSeconds` says when to try again. */
  'RATE_LIMITED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface DomainErrorOptions {
  /** The input field (dotted path) or import line at fault. */
  field?: string;
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
