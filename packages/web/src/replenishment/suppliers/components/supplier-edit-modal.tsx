import { Alert, Button, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { FormActions } from '../../../components/common/form-actions';
import { useFormFields } from '../../../components/common/use-form-fields';
import { FailureAlert } from '../../../components/common/error-alert';
import { useDeleteSupplier, useUpdateSupplier, type Supplier } from '../../suppliers.hooks';
import { ConfirmActions } from '../../../components/common/confirm-button';
import { useI18n } from '../../../i18n/i18n-context';
import { DaysInput, SupplierDialog } from './supplier-dialog';
import { supplierFormSchema, toSupplierPatch, type SupplierForm } from './supplier-form-schema';
import { MutationForm } from '../../../components/common/mutation-form';

const STAGES = ['productionDays', 'transitDays', 'groundDays', 'checkInDays'] as const;

/** Asks before deleting; the answer says whether the supplier went or was kept inactive for its orders. */
function DeleteSupplier({ code, onDone }: { code: string; onDone: (outcome: string) => void }) {
  const { t } = useI18n();
  const remove = useDeleteSupplier();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button
        variant="subtle"
        color="red"
        onClick={() => {
          setAsking(true);
        }}
        data-testid="supplier-delete"
      >
        {t('suppliers.delete')}
      </Button>
    );
  return (
    <Alert color="red" title={t('suppliers.deleteTitle', { code })} w="100%">
      <Stack gap="xs">
        <FailureAlert of={remove} />
        <span>{t('suppliers.deleteBody')}</span>
        <ConfirmActions
          cancelLabel={t('common.cancel')}
          label={t('suppliers.delete')}
          loading={remove.isPending}
          onCancel={() => {
            setAsking(false);
          }}
          onConfirm={() => {
            remove.mutate(code, {
              onSuccess: (r) => {
                onDone(t(r.deleted ? 'suppliers.deleted' : 'suppliers.deactivated', { code }));
              },
            });
          }}
          testId="supplier-delete-confirm"
        />
      </Stack>
    </Alert>
  );
}

/** Edits a supplier's contact, payment terms and stated lead-time stages (PATCH /suppliers/{code}), or deletes it. */
export function SupplierEditModal({
  supplier,
  onClose,
  onDeleted,
}: {
  supplier: Supplier;
  onClose: () => void;
  onDeleted: (outcome: string) => void;
}) {
  const { t } = useI18n();
  const update = useUpdateSupplier();
  const { values: form, set, field } = useFormFields<SupplierForm>(supplierFormSchema(supplier));
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!form.name.trim()) return;
    update.mutate({ code: supplier.code, patch: toSupplierPatch(form) }, { onSuccess: onClose });
  };
  return (
    <SupplierDialog onClose={onClose} title={t('suppliers.editTitle', { name: supplier.code })}>
      <MutationForm onSubmit={submit} of={update} testId="supplier-form" gap="sm">
        <TextInput label={t('settings.name')} required {...field('name')} maxLength={200} data-autofocus />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t('suppliers.email')} type="email" {...field('email')} maxLength={254} />
          <TextInput label={t('suppliers.phone')} {...field('phone')} maxLength={50} />
        </SimpleGrid>
        <DaysInput
          label={t('suppliers.paymentTerms')}
          description={t('suppliers.paymentTermsHint')}
          value={form.paymentTermsDays}
          onChange={(days) => {
            set('paymentTermsDays', days);
          }}
          testId="supplier-terms"
        />
        <SimpleGrid cols={2}>
          {STAGES.map((stage) => (
            <DaysInput
              key={stage}
              label={t(`suppliers.stage.${stage}`)}
              value={form[stage]}
              onChange={(days) => {
                set(stage, days);
              }}
            />
          ))}
        </SimpleGrid>
        <Textarea label={t('suppliers.notes')} {...field('notes')} maxLength={2000} autosize minRows={2} />
        <Switch
          label={t('settings.active')}
          checked={form.active}
          onChange={(e) => {
            set('active', e.currentTarget.checked);
          }}
        />
        <DeleteSupplier code={supplier.code} onDone={onDeleted} />
        <FormActions
          onCancel={onClose}
          loading={update.isPending}
          disabled={!form.name.trim()}
          submitLabel={t('commerce.save')}
        />
      </MutationForm>
    </SupplierDialog>
  );
}
