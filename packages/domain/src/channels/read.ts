import { DomainError } from '../errors';

/** Small readers for channel payloads: each names the offending field when the payload is not what the channel documents. */
export type Json = Record<string, unknown>;

export function obj(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new DomainError('VALIDATION_FAILED', `${field} must be an object`, { field });
  return value as Json;
}

export function arr(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value))
    throw new DomainError('VALIDATION_FAILED', `${field} must be an array`, { field });
  return value;
}

export function str(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new DomainError('VALIDATION_FAILED', `${field} must be a non-empty string`, { field });
  return value;
}

export function optStr(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function int(value: unknown, field: string, min = 0): number {
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min)
    throw new DomainError('VALIDATION_FAILED', `${field} must be a whole number ≥ ${min}`, { field });
  return n;
}

/** A money amount: channels send decimal strings ("19.99") or numbers. */
export function money(value: unknown, field: string): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0)
    throw new DomainError('VALIDATION_FAILED', `${field} must be an amount ≥ 0`, { field });
  return n;
}

export function date(value: unknown, field: string): Date {
  const d = typeof value === 'string' ? new Date(value) : undefined;
  if (!d || Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value as string))
    throw new DomainError('VALIDATION_FAILED', `${field} must be an ISO 8601 date`, { field });
  return d;
}

/** An optional timestamp: null when absent or not an ISO 8601 date, so a channel's optional date never fails its order. */
export function optDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * When a shipped order left, kept between when it was ordered and now: a channel's date outside that
 * span (a clock out of step, a later update) cannot be when it shipped (docs/decisions.md 45).
 */
export function shipInstant(candidate: Date, bounds: { orderedAt: Date; now: Date }): Date {
  const at = Math.min(Math.max(candidate.getTime(), bounds.orderedAt.getTime()), bounds.now.getTime());
  return new Date(at);
}

/** Rounds a unit price to the 4 decimals money is stored with. */
export function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
