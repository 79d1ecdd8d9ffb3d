import { Group, Loader, SegmentedControl, Stack, Text, useMatches } from '@mantine/core';
import type { RestockRecommendation } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import type { SupplyMode } from '../restock.hooks';

/** Every mode the API accepts, in the order offered (typed: a new server mode fails to compile here). */
const MODES: Record<SupplyMode, number> = { via_warehouse: 0, direct: 1, bulk_warehouse: 2 };
const ORDERED = (Object.keys(MODES) as SupplyMode[]).sort((a, b) => MODES[a] - MODES[b]);

/** The API's `mode`, with the server's default marked as such and a sentence on what the mode does. */
export function ModePicker({
  value,
  defaultMode,
  onChange,
  loading,
}: {
  value: SupplyMode;
  defaultMode: SupplyMode;
  onChange: (mode: SupplyMode) => void;
  loading: boolean;
}) {
  const { t } = useI18n();
  // Three long labels do not fit side by side on a phone.
  const orientation = useMatches<'vertical' | 'horizontal'>({ base: 'vertical', sm: 'horizontal' });
  const label = (mode: SupplyMode) =>
    mode === defaultMode
      ? t('restock.mode.default', { mode: t(`restock.mode.${mode}`) })
      : t(`restock.mode.${mode}`);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text size="sm" fw={500} id="restock-mode-label">
          {t('restock.mode')}
        </Text>
        {loading ? <Loader size="xs" /> : null}
      </Group>
      <SegmentedControl
        aria-labelledby="restock-mode-label"
        data-testid="restock-mode"
        value={value}
        onChange={(mode) => {
          onChange(mode);
        }}
        data={ORDERED.map((mode) => ({ value: mode, label: label(mode) }))}
        style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
        orientation={orientation}
      />
      <Text size="xs" c="dimmed">
        {t(`restock.modeHint.${value}`)}
      </Text>
    </Stack>
  );
}

/** How many lines of each kind the plan has: transfers and purchases with a quantity, rows held back. */
export function LineCounts({ rows }: { rows: readonly RestockRecommendation[] }) {
  const { t, fmt } = useI18n();
  let transfers = 0;
  let purchases = 0;
  let heldBack = 0;
  for (const rec of rows) {
    if (rec.recommendedQuantity > 0 && rec.action === 'transfer') transfers += 1;
    if (rec.recommendedQuantity > 0 && rec.action === 'purchase') purchases += 1;
    if (rec.reasoning.heldBack) heldBack += 1;
  }
  return (
    <Text size="sm" data-testid="restock-line-counts">
      {t('restock.lineCounts', {
        transfers: fmt.int(transfers),
        purchases: fmt.int(purchases),
        heldBack: fmt.int(heldBack),
      })}
    </Text>
  );
}
