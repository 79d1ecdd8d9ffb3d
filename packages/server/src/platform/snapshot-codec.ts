/**
 * JSON for answers stored across restarts (docs/decisions.md 34): plain objects, arrays, Maps, Sets, Dates,
 * Float64Arrays (a forecast's daily means) and non-finite numbers come back as they were. Anything else (a
 * class instance, another typed array) refuses to encode, so an answer is stored faithfully or not at all.
 */
const MAP = '$$map';
const SET = '$$set';
const F64 = '$$f64';
const DATE = '$$date';
const NUMBER = '$$number';

export function encodeSnapshot(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { [DATE]: raw.toISOString() };
    if (typeof v === 'number' && !Number.isFinite(v)) return { [NUMBER]: String(v) };
    if (v instanceof Map) return { [MAP]: [...(v as Map<unknown, unknown>)] };
    if (v instanceof Set) return { [SET]: [...(v as Set<unknown>)] };
    if (v instanceof Float64Array) return { [F64]: [...v] };
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new TypeError(`cannot store a ${typeName(v)}`);
    }
    return v;
  });
}

export function decodeSnapshot(body: string): unknown {
  return JSON.parse(body, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    if (MAP in o) return new Map(o[MAP] as [unknown, unknown][]);
    if (SET in o) return new Set(o[SET] as unknown[]);
    if (F64 in o) return Float64Array.from(o[F64] as number[]);
    if (DATE in o) return new Date(o[DATE] as string);
    if (NUMBER in o) return Number(o[NUMBER]);
    return v;
  }) as unknown;
}

function typeName(v: object): string {
  return (v.constructor as { name?: string } | undefined)?.name ?? 'object';
}
