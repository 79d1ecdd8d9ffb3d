/**
 * Seller-entered events and promotions (docs/forecasting.md, "Calendar and events"): the rules on
 * their fields, and their days as indices of a forecast's calendar.
 */
import { parseIsoDate } from '../dates/dates';
import { DomainError } from '../errors';
import type { CatalogueEvent } from './catalogue-factors';
import { inScope } from './event-scope';
import { PLANNED_PRICE_LIMITS } from './planned-prices';

export type ForecastEventScope = 'all' | 'category' | 'skus';

export interface ForecastEventFields {
  readonly name: string;
  /** First day, 'YYYY-MM-DD'. */
  readonly startsOn: string;
  /** Last day (inclusive), 'YYYY-MM-DD'. */
  readonly endsOn: string;
  readonly scope: ForecastEventScope;
  /** The category, when scope is 'category'. */
  readonly category: string | null;
  /** The SKUs, when scope is 'skus'. */
  readonly skus: readonly string[];
  /** Expected multiplier of demand (1.3 = +30%), or null to learn it from earlier events of the same name. */
  readonly lift: number | null;
  /**
   * A planned price change over the event: the new price ÷ the current price (0.8 = 20% off), applied
   * through the SKU's price response; null = none. With a price factor, a null lift learns nothing
   * (the price response is the event's effect) and a given lift applies on top of it.
   */
  readonly priceFactor: number | null;
}

/** An event spans at most a year; a lift is a multiplier in (0, 20]. */
export const EVENT_LIMITS = { maxDays: 366, maxLift: 20, maxSkus: 1000 } as const;

/** Refuses a field of a seller's forecast input (events, overrides) with a 400 naming it. */
export const fail = (field: string, message: string): never => {
  throw new DomainError('VALIDATION_FAILED', message, { field });
};

/** A date field as an epoch day, or refused naming the field. */
export function dayOf(field: string, iso: string): number {
  try {
    return parseIsoDate(iso);
  } catch {
    return fail(field, `${field} must be a date as YYYY-MM-DD`);
  }
}

/** Checks an event's fields and returns them normalised (trimmed name, scope fields cleared where unused). */
export function validateForecastEvent(fields: ForecastEventFields): ForecastEventFields {
  const name = fields.name.trim();
  if (name === '') fail('name', 'name must not be empty');
  const start = dayOf('startsOn', fields.startsOn);
  const end = dayOf('endsOn', fields.endsOn);
  if (end < start) fail('endsOn', 'endsOn must not be before startsOn');
  if (end - start + 1 > EVENT_LIMITS.maxDays) {
    fail('endsOn', `an event spans at most ${String(EVENT_LIMITS.maxDays)} days`);
  }
  const category = fields.scope === 'category' ? (fields.category?.trim() ?? '') : '';
  if (fields.scope === 'category' && category === '') fail('category', 'scope "category" needs a category');
  const skus = fields.scope === 'skus' ? [...new Set(fields.skus.map((s) => s.trim()))] : [];
  if (fields.scope === 'skus' && (skus.length === 0 || skus.includes(''))) {
    fail('skus', 'scope "skus" needs a list of SKUs');
  }
  if (skus.length > EVENT_LIMITS.maxSkus) fail('skus', `at most ${String(EVENT_LIMITS.maxSkus)} SKUs`);
  const lift = fields.lift;
  if (lift !== null && !(Number.isFinite(lift) && lift > 0 && lift <= EVENT_LIMITS.maxLift)) {
    fail('lift', `lift must be a multiplier in (0, ${String(EVENT_LIMITS.maxLift)}], or null to learn it`);
  }
  const priceFactor = fields.priceFactor;
  if (
    priceFactor !== null &&
    !(Number.isFinite(priceFactor) && priceFactor > 0 && priceFactor <= PLANNED_PRICE_LIMITS.maxFactor)
  ) {
    fail(
      'priceFactor',
      `priceFactor must be the new price ÷ the current price, in (0, ${String(PLANNED_PRICE_LIMITS.maxFactor)}], or null`,
    );
  }
  return { ...fields, name, category: category === '' ? null : category, skus };
}

/** The event over the days of a forecast whose index 0 is epoch day `fromEpochDay`. */
export function catalogueEvent(fields: ForecastEventFields, fromEpochDay: number): CatalogueEvent {
  const from = parseIsoDate(fields.startsOn) - fromEpochDay;
  const to = parseIsoDate(fields.endsOn) + 1 - fromEpochDay;
  return {
    name: fields.name,
    from,
    to,
    scope: eventScopeOf(fields),
    lift: fields.lift,
    priceFactor: fields.priceFactor,
  };
}

/** An event's scope as the forecast matches it. */
export function eventScopeOf(
  fields: Pick<ForecastEventFields, 'scope' | 'category' | 'skus'>,
): CatalogueEvent['scope'] {
  if (fields.scope === 'category') return { kind: 'category', category: fields.category ?? '' };
  if (fields.scope === 'skus') return { kind: 'skus', skus: fields.skus };
  return { kind: 'all' };
}

/**
 * Whether an event changes this SKU's forecast: the forecast's own rule (`inScope`). A SKU without a
 * category is in no category's scope (the forecast reads it as '', which no event may name).
 */
export const eventAppliesTo = (
  fields: Pick<ForecastEventFields, 'scope' | 'category' | 'skus'>,
  sku: { readonly sku: string; readonly category: string | null },
): boolean => inScope({ scope: eventScopeOf(fields) }, { sku: sku.sku, category: sku.category ?? '' });
