/**
 * Built-in public-holiday and retail-event calendars of the marketplaces Stockwise sells in
 * (docs/forecasting.md, "Calendar and events"), computed by rule for any year. National holidays
 * only (no regional ones, no substitute days); retail events on their usual rule — a seller enters
 * the announced dates of a year (e.g. Prime Day) as an event of their own.
 */
import { nthWeekday } from '../../dates/dates';

export const MARKETPLACES = ['US', 'CA', 'UK', 'DE', 'FR', 'IT', 'ES', 'JP'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];

/** Marketplace whose calendar applies when a location names none (or one without a calendar). */
export const DEFAULT_MARKETPLACE: Marketplace = 'US';

export interface CalendarDay {
  /** Epoch day. */
  readonly day: number;
  readonly name: string;
  readonly kind: 'holiday' | 'retail';
}

const MS_PER_DAY = 86_400_000;
const SUN = 0;
const MON = 1;
const TUE = 2;
const THU = 4;

const date = (year: number, month: number, day: number): number =>
  Date.UTC(year, month - 1, day) / MS_PER_DAY;
const nth = (year: number, month: number, weekday: number, n: number): number =>
  nthWeekday({ year, month: month - 1, weekday, n });
/** Last given weekday of a month (month 1-based). */
const last = (year: number, month: number, weekday: number): number => {
  const end = date(year, month + 1, 0);
  return end - ((((end + 4) % 7) - weekday + 7) % 7);
};

/** Easter Sunday (Gregorian), the anonymous algorithm of Meeus/Jones/Butcher. */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return date(year, month, day);
}

/** Japan's equinox days (National Astronomical Observatory approximation, valid 1980–2099). */
const equinox = (year: number, base: number): number =>
  Math.floor(base + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));

type Rule = readonly [name: string, day: (year: number) => number];

const easter = (offset: number) => (y: number) => easterSunday(y) + offset;
const fixed = (month: number, day: number) => (y: number) => date(y, month, day);

const HOLIDAYS: Record<Marketplace, readonly Rule[]> = {
  US: [
    ["New Year's Day", fixed(1, 1)],
    ['Martin Luther King Jr. Day', (y) => nth(y, 1, MON, 3)],
    ["Valentine's Day", fixed(2, 14)],
    ["Presidents' Day", (y) => nth(y, 2, MON, 3)],
    ['Easter', easter(0)],
    ["Mother's Day", (y) => nth(y, 5, SUN, 2)],
    ['Memorial Day', (y) => last(y, 5, MON)],
    ["Father's Day", (y) => nth(y, 6, SUN, 3)],
    ['Independence Day', fixed(7, 4)],
    ['Labor Day', (y) => nth(y, 9, MON, 1)],
    ['Columbus Day', (y) => nth(y, 10, MON, 2)],
    ['Halloween', fixed(10, 31)],
    ['Veterans Day', fixed(11, 11)],
    ['Thanksgiving', (y) => nth(y, 11, THU, 4)],
    ['Christmas Day', fixed(12, 25)],
  ],
  CA: [
    ["New Year's Day", fixed(1, 1)],
    ['Good Friday', easter(-2)],
    ['Victoria Day', (y) => date(y, 5, 24) - ((((date(y, 5, 24) + 4) % 7) - MON + 7) % 7)],
    ['Canada Day', fixed(7, 1)],
    ['Civic Holiday', (y) => nth(y, 8, MON, 1)],
    ['Labour Day', (y) => nth(y, 9, MON, 1)],
    ['Thanksgiving (CA)', (y) => nth(y, 10, MON, 2)],
    ['Remembrance Day', fixed(11, 11)],
    ['Christmas Day', fixed(12, 25)],
    ['Boxing Day', fixed(12, 26)],
  ],
  UK: [
    ["New Year's Day", fixed(1, 1)],
    ['Mothering Sunday', easter(-21)],
    ['Good Friday', easter(-2)],
    ['Easter Monday', easter(1)],
    ['Early May Bank Holiday', (y) => nth(y, 5, MON, 1)],
    ['Spring Bank Holiday', (y) => last(y, 5, MON)],
    ['Summer Bank Holiday', (y) => last(y, 8, MON)],
    ['Christmas Day', fixed(12, 25)],
    ['Boxing Day', fixed(12, 26)],
  ],
  DE: [
    ['Neujahr', fixed(1, 1)],
    ['Karfreitag', easter(-2)],
    ['Ostermontag', easter(1)],
    ['Tag der Arbeit', fixed(5, 1)],
    ['Christi Himmelfahrt', easter(39)],
    ['Pfingstmontag', easter(50)],
    ['Tag der Deutschen Einheit', fixed(10, 3)],
    ['Heiligabend', fixed(12, 24)],
    ['Erster Weihnachtstag', fixed(12, 25)],
    ['Zweiter Weihnachtstag', fixed(12, 26)],
  ],
  FR: [
    ["Jour de l'an", fixed(1, 1)],
    ['Lundi de Pâques', easter(1)],
    ['Fête du Travail', fixed(5, 1)],
    ['Victoire 1945', fixed(5, 8)],
    ['Ascension', easter(39)],
    ['Lundi de Pentecôte', easter(50)],
    ['Fête nationale', fixed(7, 14)],
    ['Assomption', fixed(8, 15)],
    ['Toussaint', fixed(11, 1)],
    ['Armistice 1918', fixed(11, 11)],
    ['Noël', fixed(12, 25)],
  ],
  IT: [
    ['Capodanno', fixed(1, 1)],
    ['Epifania', fixed(1, 6)],
    ['Lunedì dell’Angelo', easter(1)],
    ['Festa della Liberazione', fixed(4, 25)],
    ['Festa del Lavoro', fixed(5, 1)],
    ['Festa della Repubblica', fixed(6, 2)],
    ['Ferragosto', fixed(8, 15)],
    ['Ognissanti', fixed(11, 1)],
    ['Immacolata Concezione', fixed(12, 8)],
    ['Natale', fixed(12, 25)],
    ['Santo Stefano', fixed(12, 26)],
  ],
  ES: [
    ['Año Nuevo', fixed(1, 1)],
    ['Epifanía del Señor', fixed(1, 6)],
    ['Viernes Santo', easter(-2)],
    ['Fiesta del Trabajo', fixed(5, 1)],
    ['Asunción de la Virgen', fixed(8, 15)],
    ['Fiesta Nacional de España', fixed(10, 12)],
    ['Todos los Santos', fixed(11, 1)],
    ['Día de la Constitución', fixed(12, 6)],
    ['Inmaculada Concepción', fixed(12, 8)],
    ['Navidad', fixed(12, 25)],
  ],
  JP: [
    ['元日 New Year', fixed(1, 1)],
    ['成人の日 Coming of Age Day', (y) => nth(y, 1, MON, 2)],
    ['建国記念の日 Foundation Day', fixed(2, 11)],
    ['天皇誕生日 Emperor’s Birthday', fixed(2, 23)],
    ['春分の日 Vernal Equinox', (y) => date(y, 3, equinox(y, 20.8431))],
    ['昭和の日 Shōwa Day', fixed(4, 29)],
    ['憲法記念日 Constitution Day', fixed(5, 3)],
    ['みどりの日 Greenery Day', fixed(5, 4)],
    ['こどもの日 Children’s Day', fixed(5, 5)],
    ['海の日 Marine Day', (y) => nth(y, 7, MON, 3)],
    ['山の日 Mountain Day', fixed(8, 11)],
    ['敬老の日 Respect for the Aged Day', (y) => nth(y, 9, MON, 3)],
    ['秋分の日 Autumnal Equinox', (y) => date(y, 9, equinox(y, 23.2488))],
    ['スポーツの日 Sports Day', (y) => nth(y, 10, MON, 2)],
    ['文化の日 Culture Day', fixed(11, 3)],
    ['勤労感謝の日 Labour Thanksgiving Day', fixed(11, 23)],
  ],
};

/** Black Friday follows the US Thanksgiving in every marketplace (its European and Japanese editions too). */
const blackFriday = (y: number): number => nth(y, 11, THU, 4) + 1;

/**
 * Retail events, the same rule in every marketplace: Prime Day on the second Tuesday of July and
 * the day after (Amazon announces the dates each year; 2022–2023 followed this rule), Singles' Day
 * (11 November), Black Friday and Cyber Monday.
 */
const RETAIL: readonly Rule[] = [
  ['Prime Day', (y) => nth(y, 7, TUE, 2)],
  ['Prime Day', (y) => nth(y, 7, TUE, 2) + 1],
  ["Singles' Day", fixed(11, 11)],
  ['Black Friday', blackFriday],
  ['Cyber Monday', (y) => blackFriday(y) + 3],
];

/** The marketplace whose calendar applies to a location's marketplace code (US when none is known). */
export function calendarMarketplace(code: string | null | undefined): Marketplace {
  const upper = (code ?? '').toUpperCase();
  const known = MARKETPLACES.find((m) => m === (upper === 'GB' ? 'UK' : upper));
  return known ?? DEFAULT_MARKETPLACE;
}

/**
 * Holidays and retail events of a marketplace over epoch days [from, to), in day order. Where two
 * fall on the same day (Veterans Day and Singles' Day) both are listed, the holiday first.
 */
export function marketplaceCalendar(
  marketplace: Marketplace,
  range: { readonly from: number; readonly to: number },
): CalendarDay[] {
  const out: CalendarDay[] = [];
  const first = new Date(range.from * MS_PER_DAY).getUTCFullYear();
  const lastYear = new Date((range.to - 1) * MS_PER_DAY).getUTCFullYear();
  for (let year = first; year <= lastYear; year++) {
    const add = (rules: readonly Rule[], kind: CalendarDay['kind']) => {
      for (const [name, rule] of rules) {
        const day = rule(year);
        if (day >= range.from && day < range.to) out.push({ day, name, kind });
      }
    };
    add(HOLIDAYS[marketplace], 'holiday');
    add(RETAIL, 'retail');
  }
  return out.sort((a, b) => a.day - b.day || (a.kind === b.kind ? 0 : a.kind === 'holiday' ? -1 : 1));
}

/** One event name per day over [from, to) ('' = none; the first listed where two share a day). */
export function dailyEventNames(
  marketplace: Marketplace,
  range: { readonly from: number; readonly to: number },
): string[] {
  const names = new Array<string>(range.to - range.from).fill('');
  for (const e of marketplaceCalendar(marketplace, range)) {
    const i = e.day - range.from;
    if (names[i] === '') names[i] = e.name;
  }
  return names;
}
