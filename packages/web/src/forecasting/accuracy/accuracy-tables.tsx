import { Text } from '@mantine/core';
import type { ForecastAccuracy } from '../../api/types';
import { ScrollTable, type CellColumn } from '../../components/common/data-table';
import { SkuLink } from '../../components/common/entity-link';
import { useI18n } from '../../i18n/i18n-context';
import type { AccuracyPeriod } from './accuracy-option';

/** How many of the worst-scored forecasts the page lists. */
export const WORST_SHOWN = 20;

/** A ratio as a percentage, or a dash where nothing sold. */
function usePct() {
  const { fmt } = useI18n();
  return (v: number | null) => (v === null ? '—' : fmt.pct(v));
}

/** A category is the seller's own name (never machine-translated); none is said in the page's language. */
function useCategoryColumn<T extends { category: string | null }>(): CellColumn<T> {
  const { t } = useI18n();
  return {
    label: t('accuracy.category'),
    cell: ({ category }) =>
      category === null ? t('accuracy.noCategory') : <span translate="no">{category}</span>,
  };
}

/** The figures a week and a category are both scored by. */
type Score = Pick<AccuracyPeriod, 'wape' | 'baselineWape' | 'bias' | 'coverage' | 'observedDays' | 'actual'>;
type CoverageKey = keyof Score['coverage'];
const COVERAGE_LEVEL: Record<CoverageKey, number> = { q80: 0.8, q90: 0.9, q95: 0.95 };

/** A score's columns, with the coverage of each of `levels`. */
function useScoreColumns(levels: readonly CoverageKey[]): CellColumn<Score>[] {
  const { t, fmt } = useI18n();
  const pct = usePct();
  return [
    { label: t('accuracy.wape'), numeric: true, cell: (s) => pct(s.wape) },
    { label: t('accuracy.baseline'), numeric: true, cell: (s) => pct(s.baselineWape) },
    { label: t('accuracy.bias'), numeric: true, cell: (s) => pct(s.bias) },
    ...levels.map((q): CellColumn<Score> => ({
      label: t('accuracy.coverage', { level: fmt.pct(COVERAGE_LEVEL[q], 0) }),
      numeric: true,
      cell: (s) => pct(s.coverage[q]),
    })),
    { label: t('accuracy.observedDays'), numeric: true, cell: (s) => fmt.int(s.observedDays) },
    { label: t('accuracy.sold'), numeric: true, cell: (s) => fmt.int(s.actual) },
  ];
}

const WEEK_LEVELS: readonly CoverageKey[] = ['q80', 'q90', 'q95'];
const CATEGORY_LEVELS: readonly CoverageKey[] = ['q90'];

/** The chart's text alternative: a row a week with every figure the server gives for it. */
export function PeriodsTable({ periods }: { periods: readonly AccuracyPeriod[] }) {
  const { t, fmt } = useI18n();
  const scoreColumns = useScoreColumns(WEEK_LEVELS);
  return (
    <ScrollTable
      minWidth={760}
      fz="sm"
      testId="accuracy-periods-table"
      items={periods}
      rowKey={(p) => p.period}
      columns={[{ label: t('accuracy.week'), cell: (p) => fmt.date(p.period) }, ...scoreColumns]}
    />
  );
}

/** Per category over the whole window, worst WAPE first. */
export function CategoriesTable({ accuracy }: { accuracy: ForecastAccuracy }) {
  const scoreColumns = useScoreColumns(CATEGORY_LEVELS);
  const category = useCategoryColumn<ForecastAccuracy['byCategory'][number]>();
  const rows = [...accuracy.byCategory].sort((a, b) => (b.wape ?? -1) - (a.wape ?? -1));
  return (
    <ScrollTable
      minWidth={640}
      fz="sm"
      testId="accuracy-categories-table"
      items={rows}
      rowKey={(c) => c.category ?? ''}
      columns={[category, ...scoreColumns]}
    />
  );
}

/** The forecasts furthest from what sold (the server sorts them, worst first). */
export function WorstTable({ accuracy }: { accuracy: ForecastAccuracy }) {
  const { t, fmt } = useI18n();
  const category = useCategoryColumn<ForecastAccuracy['perSku'][number]>();
  const rows = accuracy.perSku.slice(0, WORST_SHOWN);
  if (rows.length === 0) return <Text size="sm">{t('accuracy.emptyBody')}</Text>;
  return (
    <ScrollTable
      minWidth={760}
      fz="sm"
      testId="accuracy-worst-table"
      items={rows}
      rowKey={(r) => `${r.sku}-${r.asOf}`}
      columns={[
        { label: t('field.sku'), cell: (r) => <SkuLink sku={r.sku} /> },
        category,
        { label: t('accuracy.firstDay'), cell: (r) => fmt.date(r.asOf) },
        { label: t('accuracy.model'), text: 'verbatim', cell: (r) => r.model },
        { label: t('accuracy.wape'), numeric: true, cell: (r) => fmt.pct(r.wape) },
        { label: t('accuracy.baseline'), numeric: true, cell: (r) => fmt.pct(r.baselineWape) },
        { label: t('accuracy.bias'), numeric: true, cell: (r) => fmt.pct(r.bias) },
      ]}
    />
  );
}

/**
 * The SKUs the forecasts miss most, in units over every forecast of each (the server ranks them by
 * the domain's `worstSkus`), their error beside the seasonal-naive baseline's.
 */
export function WorstSkusTable({ accuracy }: { accuracy: ForecastAccuracy }) {
  const { t, fmt } = useI18n();
  const pct = usePct();
  const category = useCategoryColumn<ForecastAccuracy['worstSkus'][number]>();
  return (
    <ScrollTable
      minWidth={760}
      fz="sm"
      testId="accuracy-worst-skus-table"
      items={accuracy.worstSkus}
      rowKey={(r) => r.sku}
      rowData={(r) => ({ 'data-sku': r.sku })}
      columns={[
        { label: t('field.sku'), cell: (r) => <SkuLink sku={r.sku} /> },
        category,
        { label: t('accuracy.missed'), numeric: true, cell: (r) => fmt.int(Math.round(r.missed)) },
        { label: t('accuracy.sold'), numeric: true, cell: (r) => fmt.int(Math.round(r.actual)) },
        { label: t('accuracy.wape'), numeric: true, cell: (r) => pct(r.wape) },
        { label: t('accuracy.baseline'), numeric: true, cell: (r) => pct(r.baselineWape) },
        { label: t('accuracy.forecasts'), numeric: true, cell: (r) => fmt.int(r.forecasts) },
      ]}
    />
  );
}
