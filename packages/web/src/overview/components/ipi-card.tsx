import { Group, Paper, RingProgress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../components/common/error-alert';
import { NotAvailable } from '../../components/common/not-available';
import { PageLoader } from '../../components/common/page-loader';
import type { IpiFactorName, IpiHealth } from '../../api/types';
import { useIpi } from '../../replenishment/restock.hooks';
import { useI18n } from '../../i18n/i18n-context';

/** Amazon storage limits tighten below 400. */
const IPI_THRESHOLD = 400;

/** Percent factors come as 0–100 (docs/formulas.md: "in stock 80%"), sell-through as a plain ratio. */
function factorValue(ipi: IpiHealth, name: IpiFactorName): number {
  return ipi.factors[name].value ?? Number.NaN;
}

export function IpiCard() {
  const { t, fmt } = useI18n();
  const ipi = useIpi();
  return (
    <Paper withBorder radius="md" p="md" h="100%" data-testid="ipi-card">
      <Title order={2} size="h4" mb="xs">
        {t('overview.ipiTitle')}
      </Title>
      {ipi.isPending ? <PageLoader /> : null}
      {ipi.isError ? <ErrorAlert error={ipi.error} /> : null}
      {ipi.data === null ? <NotAvailable description={t('overview.ipiNotAvailable')} /> : null}
      {ipi.data ? (
        <Group align="center" wrap="nowrap">
          <RingProgress
            size={110}
            thickness={10}
            sections={[
              {
                value: (ipi.data.score / 1000) * 100,
                color: ipi.data.score < IPI_THRESHOLD ? 'red' : 'teal',
              },
            ]}
            label={
              <Text ta="center" fw={700} size="lg" className="num">
                {fmt.int(ipi.data.score)}
              </Text>
            }
            aria-label={t('overview.ipiScore', { score: fmt.int(ipi.data.score) })}
          />
          <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('overview.ipiExcess')}
              </Text>
              <Text size="sm" fw={500}>
                {fmt.pct(factorValue(ipi.data, 'excessPercent') / 100)}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('overview.ipiSellThrough')}
              </Text>
              <Text size="sm" fw={500}>
                {fmt.num(factorValue(ipi.data, 'sellThrough'), 2)}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('overview.ipiStranded')}
              </Text>
              <Text size="sm" fw={500}>
                {fmt.pct(factorValue(ipi.data, 'strandedPercent') / 100)}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('overview.ipiInStock')}
              </Text>
              <Text size="sm" fw={500}>
                {fmt.pct(factorValue(ipi.data, 'inStockRate') / 100)}
              </Text>
            </Stack>
          </SimpleGrid>
        </Group>
      ) : null}
      <Text size="xs" c="dimmed" mt="xs">
        {t('overview.ipiProxyNote')}
      </Text>
    </Paper>
  );
}
