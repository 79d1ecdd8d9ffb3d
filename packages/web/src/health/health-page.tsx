import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { HealthBand, IpiFactor, IpiFactorName, IpiHealth } from '../api/types';
import { DataTable } from '../components/common/data-table';
import { DownloadButtons } from '../components/common/download-buttons';
import { SkuLink } from '../components/common/entity-link';
import { NotAvailablePanel } from '../components/common/not-available';
import { PageHeader } from '../components/common/page-header';
import { QueryStates } from '../components/common/query-states';
import { useIpi } from './health.hooks';
import { FACTORS, showFactor } from './factor-format';
import { IpiHistoryPanel } from './ipi-history-panel';
import { SurchargePanel } from './surcharge-panel';
import { WhatIfPanel } from './what-if-panel';
import { useI18n } from '../i18n/i18n-context';

const BAND_COLORS: Record<HealthBand, string> = {
  poor: 'red',
  fair: 'orange',
  good: 'teal',
  excellent: 'green',
};
/** The report's age-bracket columns (Amazon's names) and their day ranges, as the server sends them. */
const AGE_COLUMN = /^inv-age-(\d+)-(?:to-(\d+)|plus)-days$/;
function ageRange(column: string): string {
  const m = AGE_COLUMN.exec(column);
  if (!m) return column;
  return m[2] === undefined ? `${m[1]!}+` : `${m[1]!}–${m[2]}`;
}
const REPORT = '/reports/inventory-age';

type AgeRow = Record<string, string | number | null>;

function IpiScore({ score, threshold, below }: { score: number; threshold: number; below: boolean }) {
  const { t, fmt } = useI18n();
  return (
    <Paper withBorder radius="md" p="md" data-testid="ipi-score">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {t('overview.ipiTitle')}
          </Text>
          <Text fz={40} fw={700} c={below ? 'red' : undefined}>
            {fmt.int(score)}
          </Text>
        </Stack>
        <Text size="sm" c={below ? 'red' : 'dimmed'}>
          {below
            ? t('health.below', { line: fmt.int(threshold) })
            : t('health.above', { line: fmt.int(threshold) })}
        </Text>
      </Group>
      {/* The bar runs 0–1,000; the dashed mark is Amazon's warning line. */}
      <div style={{ position: 'relative', marginTop: 8 }}>
        <Progress
          value={score / 10}
          color={below ? 'red' : 'teal'}
          size="lg"
          aria-label={t('overview.ipiScore', { score: fmt.int(score) })}
        />
        <div
          aria-hidden="true"
          style={{
            position: 'absolute',
            left: `${threshold / 10}%`,
            top: -4,
            bottom: -4,
            borderLeft: '2px dashed var(--mantine-color-dark-4)',
          }}
        />
      </div>
      <Text size="xs" c="dimmed" mt={4}>
        {t('health.line', { line: fmt.int(threshold) })}
      </Text>
    </Paper>
  );
}

function FactorCard({ name, factor }: { name: IpiFactorName; factor: IpiFactor }) {
  const { t, fmt } = useI18n();
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between">
        <Title order={2} size="h5">
          {t(`health.factor.${name}`)}
        </Title>
        {factor.band ? (
          <Badge color={BAND_COLORS[factor.band]} variant="light">
            {t(`health.band.${factor.band}`)}
          </Badge>
        ) : null}
      </Group>
      <Text fz="xl" fw={600}>
        {showFactor(fmt, name, factor.value)}
      </Text>
      {factor.draggers && factor.draggers.length > 0 ? (
        <>
          <Text size="xs" c="dimmed" mt="xs">
            {t('health.draggers')}
          </Text>
          <Table fz="sm" verticalSpacing={2}>
            <Table.Tbody>
              {factor.draggers.map((d) => (
                <Table.Tr key={d.sku}>
                  <Table.Td>
                    <SkuLink sku={d.sku} />
                  </Table.Td>
                  <Table.Td className="num">{t('health.units', { units: fmt.int(d.units) })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Paper>
  );
}

function IpiPanel({ ipi }: { ipi: IpiHealth }) {
  return (
    <>
      <IpiScore score={ipi.score} threshold={ipi.threshold} below={ipi.warning} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {FACTORS.map((name) => (
          <FactorCard key={name} name={name} factor={ipi.factors[name]} />
        ))}
      </SimpleGrid>
    </>
  );
}

function AgeTable({ rows, columns }: { rows: AgeRow[]; columns: string[] }) {
  const { t, fmt } = useI18n();
  const ageColumns = columns.filter((c) => AGE_COLUMN.test(c));
  return (
    <DataTable
      minWidth={820}
      scroll="area"
      nowrap
      columns={[
        t('field.sku'),
        { label: t('health.available'), numeric: true },
        ...ageColumns.map((c) => ({ label: t('health.ageDays', { range: ageRange(c) }), numeric: true })),
        { label: t('restock.daysOfSupply'), numeric: true },
      ]}
    >
      {rows.map((row) => (
        <Table.Tr key={String(row['sku'])}>
          <Table.Td ff="monospace" translate="no">
            {String(row['sku'])}
          </Table.Td>
          <Table.Td className="num">{fmt.int(Number(row['available'] ?? 0))}</Table.Td>
          {ageColumns.map((column) => (
            <Table.Td className="num" key={column}>
              {fmt.int(Number(row[column] ?? 0))}
            </Table.Td>
          ))}
          <Table.Td className="num">
            {row['days-of-supply'] === null || row['days-of-supply'] === undefined
              ? '—'
              : fmt.int(Number(row['days-of-supply']))}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

export default function HealthPage() {
  const { t } = useI18n();
  const ipi = useIpi();
  const age = useQuery({
    queryKey: ['reports', 'inventory-age'],
    queryFn: () => api.get<{ rows: AgeRow[]; columns: string[] }>(REPORT, { limit: 500 }),
  });
  return (
    <Stack gap="md">
      <PageHeader
        title={t('health.title')}
        description={t('health.subtitle')}
        actions={<DownloadButtons urlFor={(format) => `/api/v1${REPORT}?format=${format}`} />}
      />
      <QueryStates query={ipi} />
      {ipi.data === null ? <NotAvailablePanel description={t('overview.ipiNotAvailable')} /> : null}
      {ipi.data ? <IpiPanel ipi={ipi.data} /> : null}
      {ipi.data ? <IpiHistoryPanel threshold={ipi.data.threshold} /> : null}
      <SurchargePanel />
      {ipi.data ? <WhatIfPanel /> : null}
      <Title order={2} size="h4">
        {t('health.ageTitle')}
      </Title>
      <QueryStates query={age} />
      {age.data ? <AgeTable rows={age.data.rows} columns={age.data.columns} /> : null}
    </Stack>
  );
}
