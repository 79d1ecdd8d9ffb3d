import { deserialize, serialize } from 'node:v8';

/**
 * Answers stored across restarts (docs/decisions.md 34), in V8's structured-clone form as base64 text
 * (docs/decisions.md 48): plain objects, arrays, Maps, Sets, Dates, Float64Arrays (a forecast's daily
 * means) and non-finite numbers come back as they were, and an object referenced twice (a line's product,
 * forecast and supplier, also in the planning inputs) is stored once and comes back shared. Anything else
 * (a class instance, another typed array, a function) refuses to encode, so an answer is stored faithfully
 * or not at all.
 */
export function encodeSnapshot(value: unknown): string {
  refuseUnfaithful(value, new Set());
  return serialize(value).toString('base64');
}

/** Throws where the body is not one `encodeSnapshot` wrote (or one this Node release cannot read). */
export function decodeSnapshot(body: string): unknown {
  return deserialize(Buffer.from(body, 'base64')) as unknown;
}

/** Throws on the first value the structured clone would not give back as it was; each object seen once. */
function refuseUnfaithful(v: unknown, seen: Set<object>): void {
  if (typeof v === 'function' || typeof v === 'symbol') throw new TypeError(`cannot store a ${typeof v}`);
  if (v === null || typeof v !== 'object' || seen.has(v)) return;
  seen.add(v);
  if (v instanceof Float64Array || v instanceof Date) return;
  if (Array.isArray(v) || v instanceof Set) {
    for (const item of v as Iterable<unknown>) refuseUnfaithful(item, seen);
    return;
  }
  if (v instanceof Map) {
    for (const [key, item] of v as Map<unknown, unknown>) {
      refuseUnfaithful(key, seen);
      refuseUnfaithful(item, seen);
    }
    return;
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw new TypeError(`cannot store a ${typeName(v)}`);
  for (const item of Object.values(v)) refuseUnfaithful(item, seen);
}

function typeName(v: object): string {
  return (v.constructor as { name?: string } | undefined)?.name ?? 'object';
}
