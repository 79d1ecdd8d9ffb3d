import { Group, Paper, RingProgress, SimpleGrid, Text, Title } from '@mantine/core';
import { LabelledValue } from '../../components/common/labelled-value';
import { NotAvailable } from '../../components/common/not-available';
import { QueryStates } from '../../components/common/query-states';
import type { IpiFactorName, IpiHealth } from '../../api/types';
import { useIpi } from '../../health/health.hooks';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/translate';

/** Percent factors come as 0–100 (docs/formulas.md: "in stock 80%"), sell-through as a plain ratio. */
function factorValue(ipi: IpiHealth, name: IpiFactorName): number {
  return ipi.factors[name].value ?? Number.NaN;
}

const FACTOR_LABELS: [IpiFactorName, MessageKey][] = [
  ['excessPercent', 'overview.ipiExcess'],
  ['sellThrough', 'overview.ipiSellThrough'],
  ['strandedPercent', 'overview.ipiStranded'],
  ['inStockRate', 'overview.ipiInStock'],
];

function IpiFactorValues({ ipi }: { ipi: IpiHealth }) {
  const { t, fmt } = useI18n();
  return (
    <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
      {FACTOR_LABELS.map(([name, label]) => {
        const value = factorValue(ipi, name);
        return (
          <LabelledValue
            key={name}
            strong
            label={t(label)}
            value={name === 'sellThrough' ? fmt.num(value, 2) : fmt.pct(value / 100)}
          />
        );
      })}
    </SimpleGrid>
  );
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
          <IpiFactorValues ipi={ipi.data} />
        </Group>
      ) : null}
      <Text size="xs" c="dimmed" mt="xs">
        {t('overview.ipiProxyNote')}
      </Text>
    </Paper>
  );
}
