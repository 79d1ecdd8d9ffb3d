import { Modal, Text, TextInput } from '@mantine/core';
import type { SyntheticEvent } from 'react';
import { useFormFields } from '../components/common/use-form-fields';
import { useCreateFeeSchedule, type FeeSchedule } from './fees.hooks';
import { useI18n } from '../i18n/i18n-context';
import { FormActions } from '../components/common/form-actions';
import { MutationForm } from '../components/common/mutation-form';

const today = () => new Date().toISOString().slice(0, 10);

/** Starts a schedule from a date; the server copies the rates in force then, to be edited next. */
export function NewFeeScheduleModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (schedule: FeeSchedule) => void;
}) {
  const { t } = useI18n();
  const create = useCreateFeeSchedule();
  const { values, set, field } = useFormFields({ marketplace: 'US', effectiveFrom: today() });
  const { marketplace, effectiveFrom } = values;
  const valid = /^[A-Z]{2,5}$/.test(marketplace) && /^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (valid) create.mutate({ marketplace, effectiveFrom }, { onSuccess: onCreated });
  };
  return (
    <Modal opened onClose={onClose} title={t('fees.new')}>
      <MutationForm onSubmit={submit} of={create} gap="sm">
        <Text size="sm" c="dimmed">
          {t('fees.newHint')}
        </Text>
        <TextInput
          label={t('settings.marketplace')}
          required
          value={marketplace}
          onChange={(e) => {
            set('marketplace', e.currentTarget.value.toUpperCase());
          }}
          maxLength={5}
          data-testid="fee-new-marketplace"
        />
        <TextInput
          type="date"
          label={t('fees.from')}
          required
          {...field('effectiveFrom')}
          data-testid="fee-new-date"
        />
        <FormActions
          onCancel={onClose}
          loading={create.isPending}
          disabled={!valid}
          submitTestId="fee-new-submit"
        />
      </MutationForm>
    </Modal>
  );
}
