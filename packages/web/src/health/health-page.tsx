import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { HealthBand, IpiFactorName } from '../api/types';
import { ErrorAlert } from '../components/common/error-alert';
import { NotAvailable } from '../components/common/not-available';
import { PageHeader } from '../components/common/page-header';
import { PageLoader } from '../components/common/page-loader';
import { useIpi } from '../replenishment/restock.hooks';
import { useI18n } from '../i18n/i18n-context';

/** Amazon storage limits tighten below 400. */
const IPI_THRESHOLD = 400;
const FACTORS: IpiFactorName[] = ['excessPercent', 'sellThrough', 'strandedPercent', 'inStockRate'];
const BAND_COLORS: Record<HealthBand, string> = {
  poor: 'red',
  fair: 'orange',
  good: 'teal',
  excellent: 'green',
};
const AGE_COLUMNS = [
  'inv-age-0-to-90-days',
  'inv-age-91-to-180-days',
  'inv-age-181-to-270-days',
  'inv-age-271-to-365-days',
  'inv-age-365-plus-days',
] as const;
const AGE_LABELS = ['0–90', '91–180', '181–270', '271–365', '365+'];
const REPORT = '/reports/inventory-age';

type AgeRow = Record<string, string | number | null>;

export default function HealthPage() {
  const { t, fmt } = useI18n();
  const ipi = useIpi();
  const age = useQuery({
    queryKey: ['reports', 'inventory-age'],
    queryFn: () => api.get<{ rows: AgeRow[] }>(REPORT, { limit: 500 }),
  });
  const data = ipi.data;
  const show = (name: IpiFactorName, value: number | null) => {
    if (value === null) return '—';
    return name === 'sellThrough' ? fmt.num(value, 2) : fmt.pct(value / 100);
  };
  return (
    <Stack gap="md">
      <PageHeader
        title={t('health.title')}
        description={t('health.subtitle')}
        actions={
          <>
            <Button component="a" variant="default" href={`/api/v1${REPORT}?format=csv`} download>
              {t('health.downloadCsv')}
            </Button>
            <Button component="a" variant="default" href={`/api/v1${REPORT}?format=xlsx`} download>
              {t('health.downloadXlsx')}
            </Button>
          </>
        }
      />
      {ipi.isPending ? <PageLoader /> : null}
      {ipi.isError ? <ErrorAlert error={ipi.error} /> : null}
      {ipi.data === null ? (
        <Paper withBorder radius="md">
          <NotAvailable description={t('overview.ipiNotAvailable')} />
        </Paper>
      ) : null}
      {ipi.data ? (
        <Paper withBorder radius="md" p="md" data-testid="ipi-score">
          <Group justify="space-between" align="flex-end">
            <Stack gap={0}>
              <Text size="sm" c="dimmed">
                {t('overview.ipiTitle')}
              </Text>
              <Text fz={40} fw={700} c={ipi.data.score < IPI_THRESHOLD ? 'red' : undefined}>
                {fmt.int(ipi.data.score)}
              </Text>
            </Stack>
            <Text size="sm" c={ipi.data.score < IPI_THRESHOLD ? 'red' : 'dimmed'}>
              {ipi.data.score < IPI_THRESHOLD
                ? t('health.below', { line: fmt.int(IPI_THRESHOLD) })
                : t('health.above', { line: fmt.int(IPI_THRESHOLD) })}
            </Text>
          </Group>
          {/* The bar runs 0–1,000; the mark at 40 % is Amazon's 400 line. */}
          <div style={{ position: 'relative', marginTop: 8 }}>
            <Progress
              value={ipi.data.score / 10}
              color={ipi.data.score < IPI_THRESHOLD ? 'red' : 'teal'}
              size="lg"
              aria-label={t('overview.ipiScore', { score: fmt.int(ipi.data.score) })}
            />
            <div
              aria-hidden="true"
              style={{
                position: 'absolute',
                left: '40%',
                top: -4,
                bottom: -4,
                borderLeft: '2px dashed var(--mantine-color-dark-4)',
              }}
            />
          </div>
          <Text size="xs" c="dimmed" mt={4}>
            {t('health.line', { line: fmt.int(IPI_THRESHOLD) })}
          </Text>
        </Paper>
      ) : null}
      {data ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {FACTORS.map((name) => {
            const factor = data.factors[name];
            return (
              <Paper withBorder radius="md" p="md" key={name}>
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
                  {show(name, factor.value)}
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
                              <Anchor
                                component={Link}
                                to={`/products/${encodeURIComponent(d.sku)}`}
                                ff="monospace"
                                size="sm"
                                translate="no"
                              >
                                {d.sku}
                              </Anchor>
                            </Table.Td>
                            <Table.Td className="num">
                              {t('health.units', { units: fmt.int(d.units) })}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </>
                ) : null}
              </Paper>
            );
          })}
        </SimpleGrid>
      ) : null}
      <Title order={2} size="h4">
        {t('health.ageTitle')}
      </Title>
      {age.isPending ? <PageLoader /> : null}
      {age.isError ? <ErrorAlert error={age.error} /> : null}
      {age.data ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={820}>
            <Table striped style={{ whiteSpace: 'nowrap' }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('field.sku')}</Table.Th>
                  <Table.Th className="num">{t('health.available')}</Table.Th>
                  {AGE_LABELS.map((label) => (
                    <Table.Th className="num" key={label}>
                      {t('health.ageDays', { range: label })}
                    </Table.Th>
                  ))}
                  <Table.Th className="num">{t('restock.daysOfSupply')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {age.data.rows.map((row) => (
                  <Table.Tr key={String(row['sku'])}>
                    <Table.Td ff="monospace" translate="no">
                      {String(row['sku'])}
                    </Table.Td>
                    <Table.Td className="num">{fmt.int(Number(row['available'] ?? 0))}</Table.Td>
                    {AGE_COLUMNS.map((column) => (
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
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </Stack>
  );
}
