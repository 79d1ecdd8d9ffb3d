import { Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { StatusBadge } from '../../components/common/status-badge';
import { useCreateLocation, useLocations } from '../locations.hooks';
import { useI18n } from '../../i18n/i18n-context';
import {
  EMPTY_LOCATION,
  LOCATION_TYPES,
  toLocationCreate,
  validateLocation,
  type LocationForm,
} from './location-form-schema';
import { QueryTable } from '../../components/common/query-table';
import { useDialogAction } from '../../components/common/dialog-action';
import { FormActions } from '../../components/common/form-actions';
import { useCreateDialog } from '../../components/common/use-create-dialog';
import { useFormFields } from '../../components/common/use-form-fields';
import { MutationForm } from '../../components/common/mutation-form';

function capacityText(capacity: Record<string, number | undefined>, format: (n: number) => string): string {
  const values = Object.values(capacity).filter((v): v is number => v !== undefined);
  if (capacity['total'] !== undefined) return format(capacity['total']);
  return values.length ? format(values.reduce((a, b) => a + b, 0)) : '—';
}

function CreateLocationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const create = useCreateLocation();
  const {
    values: form,
    set,
    field,
    reset,
  } = useFormFields<LocationForm>(EMPTY_LOCATION, (key): string | undefined =>
    touched && errors[key] ? t(errors[key]) : undefined,
  );
  const { touched, close, submitWhen } = useCreateDialog({ mutation: create, clear: reset, onClose });
  const errors = validateLocation(form);
  const submit = submitWhen(Object.keys(errors).length === 0, () => toLocationCreate(form));
  return (
    <Modal opened={opened} onClose={close} title={t('settings.newLocation')}>
      <MutationForm onSubmit={submit} of={create}>
        <TextInput
          label={t('settings.code')}
          description={t('settings.codeRule')}
          required
          {...field('code')}
          data-autofocus
        />
        <TextInput label={t('settings.name')} required {...field('name')} />
        <Select
          label={t('settings.type')}
          data={LOCATION_TYPES.map((type) => ({ value: type, label: t(`locationType.${type}`) }))}
          value={form.type}
          onChange={(value) => {
            set('type', value ?? 'warehouse');
          }}
          allowDeselect={false}
        />
        <TextInput label={t('settings.marketplace')} placeholder="US" {...field('marketplace')} />
        <TextInput label={t('settings.capacity')} inputMode="decimal" {...field('capacity')} />
        <FormActions onCancel={close} loading={create.isPending} />
      </MutationForm>
    </Modal>
  );
}

export function LocationsTab() {
  const { t, fmt } = useI18n();
  const locations = useLocations();
  const create = useDialogAction('catalog:write', t('settings.newLocation'), 'new-location');
  return (
    <Stack gap="sm">
      {create.button ? <Group justify="flex-end">{create.button}</Group> : null}
      <QueryTable
        query={locations}
        testId="locations-table"
        minWidth={600}
        rowKey={(loc) => loc.code}
        columns={[
          { label: t('settings.code'), text: 'code', cell: (loc) => loc.code },
          { label: t('settings.name'), text: 'verbatim', cell: (loc) => loc.name },
          { label: t('settings.type'), cell: (loc) => t(`locationType.${loc.type}`) },
          { label: t('settings.marketplace'), text: 'verbatim', cell: (loc) => loc.marketplace ?? '—' },
          {
            label: t('settings.capacity'),
            numeric: true,
            cell: (loc) => capacityText({ ...loc.capacityCubicFeet }, fmt.int),
          },
          {
            label: t('settings.status'),
            cell: (loc) => (
              <StatusBadge color={loc.active ? 'teal' : 'gray'}>
                {t(loc.active ? 'settings.active' : 'settings.inactive')}
              </StatusBadge>
            ),
          },
        ]}
      />
      {create.allowed ? <CreateLocationModal opened={create.opened} onClose={create.close} /> : null}
    </Stack>
  );
}
