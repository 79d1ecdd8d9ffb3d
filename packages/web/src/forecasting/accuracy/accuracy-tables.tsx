import { Table, Text } from '@mantine/core';
import type { ForecastAccuracy } from '../../api/types';
import { ScrollTable, type DataColumn } from '../../components/common/data-table';
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
function CategoryCell({ category }: { category: string | null }) {
  const { t } = useI18n();
  return category === null ? (
    <Table.Td>{t('accuracy.noCategory')}</Table.Td>
  ) : (
    <Table.Td translate="no">{category}</Table.Td>
  );
}

/** A header of a column of numbers. */
const numeric = (label: string): DataColumn => ({ label, numeric: true });

/** The figures a week and a category are both scored by. */
type Score = Pick<AccuracyPeriod, 'wape' | 'baselineWape' | 'bias' | 'coverage' | 'observedDays' | 'actual'>;
type CoverageKey = keyof Score['coverage'];
const COVERAGE_LEVEL: Record<CoverageKey, number> = { q80: 0.8, q90: 0.9, q95: 0.95 };

/** The headers of a score's columns, with the coverage of each of `levels`. */
function useScoreColumns(levels: readonly CoverageKey[]): DataColumn[] {
  const { t, fmt } = useI18n();
  return [
    numeric(t('accuracy.wape')),
    numeric(t('accuracy.baseline')),
    numeric(t('accuracy.bias')),
    ...levels.map((q) => numeric(t('accuracy.coverage', { level: fmt.pct(COVERAGE_LEVEL[q], 0) }))),
    numeric(t('accuracy.observedDays')),
    numeric(t('accuracy.sold')),
  ];
}

/** A score's cells, in `useScoreColumns`' order. */
function ScoreCells({ score, levels }: { score: Score; levels: readonly CoverageKey[] }) {
  const { fmt } = useI18n();
  const pct = usePct();
  return (
    <>
      <Table.Td className="num">{pct(score.wape)}</Table.Td>
      <Table.Td className="num">{pct(score.baselineWape)}</Table.Td>
      <Table.Td className="num">{pct(score.bias)}</Table.Td>
      {levels.map((q) => (
        <Table.Td key={q} className="num">
          {pct(score.coverage[q])}
        </Table.Td>
      ))}
      <Table.Td className="num">{fmt.int(score.observedDays)}</Table.Td>
      <Table.Td className="num">{fmt.int(score.actual)}</Table.Td>
    </>
  );
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
      columns={[t('accuracy.week'), ...scoreColumns]}
    >
      {periods.map((p) => (
        <Table.Tr key={p.period}>
          <Table.Td>{fmt.date(p.period)}</Table.Td>
          <ScoreCells score={p} levels={WEEK_LEVELS} />
        </Table.Tr>
      ))}
    </ScrollTable>
  );
}

/** Per category over the whole window, worst WAPE first. */
export function CategoriesTable({ accuracy }: { accuracy: ForecastAccuracy }) {
  const { t } = useI18n();
  const scoreColumns = useScoreColumns(CATEGORY_LEVELS);
  const rows = [...accuracy.byCategory].sort((a, b) => (b.wape ?? -1) - (a.wape ?? -1));
  return (
    <ScrollTable
      minWidth={640}
      fz="sm"
      testId="accuracy-categories-table"
      columns={[t('accuracy.category'), ...scoreColumns]}
    >
      {rows.map((c) => (
        <Table.Tr key={c.category ?? ''}>
          <CategoryCell category={c.category} />
          <ScoreCells score={c} levels={CATEGORY_LEVELS} />
        </Table.Tr>
      ))}
    </ScrollTable>
  );
}

/** The forecasts furthest from what sold (the server sorts them, worst first). */
export function WorstTable({ accuracy }: { accuracy: ForecastAccuracy }) {
  const { t, fmt } = useI18n();
  const rows = accuracy.perSku.slice(0, WORST_SHOWN);
  if (rows.length === 0) return <Text size="sm">{t('accuracy.emptyBody')}</Text>;
  return (
    <ScrollTable
      minWidth={760}
      fz="sm"
      testId="accuracy-worst-table"
      columns={[
        t('field.sku'),
        t('accuracy.category'),
        t('accuracy.firstDay'),
        t('accuracy.model'),
        numeric(t('accuracy.wape')),
        numeric(t('accuracy.baseline')),
        numeric(t('accuracy.bias')),
      ]}
    >
      {rows.map((r) => (
        <Table.Tr key={`${r.sku}-${r.asOf}`}>
          <Table.Td>
            <SkuLink sku={r.sku} />
          </Table.Td>
          <CategoryCell category={r.category} />
          <Table.Td>{fmt.date(r.asOf)}</Table.Td>
          <Table.Td translate="no">{r.model}</Table.Td>
          <Table.Td className="num">{fmt.pct(r.wape)}</Table.Td>
          <Table.Td className="num">{fmt.pct(r.baselineWape)}</Table.Td>
          <Table.Td className="num">{fmt.pct(r.bias)}</Table.Td>
        </Table.Tr>
      ))}
    </ScrollTable>
  );
}

/**
 * The SKUs the forecasts miss most, in units over every forecast of each (the server ranks them by
 * the domain's `worstSkus`), their error beside the seasonal-naive baseline's.
 */
export function WorstSkusTable({ accuracy }: { accuracy: ForecastAccuracy }) {
  const { t, fmt } = useI18n();
  const pct = usePct();
  return (
    <ScrollTable
      minWidth={760}
      fz="sm"
      testId="accuracy-worst-skus-table"
      columns={[
        t('field.sku'),
        t('accuracy.category'),
        numeric(t('accuracy.missed')),
        numeric(t('accuracy.sold')),
        numeric(t('accuracy.wape')),
        numeric(t('accuracy.baseline')),
        numeric(t('accuracy.forecasts')),
      ]}
    >
      {accuracy.worstSkus.map((r) => (
        <Table.Tr key={r.sku} data-sku={r.sku}>
          <Table.Td>
            <SkuLink sku={r.sku} />
          </Table.Td>
          <CategoryCell category={r.category} />
          <Table.Td className="num">{fmt.int(Math.round(r.missed))}</Table.Td>
          <Table.Td className="num">{fmt.int(Math.round(r.actual))}</Table.Td>
          <Table.Td className="num">{pct(r.wape)}</Table.Td>
          <Table.Td className="num">{pct(r.baselineWape)}</Table.Td>
          <Table.Td className="num">{fmt.int(r.forecasts)}</Table.Td>
        </Table.Tr>
      ))}
    </ScrollTable>
  );
}
