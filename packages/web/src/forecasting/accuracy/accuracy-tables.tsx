import { Table, Text } from '@mantine/core';
import type { ForecastAccuracy } from '../../api/types';
import { ScrollTable } from '../../components/common/data-table';
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

/** The chart's text alternative: a row a week with every figure the server gives for it. */
export function PeriodsTable({ periods }: { periods: readonly AccuracyPeriod[] }) {
  const { t, fmt } = useI18n();
  const pct = usePct();
  return (
    <ScrollTable
      minWidth={760}
      fz="sm"
      testId="accuracy-periods-table"
      columns={[
        t('accuracy.week'),
        { label: t('accuracy.wape'), numeric: true },
        { label: t('accuracy.baseline'), numeric: true },
        { label: t('accuracy.bias'), numeric: true },
        { label: t('accuracy.coverage', { level: fmt.pct(0.8, 0) }), numeric: true },
        { label: t('accuracy.coverage', { level: fmt.pct(0.9, 0) }), numeric: true },
        { label: t('accuracy.coverage', { level: fmt.pct(0.95, 0) }), numeric: true },
        { label: t('accuracy.observedDays'), numeric: true },
        { label: t('accuracy.sold'), numeric: true },
      ]}
    >
      {periods.map((p) => (
        <Table.Tr key={p.period}>
          <Table.Td>{fmt.date(p.period)}</Table.Td>
          <Table.Td className="num">{pct(p.wape)}</Table.Td>
          <Table.Td className="num">{pct(p.baselineWape)}</Table.Td>
          <Table.Td className="num">{pct(p.bias)}</Table.Td>
          <Table.Td className="num">{pct(p.coverage.q80)}</Table.Td>
          <Table.Td className="num">{pct(p.coverage.q90)}</Table.Td>
          <Table.Td className="num">{pct(p.coverage.q95)}</Table.Td>
          <Table.Td className="num">{fmt.int(p.observedDays)}</Table.Td>
          <Table.Td className="num">{fmt.int(p.actual)}</Table.Td>
        </Table.Tr>
      ))}
    </ScrollTable>
  );
}

/** Per category over the whole window, worst WAPE first. */
export function CategoriesTable({ accuracy }: { accuracy: ForecastAccuracy }) {
  const { t, fmt } = useI18n();
  const pct = usePct();
  const rows = [...accuracy.byCategory].sort((a, b) => (b.wape ?? -1) - (a.wape ?? -1));
  return (
    <ScrollTable
      minWidth={640}
      fz="sm"
      testId="accuracy-categories-table"
      columns={[
        t('accuracy.category'),
        { label: t('accuracy.wape'), numeric: true },
        { label: t('accuracy.baseline'), numeric: true },
        { label: t('accuracy.bias'), numeric: true },
        { label: t('accuracy.coverage', { level: fmt.pct(0.9, 0) }), numeric: true },
        { label: t('accuracy.observedDays'), numeric: true },
        { label: t('accuracy.sold'), numeric: true },
      ]}
    >
      {rows.map((c) => (
        <Table.Tr key={c.category ?? ''}>
          <CategoryCell category={c.category} />
          <Table.Td className="num">{pct(c.wape)}</Table.Td>
          <Table.Td className="num">{pct(c.baselineWape)}</Table.Td>
          <Table.Td className="num">{pct(c.bias)}</Table.Td>
          <Table.Td className="num">{pct(c.coverage.q90)}</Table.Td>
          <Table.Td className="num">{fmt.int(c.observedDays)}</Table.Td>
          <Table.Td className="num">{fmt.int(c.actual)}</Table.Td>
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
        { label: t('accuracy.wape'), numeric: true },
        { label: t('accuracy.baseline'), numeric: true },
        { label: t('accuracy.bias'), numeric: true },
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
        { label: t('accuracy.missed'), numeric: true },
        { label: t('accuracy.sold'), numeric: true },
        { label: t('accuracy.wape'), numeric: true },
        { label: t('accuracy.baseline'), numeric: true },
        { label: t('accuracy.forecasts'), numeric: true },
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
