import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { MessageKey } from '../../../i18n/translate';
import { useI18n } from '../../../i18n/i18n-context';
import type { ProfitTotals } from '../profit-model';

/** Headline figures for the whole catalogue; storage fees above 1 % of revenue are flagged. */
export function ProfitSummary({ totals, currency }: { totals: ProfitTotals; currency: string }) {
  const { t, fmt } = useI18n();
  const money = (v: number) => fmt.money(v, currency);
  const stats: { key: string; label: MessageKey; value: string; warn?: boolean }[] = [
    { key: 'revenue', label: 'profit.revenue', value: money(totals.revenue) },
    { key: 'cogs', label: 'profit.cogs', value: money(totals.cogs) },
    { key: 'fees', label: 'profit.amazonFees', value: money(totals.fees) },
    { key: 'storage', label: 'profit.storageFees', value: money(totals.storageFees) },
    { key: 'profit', label: 'profit.profit', value: money(totals.profit), warn: totals.profit < 0 },
    { key: 'margin', label: 'profit.margin', value: totals.margin === null ? '—' : fmt.pct(totals.margin) },
    { key: 'roi', label: 'profit.roi', value: totals.roi === null ? '—' : fmt.pct(totals.roi) },
    {
      key: 'storage-percent',
      label: 'profit.storagePercent',
      value: totals.storagePercent === null ? '—' : fmt.pct(totals.storagePercent / 100, 2),
      warn: (totals.storagePercent ?? 0) > 1,
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="profit-summary">
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
  );
}
