import { Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { StockProjection } from '../../api/types';
import { ChartWithTable } from '../../components/common/chart-with-table';
import { FailureAlert } from '../../components/common/error-alert';
import { NotAvailable } from '../../components/common/not-available';
import { PageLoader } from '../../components/common/page-loader';
import { ScrollTable } from '../../components/common/data-table';
import { useI18n } from '../../i18n/i18n-context';
import { useProjection } from '../projection.hooks';
import { buildProjectionOption, projectionTableRows } from './projection-option';

/** The projection in one sentence: the screen reader's summary of the chart, and everyone's headline. */
function ProjectionSummary({ p }: { p: StockProjection }) {
  const { t, fmt } = useI18n();
  const parts = [
    p.stockOutDate
      ? t('projection.stockOut', { date: fmt.date(p.stockOutDate) })
      : t('projection.noStockOut', { days: fmt.int(p.days.length) }),
    p.plannedArrivalDate
      ? t('projection.orderLands', {
          quantity: fmt.int(p.recommendedQuantity),
          date: fmt.date(p.plannedArrivalDate),
        })
      : t('projection.noOrder'),
  ];
  return (
    <Text size="sm" data-testid="projection-summary">
      {parts.join(' ')}
    </Text>
  );
}

/** The same figures as the chart, a row a week and on every arrival: the chart's text alternative. */
function ProjectionTable({ p }: { p: StockProjection }) {
  const { t, fmt } = useI18n();
  const band = (low: number, high: number) => `${fmt.int(low)} – ${fmt.int(high)}`;
  return (
    <ScrollTable
      minWidth={640}
      fz="xs"
      testId="projection-table"
      items={projectionTableRows(p)}
      rowKey={(d) => d.date}
      columns={[
        { label: t('projection.date'), cell: (d) => fmt.date(d.date) },
        { label: t('projection.expected'), numeric: true, cell: (d) => fmt.int(d.expected) },
        { label: t('projection.band80'), numeric: true, cell: (d) => band(d.low80, d.high80) },
        { label: t('projection.band95'), numeric: true, cell: (d) => band(d.low95, d.high95) },
        {
          label: t('projection.arrivals'),
          numeric: true,
          cell: (d) => (d.inbound + d.planned > 0 ? `+${fmt.int(d.inbound + d.planned)}` : '—'),
        },
        {
          label: t('projection.coverLine', { days: fmt.int(p.coverLowDays) }),
          numeric: true,
          cell: (d) => fmt.int(d.coverLow),
        },
      ]}
    />
  );
}

/**
 * Where a SKU's stock at a location is heading (docs/formulas.md Stock projection): the chart
 * (ECharts, loaded on demand), a one-sentence summary and a table with the same figures. On the
 * product page the seller picks the location; in the restock drawer it is the row's.
 */
export function ProjectionPanel({ sku, location: fixed }: { sku: string; location?: string }) {
  const { t, fmt } = useI18n();
  const [picked, setPicked] = useState<string | null>(null);
  const projection = useProjection(sku, fixed ?? picked);
  const p = projection.data;
  const option = useMemo(
    () =>
      p
        ? buildProjectionOption(p, {
            expected: t('projection.expected'),
            band80: t('projection.band80'),
            band95: t('projection.band95'),
            coverLow: t('projection.coverLine', { days: fmt.int(p.coverLowDays) }),
            coverHigh: t('projection.coverLine', { days: fmt.int(p.coverHighDays) }),
            reorderPoint: t('restock.why.reorderPoint'),
            inbound: t('projection.inbound'),
            planned: t('projection.planned'),
            stockOut: t('projection.stockOutMark'),
            orderLands: t('projection.orderLandsMark'),
            units: (value) => fmt.int(value),
            date: fmt.date,
            axisDate: fmt.dayMonth,
          })
        : null,
    [p, t, fmt],
  );
  return (
    <Paper withBorder radius="md" p="md" data-testid="projection-panel">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={fixed ? 3 : 2} size="h4">
          {t('projection.title')}
        </Title>
        {!fixed && p && p.locations.length > 1 ? (
          <Select
            aria-label={t('field.location')}
            data={p.locations}
            value={p.location}
            onChange={setPicked}
            allowDeselect={false}
            w={150}
            data-testid="projection-location"
          />
        ) : null}
      </Group>
      {projection.isPending ? <PageLoader /> : null}
      <FailureAlert of={projection} />
      {p === null ? <NotAvailable description={t('projection.notAvailable')} /> : null}
      {p && option ? (
        <Stack gap="sm">
          <ProjectionSummary p={p} />
          <ChartWithTable
            option={option}
            // Seller codes stay out of the label: the page's heading names the SKU and location.
            label={t('projection.chartLabel')}
            testId="projection-chart"
            table={() => <ProjectionTable p={p} />}
          />
        </Stack>
      ) : null}
    </Paper>
  );
}
