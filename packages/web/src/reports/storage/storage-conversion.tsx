import { SimpleGrid, Stack, Text } from '@mantine/core';
import { CurrencyConversion } from '../../components/conversion/currency-conversion';
import { useConversion } from '../../components/conversion/use-conversion';
import { FigureCard } from '../../components/common/figure-card';
import { useI18n } from '../../i18n/i18n-context';
import { useConvertedStorage } from '../storage.hooks';
import { convertedStorage } from './storage-converted';

/** This month's and next month's fees, and the months' total, in one currency at the seller's rates. */
export function StorageConversion({
  accountId,
  months,
  currencies,
}: {
  accountId: number;
  months: number;
  currencies: readonly string[];
}) {
  const { t, fmt } = useI18n();
  const conversion = useConversion(accountId, currencies);
  const converted = useConvertedStorage(months, conversion.query);
  const result = {
    isError: converted.isError,
    error: converted.error,
    data: converted.data ? convertedStorage(converted.data) : null,
  };
  return (
    <CurrencyConversion conversion={conversion} result={result} testId="storage">
      {(total) => {
        const money = (v: number) => fmt.money(v, total.currency);
        const of = (basis: 'current' | 'next') => total.months.find((m) => m.basis === basis)?.fees ?? 0;
        return (
          <Stack gap="xs" data-testid="storage-converted-total">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FigureCard
                label={t('storage.thisMonth')}
                value={money(of('current'))}
                testId="storage-converted-this"
              />
              <FigureCard
                label={t('storage.nextMonth')}
                value={money(of('next'))}
                testId="storage-converted-next"
              />
            </SimpleGrid>
            <Text size="sm" data-testid="storage-converted-summary">
              {t('storage.feesSummary', {
                months: fmt.int(total.months.length),
                total: money(total.months.reduce((s, m) => s + m.fees, 0)),
              })}
            </Text>
          </Stack>
        );
      }}
    </CurrencyConversion>
  );
}
