import { Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { FailureAlert } from '../../../components/common/error-alert';
import { FormActions } from '../../../components/common/form-actions';
import { useCreateDialog } from '../../../components/common/use-create-dialog';
import { useFormFields } from '../../../components/common/use-form-fields';
import { useI18n } from '../../../i18n/i18n-context';
import { useCreateSupplier } from '../../suppliers.hooks';

interface NewSupplierForm {
  code: string;
  name: string;
  currency: string;
  paymentTermsDays: number;
}

const EMPTY: NewSupplierForm = { code: '', name: '', currency: 'USD', paymentTermsDays: 30 };

/**
 * Creates a supplier (POST /suppliers): code, name, currency and payment terms; lead-time stages and
 * contacts are edited afterwards. The server checks the code and currency and names the field it refuses.
 */
export function SupplierCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const create = useCreateSupplier();
  const { values, set, field, reset } = useFormFields<NewSupplierForm>(EMPTY);
  const { close, submitWhen } = useCreateDialog({ mutation: create, clear: reset, onClose });
  const submit = submitWhen(Boolean(values.code.trim() && values.name.trim()), () => ({
    code: values.code.trim(),
    name: values.name.trim(),
    currency: values.currency.trim().toUpperCase(),
    paymentTermsDays: values.paymentTermsDays,
  }));
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('suppliers.newTitle')}
      closeButtonProps={{ 'aria-label': t('suppliers.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="supplier-create-form">
        <Stack gap="sm">
          <FailureAlert of={create} />
          <TextInput
            label={t('suppliers.code')}
            description={t('suppliers.codeHint')}
            required
            maxLength={40}
            translate="no"
            {...field('code')}
            data-autofocus
            data-testid="supplier-code"
          />
          <TextInput label={t('settings.name')} required maxLength={200} {...field('name')} />
          <SimpleGrid cols={2}>
            <TextInput label={t('suppliers.currency')} maxLength={3} translate="no" {...field('currency')} />
            <NumberInput
              label={t('suppliers.paymentTerms')}
              min={0}
              max={365}
              allowDecimal={false}
              value={values.paymentTermsDays}
              onChange={(v) => {
                set('paymentTermsDays', Math.max(0, Math.round(Number(v) || 0)));
              }}
            />
          </SimpleGrid>
          <FormActions
            onCancel={close}
            loading={create.isPending}
            disabled={!values.code.trim() || !values.name.trim()}
            submitTestId="supplier-create-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
