import { SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { QueryStates } from '../components/common/query-states';
import { TitledPanel } from '../components/common/titled-panel';
import { useI18n } from '../i18n/i18n-context';
import { useStorageOverview } from '../reports/storage.hooks';
import { currenciesOf, totalOf } from '../reports/storage/storage-fees-option';

/** Aged-inventory surcharge and storage fees this month and next, per currency (the storage report's figures). */
export function SurchargePanel() {
  const { t, fmt } = useI18n();
  const overview = useStorageOverview(1);
  const data = overview.data;
  return (
    <TitledPanel title={t('surcharge.title')} testId="surcharge-at-stake">
      <QueryStates query={overview} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {data?.months.map((m) => (
          <Stack key={m.month} gap={0} data-testid={`surcharge-${m.basis}`}>
            <Text size="sm" c="dimmed">
              {t(m.basis === 'next' ? 'surcharge.nextMonth' : 'surcharge.thisMonth', {
                month: fmt.month(m.month),
              })}
            </Text>
            {currenciesOf(data).map((currency) => (
              <Stack key={currency} gap={0} data-currency={currency}>
                <Text fz="xl" fw={700}>
                  {fmt.money(totalOf(m, currency).agedSurcharge, currency)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('surcharge.storageFee', { fee: fmt.money(totalOf(m, currency).storageFee, currency) })}
                </Text>
              </Stack>
            ))}
          </Stack>
        ))}
      </SimpleGrid>
      <Text size="sm">
        <Link to="/storage">{t('surcharge.toStorage')}</Link>
      </Text>
    </TitledPanel>
  );
}
