import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { FailureAlert } from '../../../components/common/error-alert';
import { useDeleteSupplier, useUpdateSupplier, type Supplier } from '../../suppliers.hooks';
import { useI18n } from '../../../i18n/i18n-context';
import { supplierFormSchema, toSupplierPatch, type SupplierForm } from './supplier-form-schema';

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
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              setAsking(false);
            }}
          >
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => {
              remove.mutate(code, {
                onSuccess: (r) => {
                  onDone(t(r.deleted ? 'suppliers.deleted' : 'suppliers.deactivated', { code }));
                },
              });
            }}
            data-testid="supplier-delete-confirm"
          >
            {t('suppliers.delete')}
          </Button>
        </Group>
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
  const [form, setForm] = useState<SupplierForm>(() => supplierFormSchema(supplier));
  const set = <K extends keyof SupplierForm>(key: K, value: SupplierForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!form.name.trim()) return;
    update.mutate({ code: supplier.code, patch: toSupplierPatch(form) }, { onSuccess: onClose });
  };
  const whole = (value: string | number) => Math.max(0, Math.round(Number(value) || 0));
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('suppliers.editTitle', { name: supplier.code })}
      closeButtonProps={{ 'aria-label': t('suppliers.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="supplier-form">
        <Stack gap="sm">
          <FailureAlert of={update} />
          <TextInput
            label={t('settings.name')}
            required
            value={form.name}
            onChange={(e) => {
              set('name', e.currentTarget.value);
            }}
            maxLength={200}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={t('suppliers.email')}
              type="email"
              value={form.email}
              onChange={(e) => {
                set('email', e.currentTarget.value);
              }}
              maxLength={254}
            />
            <TextInput
              label={t('suppliers.phone')}
              value={form.phone}
              onChange={(e) => {
                set('phone', e.currentTarget.value);
              }}
              maxLength={50}
            />
          </SimpleGrid>
          <NumberInput
            label={t('suppliers.paymentTerms')}
            description={t('suppliers.paymentTermsHint')}
            min={0}
            max={365}
            allowDecimal={false}
            value={form.paymentTermsDays}
            onChange={(v) => {
              set('paymentTermsDays', whole(v));
            }}
            data-testid="supplier-terms"
          />
          <SimpleGrid cols={2}>
            {STAGES.map((stage) => (
              <NumberInput
                key={stage}
                label={t(`suppliers.stage.${stage}`)}
                min={0}
                max={365}
                allowDecimal={false}
                value={form[stage]}
                onChange={(v) => {
                  set(stage, whole(v));
                }}
              />
            ))}
          </SimpleGrid>
          <Textarea
            label={t('suppliers.notes')}
            value={form.notes}
            onChange={(e) => {
              set('notes', e.currentTarget.value);
            }}
            maxLength={2000}
            autosize
            minRows={2}
          />
          <Switch
            label={t('settings.active')}
            checked={form.active}
            onChange={(e) => {
              set('active', e.currentTarget.checked);
            }}
          />
          <DeleteSupplier code={supplier.code} onDone={onDeleted} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!form.name.trim()}>
              {t('commerce.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
