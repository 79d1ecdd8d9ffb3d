import { Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/common/error-alert';
import { useI18n } from '../../../i18n/i18n-context';
import { MessageWithData } from '../../../i18n/message-with-data';
import { useConvertedProfit, type ProfitPeriod } from '../../profit.hooks';
import {
  conversionQuery,
  rememberConversion,
  rememberedConversion,
  targetCurrencies,
  type ConversionChoice,
} from '../conversion';
import { CurrencySummary } from './profit-summary';

const NONE = 'none';

/**
 * The period's totals in one currency at the seller's own rates: a target currency and a rate for each of
 * the report's other currencies, remembered per account in this browser. The server converts and adds;
 * a currency without a rate is named and gives no total (never a total that leaves its money out).
 */
export function CurrencyConversion({
  accountId,
  period,
  reportCurrencies,
}: {
  accountId: number;
  period: ProfitPeriod;
  reportCurrencies: readonly string[];
}) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<ConversionChoice | null>(() => rememberedConversion(accountId));
  const update = (next: ConversionChoice | null) => {
    setChoice(next);
    rememberConversion(accountId, next);
  };
  const [settled] = useDebouncedValue(choice, 400);
  const converted = useConvertedProfit(period, conversionQuery(settled, reportCurrencies));
  const others = choice === null ? [] : reportCurrencies.filter((c) => c !== choice.to);
  const answer = settled === null ? null : converted.data;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="profit-conversion">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('profit.convert.title')}
        </Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('profit.convert.into')}
            value={choice?.to ?? NONE}
            allowDeselect={false}
            data={[
              { value: NONE, label: t('profit.convert.none') },
              ...targetCurrencies(reportCurrencies).map((c) => ({ value: c, label: c })),
            ]}
            onChange={(v) => {
              update(v === null || v === NONE ? null : { to: v, rates: choice?.rates ?? {} });
            }}
            w={180}
            data-testid="profit-convert-to"
          />
          {choice !== null
            ? others.map((currency) => (
                <NumberInput
                  key={currency}
                  label={
                    <MessageWithData
                      k="profit.convert.rate"
                      vars={{ from: currency, to: choice.to }}
                      data={['from', 'to']}
                    />
                  }
                  value={choice.rates[currency] ?? ''}
                  min={0}
                  decimalScale={6}
                  hideControls
                  w={140}
                  onChange={(v) => {
                    const rates = Object.fromEntries(
                      Object.entries(choice.rates).filter(([c]) => c !== currency),
                    );
                    if (typeof v === 'number' && v > 0) rates[currency] = v;
                    update({ to: choice.to, rates });
                  }}
                  data-testid={`profit-rate-${currency}`}
                />
              ))
            : null}
        </Group>
        {choice === null ? (
          <Text size="xs" c="dimmed">
            {t('profit.convert.hint')}
          </Text>
        ) : null}
        {converted.isError ? <ErrorAlert error={converted.error} /> : null}
        {answer && answer.missingRates.length > 0 ? (
          <Text size="sm" c="orange.9" data-testid="profit-converted-missing">
            <MessageWithData
              k="profit.convert.missing"
              vars={{ currencies: answer.missingRates.join(', '), currency: settled?.to ?? '' }}
              data={['currencies', 'currency']}
            />
          </Text>
        ) : null}
        {answer?.total ? (
          <>
            <CurrencySummary totals={answer.total} titled={false} testId="profit-converted-total" />
            <Text size="xs" c="dimmed" data-testid="profit-converted-rates">
              <MessageWithData
                k="profit.convert.ratesUsed"
                vars={{
                  rates: Object.entries(answer.rates)
                    .sort(([a], [b]) => a.localeCompare(b))
                    .map(([c, rate]) => `1 ${c} = ${String(rate)} ${answer.total?.currency ?? ''}`)
                    .join(', '),
                }}
                data={['rates']}
              />
            </Text>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
