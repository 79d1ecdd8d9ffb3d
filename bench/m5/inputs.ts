/** Loads the M5 tables into the inputs of the domain's catalogue forecast (no estimation here). */
import type { CatalogueInput } from '../../packages/domain/src/forecasting/catalogue';
import {
  DEFAULT_EFFECTS,
  NO_EFFECTS,
  type EffectChoice,
} from '../../packages/domain/src/forecasting/catalogue-factors';
import type { Calendar, SalesTable } from './load';

/** `--factors none|all|weekdayGroup,events,…` (snap = payDays); the product's default when absent. */
export function effectChoice(spec: string | undefined): EffectChoice {
  if (spec === undefined) return DEFAULT_EFFECTS;
  if (spec === 'none') return NO_EFFECTS;
  const on = new Set(spec.split(','));
  const all = spec === 'all';
  return {
    weekdayGroup: all || on.has('weekdayGroup'),
    weekdaySeries: all || on.has('weekdaySeries'),
    events: all || on.has('events'),
    payDays: all || on.has('payDays') || on.has('snap'),
    price: all || on.has('price'),
  };
}

/** Series = item × store (department, category, state); calendar = M5's events and SNAP days per state. */
export function m5Input(options: {
  readonly sales: SalesTable;
  readonly calendar: Calendar;
  readonly prices: readonly Float64Array[];
  readonly origin: number;
}): CatalogueInput {
  const { sales, calendar, prices, origin } = options;
  const states = [...new Set(sales.state)];
  return {
    series: sales.ids.map((_, i) => ({
      sku: sales.item[i]!,
      history: sales.sales[i]!.slice(0, origin),
      category: sales.cat[i]!,
      department: sales.dept[i]!,
      location: sales.store[i]!,
      region: sales.state[i]!,
      prices: prices[i]!,
    })),
    calendar: {
      weekday: calendar.wday,
      events: Object.fromEntries(states.map((s) => [s, calendar.event])),
      payDays: Object.fromEntries(states.map((s) => [s, calendar.snap[s]!])),
    },
  };
}
