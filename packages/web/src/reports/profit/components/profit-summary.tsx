import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { MessageKey } from '../../../i18n/translate';
import { useI18n } from '../../../i18n/i18n-context';
import type { ProfitTotals } from '../profit-model';
import { MessageWithData } from '../../../i18n/message-with-data';

/** One currency's headline figures; storage fees above 1 % of revenue are flagged. */
export function CurrencySummary({
  totals,
  titled,
  testId = `profit-totals-${totals.currency}`,
}: {
  totals: ProfitTotals;
  titled: boolean;
  testId?: string;
}) {
  const { t, fmt } = useI18n();
  // unknown amounts (a marketplace without a fee table) show as a dash, never as 0
  const money = (v: number | null) => (v === null ? '—' : fmt.money(v, totals.currency));
  const ratio = (v: number | null, digits?: number) => (v === null ? '—' : fmt.pct(v, digits));
  const stats: { key: string; label: MessageKey; value: string; warn?: boolean }[] = [
    { key: 'revenue', label: 'profit.revenue', value: money(totals.revenue) },
    { key: 'cogs', label: 'profit.cogs', value: money(totals.cogs) },
    { key: 'fees', label: 'profit.amazonFees', value: money(totals.fees) },
    { key: 'storage', label: 'profit.storageFees', value: money(totals.storageFees) },
    { key: 'profit', label: 'profit.profit', value: money(totals.profit), warn: (totals.profit ?? 0) < 0 },
    { key: 'margin', label: 'profit.margin', value: ratio(totals.margin) },
    { key: 'roi', label: 'profit.roi', value: ratio(totals.roi) },
    {
      key: 'storage-percent',
      label: 'profit.storagePercent',
      value: ratio(
        totals.storageFeePercentOfRevenue === null ? null : totals.storageFeePercentOfRevenue / 100,
        2,
      ),
      warn: (totals.storageFeePercentOfRevenue ?? 0) > 1,
    },
  ];
  return (
    <Stack gap={4} data-testid={testId}>
      {titled ? (
        <Text size="sm" fw={600}>
          <MessageWithData k="profit.totalsIn" vars={{ currency: totals.currency }} data={['currency']} />
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {stats.map((s) => (
          <Paper key={s.key} withBorder radius="md" p="sm" data-testid={`profit-total-${s.key}`}>
            <Text size="xs" c="dimmed">
              {t(s.label)}
            </Text>
            <Text fz="lg" fw={600} c={s.warn ? 'red.9' : undefined}>
              {s.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/**
 * Headline figures for the whole catalogue, one block per currency: amounts of two currencies are never
 * added (docs/formulas.md, "Profit in several currencies").
 */
export function ProfitSummary({ totals }: { totals: readonly ProfitTotals[] }) {
  const { t } = useI18n();
  return (
    <Stack gap="sm" data-testid="profit-summary">
      {totals.map((c) => (
        <CurrencySummary key={c.currency} totals={c} titled={totals.length > 1} />
      ))}
      {totals.some((c) => c.withoutFeeTable.length > 0) ? (
        <Text size="xs" c="dimmed" data-testid="profit-no-fee-table-note">
          <MessageWithData
            k="profit.noFeeTableNote"
            vars={{ marketplaces: [...new Set(totals.flatMap((c) => c.withoutFeeTable))].sort().join(', ') }}
            data={['marketplaces']}
          />
        </Text>
      ) : null}
      {totals.some((c) => c.mixedCurrencies) ? (
        <Text size="xs" c="dimmed" data-testid="profit-mixed-note">
          {t('profit.mixedNote')}
        </Text>
      ) : null}
    </Stack>
  );
}
