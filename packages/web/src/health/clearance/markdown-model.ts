import type { components } from '../../api/schema.gen';
import type { ExcessLine } from './clearance-model';

export type ForecastEvent = components['schemas']['ForecastEvent'];
export type ForecastEventInput = components['schemas']['ForecastEventInput'];

/** The markdown form as typed: dates as YYYY-MM-DD (the end may be empty), the percentage off as text. */
export interface MarkdownForm {
  startsOn: string;
  endsOn: string;
  percentOff: string;
}

/** The form fields a markdown's errors are shown on, named as the events API names them. */
export type MarkdownField = 'startsOn' | 'endsOn' | 'priceFactor';
export const MARKDOWN_FIELDS: readonly MarkdownField[] = ['startsOn', 'endsOn', 'priceFactor'];

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day `days` after an ISO date, as an ISO date. */
export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The advised sale price as a percentage off the current price (one decimal); null when either is unknown. */
export function advisedPercentOff(line: Pick<ExcessLine, 'price' | 'currentPrice'>): number | null {
  if (line.price === null || line.currentPrice === null || line.currentPrice <= 0) return null;
  return Math.round((1 - line.price / line.currentPrice) * 1000) / 10;
}

/** The new price a percentage off gives, or null without a current price or a percentage. */
export function priceAfter(currentPrice: number | null, percentOff: number | null): number | null {
  return currentPrice === null || percentOff === null ? null : currentPrice * (1 - percentOff / 100);
}

/** The percentage typed, or null when it is not a number. */
export function percentOf(text: string): number | null {
  const value = Number(text.trim().replace(',', '.').replace(/%$/, ''));
  return text.trim() === '' || !Number.isFinite(value) ? null : value;
}

/** The form to start from: today, the advised duration's last day left implicit, the advised percentage. */
export function initialMarkdownForm(line: Pick<ExcessLine, 'price' | 'currentPrice'>, today: string) {
  const percent = advisedPercentOff(line);
  return { startsOn: today, endsOn: '', percentOff: percent === null ? '' : String(percent) };
}

/** The last day when the form leaves it empty: the advised duration counted from the first day. */
export function impliedEndsOn(startsOn: string, durationDays: number | null): string | null {
  if (!ISO_DATE.test(startsOn) || durationDays === null || durationDays < 1) return null;
  return addDays(startsOn, durationDays - 1);
}

/**
 * The events API's input for a markdown of one SKU (a price event: new price ÷ current price), or the
 * field that is missing. The server checks the ranges (dates in order, the factor's bounds) and names
 * the field it refuses.
 */
export function markdownEvent(
  a: { sku: string; name: string; durationDays: number | null },
  form: MarkdownForm,
): { input: ForecastEventInput } | { field: MarkdownField } {
  if (!ISO_DATE.test(form.startsOn)) return { field: 'startsOn' };
  const endsOn = form.endsOn.trim() === '' ? impliedEndsOn(form.startsOn, a.durationDays) : form.endsOn;
  if (endsOn === null || !ISO_DATE.test(endsOn)) return { field: 'endsOn' };
  const percent = percentOf(form.percentOff);
  if (percent === null) return { field: 'priceFactor' };
  return {
    input: {
      name: a.name,
      startsOn: form.startsOn,
      endsOn,
      scope: 'skus',
      category: null,
      skus: [a.sku],
      lift: null,
      priceFactor: Math.round((1 - percent / 100) * 10_000) / 10_000,
    },
  };
}

const byFirstDay = (a: ForecastEvent, b: ForecastEvent) =>
  a.startsOn.localeCompare(b.startsOn) || a.id - b.id;

/** A price event of this SKU alone: the kind its markdown form plans, and may remove. */
const isOwn = (e: ForecastEvent, sku: string) =>
  e.scope === 'skus' && e.skus.length === 1 && e.skus[0] === sku;

/** The price events planned for this SKU alone (the ones its markdown form may list and remove). */
export const plannedMarkdowns = (events: readonly ForecastEvent[], sku: string): ForecastEvent[] =>
  events.filter((e) => e.priceFactor !== null && isOwn(e, sku)).sort(byFirstDay);

/** What a shared price event covers besides this SKU, as the modal says it. */
export type Coverage =
  { kind: 'all' } | { kind: 'category'; category: string } | { kind: 'skus'; count: number };

/**
 * The price events that apply to this SKU but not to it alone (every SKU, its category, a list), by
 * first day: they change its forecast too, but are the seller's wider events, shown read-only here.
 * `events` are those the events API gives for the SKU (`?sku=`), which applies the forecast's scope rule.
 */
export const sharedMarkdowns = (
  events: readonly ForecastEvent[],
  sku: string,
): { event: ForecastEvent; covers: Coverage }[] =>
  events
    .filter((e) => e.priceFactor !== null && !isOwn(e, sku))
    .sort(byFirstDay)
    .map((event) => ({ event, covers: coverageOf(event) }));

function coverageOf(e: ForecastEvent): Coverage {
  if (e.scope === 'category') return { kind: 'category', category: e.category ?? '' };
  if (e.scope === 'skus') return { kind: 'skus', count: e.skus.length };
  return { kind: 'all' };
}
