import { Group, Paper, RingProgress, SimpleGrid, Text, Title } from '@mantine/core';
import { LabelledValue } from '../../components/common/labelled-value';
import { NotAvailable } from '../../components/common/not-available';
import { QueryStates } from '../../components/common/query-states';
import type { IpiFactorName, IpiHealth } from '../../api/types';
import { useIpi } from '../../health/health.hooks';
import { useI18n } from '../../i18n/i18n-context';

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
      <QueryStates query={ipi} />
      {ipi.data === null ? <NotAvailable description={t('overview.ipiNotAvailable')} /> : null}
      {ipi.data ? (
        <Group align="center" wrap="nowrap">
          <RingProgress
            size={110}
            thickness={10}
            sections={[
              {
                value: (ipi.data.score / 1000) * 100,
                color: ipi.data.warning ? 'red' : 'teal',
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
            <LabelledValue
              strong
              label={t('overview.ipiExcess')}
              value={fmt.pct(factorValue(ipi.data, 'excessPercent') / 100)}
            />
            <LabelledValue
              strong
              label={t('overview.ipiSellThrough')}
              value={fmt.num(factorValue(ipi.data, 'sellThrough'), 2)}
            />
            <LabelledValue
              strong
              label={t('overview.ipiStranded')}
              value={fmt.pct(factorValue(ipi.data, 'strandedPercent') / 100)}
            />
            <LabelledValue
              strong
              label={t('overview.ipiInStock')}
              value={fmt.pct(factorValue(ipi.data, 'inStockRate') / 100)}
            />
          </SimpleGrid>
        </Group>
      ) : null}
      <Text size="xs" c="dimmed" mt="xs">
        {t('overview.ipiProxyNote')}
      </Text>
    </Paper>
  );
}
