/**
 * Messages of the forecast accuracy page, kept apart from ../en.ts so that file stays reviewable;
 * ../en.ts spreads them in, and the zh-CN / zh-TW files here are typed against this one.
 */
export const forecastingEn = {
  'forecast.priceChange':
    '{name}, {from} – {to}: price × {factor}, demand × {multiplier} (price elasticity {elasticity}).',
  'nav.forecastAccuracy': 'Forecast accuracy',
  'accuracy.title': 'Forecast accuracy',
  'accuracy.subtitle':
    'How close past forecasts came to what sold, against the seasonal-naive forecast (each weekday repeats last week).',
  'accuracy.window': 'Days scored per forecast',
  'accuracy.windowOption': 'First {days} days',
  'accuracy.wape': 'Forecast error (WAPE)',
  'accuracy.baseline': 'Seasonal naive error (WAPE)',
  'accuracy.bias': 'Bias',
  'accuracy.coverage': 'At or below the {level} quantile',
  'accuracy.scored': '{forecasts} forecasts scored over {days} days with sales data.',
  'accuracy.better': 'They miss {pct} less than repeating last week.',
  'accuracy.worse': 'They miss {pct} more than repeating last week.',
  'accuracy.overTime': 'Accuracy over time',
  'accuracy.category': 'Category',
  'accuracy.allCategories': 'All categories',
  'accuracy.noCategory': 'No category',
  'accuracy.chartLabel':
    'Weekly forecast error (WAPE) against the seasonal-naive forecast, and bias, over {weeks} weeks.',
  'accuracy.week': 'Week of',
  'accuracy.observedDays': 'Days scored',
  'accuracy.sold': 'Units sold',
  'accuracy.byCategory': 'By category',
  'accuracy.worstSkus': 'SKUs the forecasts miss most',
  'accuracy.worstSkusHint':
    'The {count} SKUs whose forecasts missed the most units over all their scored forecasts (WAPE weighted by what they sold), with the seasonal-naive error beside each.',
  'accuracy.missed': 'Units missed',
  'accuracy.forecasts': 'Forecasts scored',
  'accuracy.worst': 'Worst forecasts',
  'accuracy.worstHint':
    'The {count} forecasts furthest from what sold, with the seasonal-naive error beside each.',
  'accuracy.firstDay': 'First day',
  'accuracy.model': 'Model',
  'accuracy.emptyTitle': 'Nothing to score yet',
  'accuracy.emptyBody':
    'Accuracy appears once stored forecasts are at least a day old and sales have been recorded since.',
} as const satisfies Record<string, string>;

export type ForecastingMessages = Record<keyof typeof forecastingEn, string>;
