import type { ForecastAccuracy } from '../../api/types';
import type { ChartOption } from '../../lib/band-chart';
import { tooltipHtml, topLegend } from '../../lib/band-chart';

/** One week of scored forecasts: the server's figures, overall or of one category. */
export type AccuracyPeriod = ForecastAccuracy['series'][number];

export interface AccuracyChartLabels {
  wape: string;
  baseline: string;
  bias: string;
  week: (monday: string) => string;
  pct: (ratio: number) => string;
}

const COLORS = { wape: '#1971c2', baseline: '#868e96', bias: '#e8590c' } as const;

/** The weeks of the overall series, or of one category's (null = the forecasts without a category). */
export function periodsOf(accuracy: ForecastAccuracy, category: string | null | undefined): AccuracyPeriod[] {
  if (category === undefined) return accuracy.series;
  return accuracy.byCategory.find((c) => c.category === category)?.series ?? [];
}

/**
 * Forecast accuracy week by week: the WAPE of the stored forecasts, that of the seasonal-naive
 * forecast made at the same origins (the line to beat) and the bias, as percentages. The figures are
 * the server's (GET /forecasts/accuracy); a week in which nothing sold has no WAPE and leaves a gap.
 */
export function buildAccuracyOption(
  periods: readonly AccuracyPeriod[],
  labels: AccuracyChartLabels,
): ChartOption {
  const line = (name: string, color: string, data: (number | null)[], dashed = false) => ({
    name,
    type: 'line',
    showSymbol: true,
    connectNulls: false,
    itemStyle: { color },
    lineStyle: { color, width: 2, ...(dashed ? { type: 'dashed' } : {}) },
    data,
  });
  const series = [
    line(
      labels.wape,
      COLORS.wape,
      periods.map((p) => p.wape),
    ),
    line(
      labels.baseline,
      COLORS.baseline,
      periods.map((p) => p.baselineWape),
      true,
    ),
    line(
      labels.bias,
      COLORS.bias,
      periods.map((p) => p.bias),
    ),
  ];
  return {
    animation: false,
    legend: topLegend(series.map((s) => s.name)),
    grid: { left: 56, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: periods.map((p) => labels.week(p.period)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => labels.pct(v) } },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const p = periods[params[0]?.dataIndex ?? -1];
        if (!p) return '';
        const pct = (v: number | null) => (v === null ? '—' : labels.pct(v));
        return tooltipHtml([
          labels.week(p.period),
          `${labels.wape}: ${pct(p.wape)}`,
          `${labels.baseline}: ${pct(p.baselineWape)}`,
          `${labels.bias}: ${pct(p.bias)}`,
        ]);
      },
    },
    series,
  };
}
