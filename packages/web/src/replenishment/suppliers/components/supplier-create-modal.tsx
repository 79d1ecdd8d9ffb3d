import { SimpleGrid, TextInput } from '@mantine/core';
import { FormActions } from '../../../components/common/form-actions';
import { useCreateDialog } from '../../../components/common/use-create-dialog';
import { useFormFields } from '../../../components/common/use-form-fields';
import { useI18n } from '../../../i18n/i18n-context';
import { useCreateSupplier } from '../../suppliers.hooks';
import { DaysInput, SupplierDialog } from './supplier-dialog';
import { MutationForm } from '../../../components/common/mutation-form';

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
    <SupplierDialog opened={opened} onClose={close} title={t('suppliers.newTitle')}>
      <MutationForm onSubmit={submit} of={create} testId="supplier-create-form" gap="sm">
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
          <DaysInput
            label={t('suppliers.paymentTerms')}
            value={values.paymentTermsDays}
            onChange={(days) => {
              set('paymentTermsDays', days);
            }}
          />
        </SimpleGrid>
        <FormActions
          onCancel={close}
          loading={create.isPending}
          disabled={!values.code.trim() || !values.name.trim()}
          submitTestId="supplier-create-submit"
        />
      </MutationForm>
    </SupplierDialog>
  );
}
