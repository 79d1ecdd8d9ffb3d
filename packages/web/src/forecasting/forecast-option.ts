import type { Forecast } from '../api/types';
import type { ChartOption } from '../lib/band-chart';
import { bandArea, bandBase, dateUnitAxes, plainLine, tooltipHtml, topLegend } from '../lib/band-chart';

export type { ChartOption } from '../lib/band-chart';

/**
 * Builds the ECharts option for a quantile forecast: history as a line, the forecast median and
 * mean, and nested bands q50–q80–q90–q95–q99. ECharts has no native band series, so each band is a
 * stacked area holding the *difference* between two quantiles on top of an invisible q50 base.
 * The tooltip reads the original quantiles back from `forecast` so it never shows differences.
 */

export interface ForecastLabels {
  history: string;
  censored: string;
  mean: string;
  median: string;
  band: (from: string, to: string) => string;
  units: (value: number) => string;
  date: (iso: string) => string;
  axisDate: (iso: string) => string;
  /** The name of a period the seller overrode (drawn as a shaded area). */
  override: (o: Forecast['overrides'][number]) => string;
}

const BANDS = [
  { from: 'q50', to: 'q80', opacity: 0.45 },
  { from: 'q80', to: 'q90', opacity: 0.32 },
  { from: 'q90', to: 'q95', opacity: 0.22 },
  { from: 'q95', to: 'q99', opacity: 0.13 },
] as const;

type Quantile = 'q50' | 'q80' | 'q90' | 'q95' | 'q99';
const PCT: Record<Quantile, string> = { q50: '50%', q80: '80%', q90: '90%', q95: '95%', q99: '99%' };

function finite(value: number): number | null {
  return Number.isFinite(value) ? Math.max(0, value) : null;
}

/** The stacked band series: each holds the difference between two quantiles, after `pad` empty history points. */
function bandSeriesOf({
  forecast,
  labels,
  pad,
}: {
  forecast: Forecast;
  labels: ForecastLabels;
  pad: null[];
}): { name: string }[] {
  const diff = (from: Quantile, to: Quantile) =>
    forecast.forecast.map((f) => {
      const a = finite(f[from]);
      const b = finite(f[to]);
      return a === null || b === null ? null : Math.max(0, b - a);
    });
  return BANDS.map((band) =>
    bandArea(labels.band(PCT[band.from], PCT[band.to]), {
      stack: 'bands',
      opacity: band.opacity,
      data: [...pad, ...diff(band.from, band.to)],
    }),
  );
}

/** The axis tooltip: the day's history (or "stock-out"), or the forecast's mean and quantiles as sent. */
function axisTooltip({
  forecast,
  labels,
  dates,
}: {
  forecast: Forecast;
  labels: ForecastLabels;
  dates: string[];
}): (params: { dataIndex: number }[]) => string {
  const historyLength = forecast.history.length;
  return (params) => {
    const index = params[0]?.dataIndex ?? 0;
    const date = dates[index];
    const lines = [date ? labels.date(date) : ''];
    if (index < historyLength) {
      const point = forecast.history[index];
      if (point?.censored || point?.units === null) lines.push(labels.censored);
      else if (point) lines.push(`${labels.history}: ${labels.units(point.units)}`);
    } else {
      const point = forecast.forecast[index - historyLength];
      if (point) {
        lines.push(`${labels.mean}: ${labels.units(point.mean)}`);
        for (const key of ['q50', 'q80', 'q90', 'q95', 'q99'] as const)
          lines.push(`${PCT[key]}: ${labels.units(point[key])}`);
      }
    }
    return tooltipHtml(lines);
  };
}

/** The seller's overrides as shaded areas over the forecast days they cover. */
function overrideAreas(forecast: Forecast, labels: ForecastLabels): ChartOption {
  const first = forecast.forecast[0]?.date;
  const last = forecast.forecast.at(-1)?.date;
  if (first === undefined || last === undefined) return {};
  const data = forecast.overrides.flatMap((o) => {
    const from = o.startsOn < first ? first : o.startsOn;
    const to = o.endsOn > last ? last : o.endsOn;
    return from > to ? [] : [[{ name: labels.override(o), xAxis: from }, { xAxis: to }]];
  });
  if (data.length === 0) return {};
  return {
    markArea: {
      silent: true,
      itemStyle: { color: 'rgba(112, 72, 232, 0.10)' },
      label: { color: '#5f3dc4', position: 'insideTop' },
      data,
    },
  };
}

export function buildForecastOption(forecast: Forecast, labels: ForecastLabels): ChartOption {
  const dates = [...forecast.history.map((h) => h.date), ...forecast.forecast.map((f) => f.date)];
  const pad = forecast.history.map(() => null);
  const history = [
    ...forecast.history.map((h) => (h.units === null || h.censored ? null : finite(h.units))),
    ...forecast.forecast.map(() => null),
  ];
  // Stock-out days are drawn as marks on the axis: the gap in the line is not zero demand.
  const censored = [
    ...forecast.history.map((h) => (h.censored || h.units === null ? 0 : null)),
    ...forecast.forecast.map(() => null),
  ];
  const hasCensored = censored.some((v) => v !== null);
  const q = (key: Quantile) => forecast.forecast.map((f) => finite(f[key]));
  const historyLength = forecast.history.length;
  const bandSeries = bandSeriesOf({ forecast, labels, pad });

  return {
    animation: false,
    grid: { left: 48, right: 16, top: 40, bottom: 64 },
    legend: topLegend([
      labels.history,
      ...(hasCensored ? [labels.censored] : []),
      labels.median,
      labels.mean,
      ...bandSeries.map((s) => s.name),
    ]),
    tooltip: {
      trigger: 'axis',
      formatter: axisTooltip({ forecast, labels, dates }),
    },
    ...dateUnitAxes(dates, labels),
    dataZoom: [
      { type: 'inside', startValue: Math.max(0, historyLength - 120) },
      { type: 'slider', height: 20, bottom: 8, startValue: Math.max(0, historyLength - 120) },
    ],
    series: [
      bandBase('bands', [...pad, ...q('q50')]),
      ...bandSeries,
      plainLine(labels.history, { color: '#343a40', width: 1.5, data: history }),
      ...(hasCensored
        ? [
            {
              name: labels.censored,
              type: 'scatter',
              symbol: 'rect',
              symbolSize: [3, 8],
              itemStyle: { color: '#c92a2a' },
              data: censored,
            },
          ]
        : []),
      plainLine(labels.median, { color: '#1971c2', width: 2, data: [...pad, ...q('q50')] }),
      {
        ...plainLine(labels.mean, {
          color: '#e8590c',
          width: 1.5,
          type: 'dashed',
          data: [...pad, ...forecast.forecast.map((f) => finite(f.mean))],
        }),
        ...overrideAreas(forecast, labels),
      },
    ],
  };
}
