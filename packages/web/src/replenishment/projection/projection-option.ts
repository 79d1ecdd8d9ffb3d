import type { StockProjection } from '../../api/types';
import type { ChartOption } from '../../lib/band-chart';
import { bandArea, bandBase, dateUnitAxes, plainLine, tooltipHtml, topLegend } from '../../lib/band-chart';

/**
 * The ECharts option of a stock projection: the expected stock with its 80% and 95% bands (stacked
 * differences over an invisible low-95 base, as the forecast chart draws quantile bands), the cover
 * lines, the reorder point, arrivals as marks, and the projected stock-out and order landing as
 * vertical lines. The figures are the server's; this only draws them.
 */

export interface ProjectionLabels {
  expected: string;
  band80: string;
  band95: string;
  coverLow: string;
  coverHigh: string;
  reorderPoint: string;
  inbound: string;
  planned: string;
  stockOut: string;
  orderLands: string;
  units: (value: number) => string;
  date: (iso: string) => string;
  axisDate: (iso: string) => string;
}

/** The cover lines, the reorder point and the arrivals (marks on the expected line). */
function referenceSeries(p: StockProjection, labels: ProjectionLabels): Record<string, unknown>[] {
  const arrivals = (kind: 'inbound' | 'planned') => p.days.map((d) => (d[kind] > 0 ? d.expected : null));
  const line = (name: string, color: string, type: string, data: number[]) =>
    plainLine(name, { color, width: 1, type, data });
  return [
    line(
      labels.coverLow,
      '#e8590c',
      'dashed',
      p.days.map((d) => d.coverLow),
    ),
    line(
      labels.coverHigh,
      '#868e96',
      'dashed',
      p.days.map((d) => d.coverHigh),
    ),
    line(
      labels.reorderPoint,
      '#c92a2a',
      'dotted',
      p.days.map(() => p.reorderPoint),
    ),
    {
      name: labels.inbound,
      type: 'scatter',
      symbol: 'triangle',
      symbolSize: 10,
      itemStyle: { color: '#5f3dc4' },
      data: arrivals('inbound'),
    },
    {
      name: labels.planned,
      type: 'scatter',
      symbol: 'diamond',
      symbolSize: 11,
      itemStyle: { color: '#2f9e44' },
      data: arrivals('planned'),
    },
  ];
}

export function buildProjectionOption(p: StockProjection, labels: ProjectionLabels): ChartOption {
  const dates = p.days.map((d) => d.date);
  const diff = (low: (d: StockProjection['days'][number]) => number, high: typeof low) =>
    p.days.map((d) => Math.max(0, high(d) - low(d)));
  const band = (name: string, data: number[], opacity: number) => ({
    ...bandArea(name, { stack: 'band', opacity, data }),
    tooltip: { show: false },
  });
  const marks = [
    ...(p.stockOutDate ? [{ xAxis: p.stockOutDate, name: labels.stockOut, color: '#c92a2a' }] : []),
    ...(p.plannedArrivalDate && dates.includes(p.plannedArrivalDate)
      ? [{ xAxis: p.plannedArrivalDate, name: labels.orderLands, color: '#2f9e44' }]
      : []),
  ];
  return {
    animation: false,
    grid: { left: 52, right: 16, top: 56, bottom: 40 },
    legend: topLegend([
      labels.expected,
      labels.band80,
      labels.band95,
      labels.coverLow,
      labels.coverHigh,
      labels.reorderPoint,
    ]),
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const day = p.days[params[0]?.dataIndex ?? 0];
        if (!day) return '';
        return tooltipHtml([
          labels.date(day.date),
          `${labels.expected}: ${labels.units(day.expected)}`,
          `${labels.band80}: ${labels.units(day.low80)} – ${labels.units(day.high80)}`,
          `${labels.band95}: ${labels.units(day.low95)} – ${labels.units(day.high95)}`,
          ...(day.inbound > 0 ? [`${labels.inbound}: +${labels.units(day.inbound)}`] : []),
          ...(day.planned > 0 ? [`${labels.planned}: +${labels.units(day.planned)}`] : []),
        ]);
      },
    },
    ...dateUnitAxes(dates, labels),
    series: [
      bandBase(
        'band',
        p.days.map((d) => d.low95),
      ),
      band(
        labels.band95,
        diff(
          (d) => d.low95,
          (d) => d.low80,
        ),
        0.15,
      ),
      band(
        labels.band80,
        diff(
          (d) => d.low80,
          (d) => d.high80,
        ),
        0.35,
      ),
      band(
        `${labels.band95} `,
        diff(
          (d) => d.high80,
          (d) => d.high95,
        ),
        0.15,
      ),
      {
        ...plainLine(labels.expected, { color: '#1864ab', width: 2, data: p.days.map((d) => d.expected) }),
        markLine: marks.length
          ? {
              symbol: 'none',
              silent: true,
              label: { formatter: '{b}', position: 'insideEndTop' },
              data: marks.map((m) => ({ xAxis: m.xAxis, name: m.name, lineStyle: { color: m.color } })),
            }
          : undefined,
      },
      ...referenceSeries(p, labels),
    ],
  };
}

/** One row a week (and every arrival day) for the table beside the chart: the same figures in words. */
export function projectionTableRows(p: StockProjection): StockProjection['days'] {
  return p.days.filter((d, i) => i % 7 === 0 || d.inbound > 0 || d.planned > 0 || d.date === p.stockOutDate);
}
