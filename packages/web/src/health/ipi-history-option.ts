import type { IpiHistory } from '../api/types';
import type { ChartOption } from '../lib/band-chart';
import { dateUnitAxes, plainLine, tooltipHtml, topLegend } from '../lib/band-chart';

export interface IpiHistoryLabels {
  proxy: string;
  amazon: string;
  line: string;
  score: (value: number) => string;
  date: (iso: string) => string;
  axisDate: (iso: string) => string;
}

/** One row a week: the proxy, and the real score the seller entered for a day of that week (the latest). */
export interface IpiHistoryRow {
  week: string;
  proxy: number;
  amazon: number | null;
}

/** Monday-based weeks as the server sends them; a score entered on any day of a week belongs to it. */
export function ipiHistoryRows(history: IpiHistory): IpiHistoryRow[] {
  return history.weeks.map((w, i) => {
    const next = history.weeks[i + 1]?.week;
    const inWeek = history.amazonScores
      .filter((s) => s.asOf >= w.week && (next === undefined || s.asOf < next))
      .sort((a, b) => b.asOf.localeCompare(a.asOf));
    return { week: w.week, proxy: w.score, amazon: inWeek[0]?.score ?? null };
  });
}

/**
 * The IPI history chart: the proxy week by week as a line, the real Amazon scores as points on the
 * weeks they were entered, and the threshold (docs/formulas.md IPI proxy) as a dashed line.
 */
export function buildIpiHistoryOption(
  history: IpiHistory,
  threshold: number,
  labels: IpiHistoryLabels,
): ChartOption {
  const rows = ipiHistoryRows(history);
  const dates = rows.map((r) => r.week);
  const { xAxis, yAxis } = dateUnitAxes(dates, { axisDate: labels.axisDate, units: labels.score });
  return {
    animation: false,
    legend: topLegend([labels.proxy, labels.amazon, labels.line]),
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis,
    yAxis: { ...yAxis, max: 1000 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const row = rows[params[0]?.dataIndex ?? -1];
        if (!row) return '';
        return tooltipHtml([
          labels.date(row.week),
          `${labels.proxy}: ${labels.score(row.proxy)}`,
          ...(row.amazon === null ? [] : [`${labels.amazon}: ${labels.score(row.amazon)}`]),
        ]);
      },
    },
    series: [
      plainLine(labels.proxy, { color: '#1971c2', width: 2, data: rows.map((r) => r.proxy) }),
      {
        name: labels.amazon,
        type: 'scatter',
        symbolSize: 10,
        itemStyle: { color: '#e8590c' },
        data: rows.map((r) => r.amazon),
      },
      plainLine(labels.line, {
        color: '#c92a2a',
        width: 1,
        type: 'dashed',
        data: rows.map(() => threshold),
      }),
    ],
  };
}
