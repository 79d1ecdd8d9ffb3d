import type { StorageOverview } from '../../api/types';
import type { ChartOption } from '../../lib/band-chart';
import { tooltipHtml, topLegend } from '../../lib/band-chart';

export interface StorageFeesLabels {
  storageType: (type: string) => string;
  surcharge: string;
  month: (yyyyMm: string) => string;
  money: (value: number) => string;
}

/** 'YYYY-MM' shifted by `delta` months (the capacity columns: this month and the next two). */
export function monthAfter(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${String(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const COLORS = ['#1971c2', '#2f9e44', '#f08c00', '#7048e8', '#0c8599'];

/** The storage types that appear in any month in `currency`, in a stable order. */
export function storageTypesOf(overview: StorageOverview, currency: string): string[] {
  return [
    ...new Set(
      overview.months.flatMap((m) => m.fees.filter((f) => f.currency === currency).map((f) => f.storageType)),
    ),
  ].sort();
}

/** The currencies the page shows: the server's (its locations' tables'), else those that carry fees. */
export function currenciesOf(overview: StorageOverview): string[] {
  const found = overview.months.flatMap((m) => m.totals.map((t) => t.currency));
  return [...new Set([...overview.currencies, ...found])].sort();
}

/** A month's fee of one storage type in one currency (0 when none). */
export const feeOf = (m: StorageOverview['months'][number], type: string, currency: string) =>
  m.fees.find((f) => f.storageType === type && f.currency === currency)?.storageFee ?? 0;

/** A month's total in one currency: storage fee and aged surcharge (0 when none). */
export function totalOf(m: StorageOverview['months'][number], currency: string) {
  const t = m.totals.find((x) => x.currency === currency);
  return { storageFee: t?.storageFee ?? 0, agedSurcharge: t?.agedSurcharge ?? 0 };
}

/**
 * Monthly storage fees in one currency as bars stacked by storage type, with the aged-inventory surcharge
 * stacked on top; the figures are the server's sums of the storage report, this only draws them. Money of
 * another currency is drawn in its own chart, never on the same axis.
 */
export function buildStorageFeesOption(
  overview: StorageOverview,
  currency: string,
  labels: StorageFeesLabels,
): ChartOption {
  const types = storageTypesOf(overview, currency);
  const fee = (type: string) => overview.months.map((m) => feeOf(m, type, currency));
  const series = types.map((type, i) => ({
    name: labels.storageType(type),
    type: 'bar',
    stack: 'fees',
    itemStyle: { color: COLORS[i % COLORS.length] },
    data: fee(type),
  }));
  series.push({
    name: labels.surcharge,
    type: 'bar',
    stack: 'fees',
    itemStyle: { color: '#c92a2a' },
    data: overview.months.map((m) => totalOf(m, currency).agedSurcharge),
  });
  return {
    animation: false,
    legend: topLegend(series.map((s) => s.name)),
    grid: { left: 64, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: overview.months.map((m) => labels.month(m.month)) },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => labels.money(v) } },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const m = overview.months[params[0]?.dataIndex ?? -1];
        if (!m) return '';
        return tooltipHtml([
          labels.month(m.month),
          ...types.map((type) => `${labels.storageType(type)}: ${labels.money(feeOf(m, type, currency))}`),
          `${labels.surcharge}: ${labels.money(totalOf(m, currency).agedSurcharge)}`,
        ]);
      },
    },
    series,
  };
}
