import { Group, SegmentedControl, TextInput } from '@mantine/core';
import { useI18n } from '../../../i18n/i18n-context';
import { isoDay, periodOf } from '../profit-model';

/** The report's [from, to) with the chosen preset (days) or null for a custom range. */
export interface PeriodState {
  days: number | null;
  from: string;
  to: string;
}

const PRESETS = [30, 90, 365] as const;
const DAY_MS = 86_400_000;
const dayBefore = (iso: string) => isoDay(Date.parse(`${iso}T00:00:00Z`) - DAY_MS);
const dayAfter = (iso: string) => isoDay(Date.parse(`${iso}T00:00:00Z`) + DAY_MS);

export function PeriodPicker({
  value,
  onChange,
}: {
  value: PeriodState;
  onChange: (next: PeriodState) => void;
}) {
  const { t } = useI18n();
  const through = dayBefore(value.to);
  const valid = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label={t('profit.period')}
        value={value.days === null ? 'custom' : String(value.days)}
        onChange={(v) => {
          if (v === 'custom') onChange({ ...value, days: null });
          else onChange({ days: Number(v), ...periodOf(through, Number(v)) });
        }}
        data={[
          ...PRESETS.map((days) => ({ value: String(days), label: t('profit.lastDays', { days }) })),
          { value: 'custom', label: t('profit.custom') },
        ]}
      />
      <TextInput
        type="date"
        label={t('profit.from')}
        value={value.from}
        max={through}
        onChange={(e) => {
          const from = e.currentTarget.value;
          if (valid(from) && from <= through) onChange({ days: null, from, to: value.to });
        }}
        data-testid="profit-from"
      />
      <TextInput
        type="date"
        label={t('profit.through')}
        value={through}
        min={value.from}
        onChange={(e) => {
          const last = e.currentTarget.value;
          if (valid(last) && last >= value.from)
            onChange({ days: null, from: value.from, to: dayAfter(last) });
        }}
        data-testid="profit-through"
      />
    </Group>
  );
}
