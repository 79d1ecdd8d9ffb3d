import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { StorageOverview } from '../../api/types';
import type { ConvertedAnswer } from '../../components/conversion/currency-conversion';
import { CurrencyConversion } from '../../components/conversion/currency-conversion';
import { useConversion } from '../../components/conversion/use-conversion';
import { FigureCard } from '../../components/common/figure-card';
import { useI18n } from '../../i18n/i18n-context';
import { useConvertedStorage } from '../storage.hooks';

/** The months' fees (storage and aged surcharge) in one currency, as the server converted each month. */
export interface ConvertedStorage {
  currency: string;
  months: { month: string; basis: StorageOverview['months'][number]['basis']; fees: number }[];
}

/**
 * The overview's months as one converted answer: a total only when every month has one; the currencies
 * without a rate, named once; the rates the server used.
 */
export function convertedStorage(overview: StorageOverview): ConvertedAnswer<ConvertedStorage> | null {
  const answers = overview.months.flatMap((m) => (m.converted ? [{ month: m, converted: m.converted }] : []));
  if (answers.length === 0 || answers.length < overview.months.length) return null;
  const missingRates = [...new Set(answers.flatMap((a) => a.converted.missingRates))].sort();
  const rates = Object.assign({}, ...answers.map((a) => a.converted.rates)) as Record<string, number>;
  const months: ConvertedStorage['months'] = [];
  let currency: string | null = null;
  for (const { month, converted } of answers) {
    if (converted.total === null) return { total: null, rates, missingRates };
    currency = converted.total.currency;
    months.push({
      month: month.month,
      basis: month.basis,
      fees: converted.total.storageFee + converted.total.agedSurcharge,
    });
  }
  return { total: currency === null ? null : { currency, months }, rates, missingRates };
}

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
    <CurrencyConversion
      conversion={conversion}
      reportCurrencies={currencies}
      result={result}
      testId="storage"
    >
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
