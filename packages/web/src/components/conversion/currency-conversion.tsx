import { Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useMe } from '../../accounts/auth.hooks';
import { ErrorAlert } from '../common/error-alert';
import { useI18n } from '../../i18n/i18n-context';
import { MessageWithData } from '../../i18n/message-with-data';
import { targetCurrencies } from './conversion';
import type { Conversion } from './use-conversion';

/** What a report answers to `convertTo` and `rates`: its total in `to`, or null and the currencies without a rate. */
export interface ConvertedAnswer<T extends { currency: string }> {
  total: T | null;
  rates: Record<string, number>;
  missingRates: string[];
}

const NONE = 'none';

/**
 * The conversion panel of a page for the signed-in account, or nothing before the account is known; keyed
 * by account, so another account's remembered table is its own.
 */
export function ForAccount({ children }: { children: (accountId: number) => ReactNode }) {
  const accountId = useMe().data?.account.id;
  return accountId === undefined ? null : <Fragment key={accountId}>{children(accountId)}</Fragment>;
}

/**
 * A page's money in one currency at the seller's own rates: a target currency and a rate for each of the
 * page's other currencies. The server converts and adds; a currency without a rate is named and gives no
 * total (never a total that leaves its money out). `children` shows the converted total; test ids start
 * with `testId` (`{testId}-conversion`, `-convert-to`, `-rate-EUR`, `-converted-missing`, `-converted-rates`).
 */
export function CurrencyConversion<T extends { currency: string }>({
  conversion,
  result,
  testId,
  children,
}: {
  conversion: Conversion;
  result: { isError: boolean; error: unknown; data: ConvertedAnswer<T> | null | undefined };
  testId: string;
  children: (total: T) => ReactNode;
}) {
  const { t } = useI18n();
  const { choice, update, settled, currencies } = conversion;
  const others = choice === null ? [] : currencies.filter((c) => c !== choice.to);
  const answer = settled === null ? null : result.data;
  return (
    <Paper withBorder radius="md" p="sm" data-testid={`${testId}-conversion`}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('convert.title')}
        </Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('convert.into')}
            value={choice?.to ?? NONE}
            allowDeselect={false}
            data={[
              { value: NONE, label: t('convert.none') },
              ...targetCurrencies(currencies).map((c) => ({ value: c, label: c })),
            ]}
            onChange={(v) => {
              update(v === null || v === NONE ? null : { to: v, rates: choice?.rates ?? {} });
            }}
            w={180}
            data-testid={`${testId}-convert-to`}
          />
          {choice !== null
            ? others.map((currency) => (
                <NumberInput
                  key={currency}
                  label={
                    <MessageWithData
                      k="convert.rate"
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
                  data-testid={`${testId}-rate-${currency}`}
                />
              ))
            : null}
        </Group>
        {choice === null ? (
          <Text size="xs" c="dimmed">
            {t('convert.hint')}
          </Text>
        ) : null}
        {result.isError ? <ErrorAlert error={result.error} /> : null}
        {answer && answer.missingRates.length > 0 ? (
          <Text size="sm" c="orange.9" data-testid={`${testId}-converted-missing`}>
            <MessageWithData
              k="convert.missing"
              vars={{ currencies: answer.missingRates.join(', '), currency: settled?.to ?? '' }}
              data={['currencies', 'currency']}
            />
          </Text>
        ) : null}
        {answer?.total ? (
          <>
            {children(answer.total)}
            <Text size="xs" c="dimmed" data-testid={`${testId}-converted-rates`}>
              <MessageWithData
                k="convert.ratesUsed"
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
