import { NumberInput, SimpleGrid } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useUpdateFeeSchedule, type FeeSchedule } from './fees.hooks';
import type { MessageKey } from '../i18n/translate';
import { useI18n } from '../i18n/i18n-context';
import { FEE_FIELDS, feeFormOf, feePatchOf, type FeeForm } from './fee-form-schema';
import { SaveActions } from '../components/common/form-actions';
import { MutationForm } from '../components/common/mutation-form';

const LABELS: Record<keyof FeeForm, MessageKey> = {
  standardOffPeak: 'fees.standardOffPeak',
  standardPeak: 'fees.standardPeak',
  oversizeOffPeak: 'fees.oversizeOffPeak',
  oversizePeak: 'fees.oversizePeak',
  referralPercent: 'fees.referralPercent',
  capacityOveragePerCubicFoot: 'fees.capacityOverage',
  inboundPerCubicFoot: 'fees.inbound',
  removalPerUnit: 'fees.removal',
  disposalPerUnit: 'fees.disposal',
  otherVariablePerUnit: 'fees.otherVariable',
};

/** One schedule's rates; the shipped defaults (and a viewer) see them read-only. */
export function FeeRatesForm({ schedule, editable }: { schedule: FeeSchedule; editable: boolean }) {
  const { t } = useI18n();
  const update = useUpdateFeeSchedule();
  const [form, setForm] = useState<FeeForm>(() => feeFormOf(schedule));
  const [saved, setSaved] = useState(false);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setSaved(false);
    update.mutate(
      { id: schedule.id, patch: feePatchOf(form) },
      {
        onSuccess: () => {
          setSaved(true);
        },
      },
    );
  };
  return (
    <MutationForm onSubmit={submit} of={update} testId="fee-form" gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        {FEE_FIELDS.map((field) => (
          <NumberInput
            key={field}
            label={t(LABELS[field])}
            description={field === 'referralPercent' ? '%' : <span translate="no">{schedule.currency}</span>}
            value={form[field]}
            onChange={(v) => {
              setSaved(false);
              setForm((f) => ({ ...f, [field]: Math.max(0, Number(v) || 0) }));
            }}
            min={0}
            max={field === 'referralPercent' ? 100 : 1_000_000}
            decimalScale={4}
            readOnly={!editable}
            variant={editable ? 'default' : 'filled'}
            data-testid={`fee-${field}`}
          />
        ))}
      </SimpleGrid>
      {editable ? (
        <SaveActions loading={update.isPending} saved={saved} testId="fee-save" savedTestId="fee-saved" />
      ) : null}
    </MutationForm>
  );
}
