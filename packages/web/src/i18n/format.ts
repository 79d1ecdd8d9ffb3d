import type { Locale } from './locales';

/**
 * Every number, date and amount on screen goes through these, so a locale switch reformats all
 * of them. Intl objects are costly to build, hence one cache per locale.
 */
export interface Formatters {
  int: (value: number) => string;
  num: (value: number, fractionDigits?: number) => string;
  /** A ratio (0.25) shown as a percentage (25%). */
  pct: (ratio: number, fractionDigits?: number) => string;
  money: (value: number, currency: string) => string;
  compact: (value: number) => string;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  /** Short month and day for chart axes. */
  dayMonth: (iso: string) => string;
  /** A calendar month ('YYYY-MM') with its year. */
  month: (yyyyMm: string) => string;
}

const cache = new Map<Locale, Formatters>();

function memo<K, V>(build: (key: K) => V): (key: K) => V {
  const map = new Map<K, V>();
  return (key) => {
    let value = map.get(key);
    if (value === undefined) {
      value = build(key);
      map.set(key, value);
    }
    return value;
  };
}

function safeDate(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function build(locale: Locale): Formatters {
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const num = memo(
    (digits: number) =>
      new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: digits }),
  );
  const pct = memo(
    (digits: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }),
  );
  const money = memo((currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency }));
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dayMonth = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dash = '—';
  const finite = (value: number, format: (v: number) => string) =>
    Number.isFinite(value) ? format(value) : dash;
  return {
    int: (value) => finite(value, (v) => int.format(v)),
    num: (value, digits = 2) => finite(value, (v) => num(digits).format(v)),
    pct: (ratio, digits = 1) => finite(ratio, (v) => pct(digits).format(v)),
    money: (value, currency) => finite(value, (v) => money(currency).format(v)),
    compact: (value) => finite(value, (v) => compact.format(v)),
    date: (iso) => {
      const d = safeDate(iso);
      return d ? date.format(d) : dash;
    },
    dateTime: (iso) => {
      const d = safeDate(iso);
      return d ? dateTime.format(d) : dash;
    },
    dayMonth: (iso) => {
      const d = safeDate(iso);
      return d ? dayMonth.format(d) : dash;
    },
    month: (yyyyMm) => {
      const d = safeDate(`${yyyyMm}-01T00:00:00Z`);
      return d ? monthYear.format(d) : dash;
    },
  };
}

export function formatters(locale: Locale): Formatters {
  let value = cache.get(locale);
  if (!value) {
    value = build(locale);
    cache.set(locale, value);
  }
  return value;
}
