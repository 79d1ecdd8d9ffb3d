import { Button, Group } from '@mantine/core';
import { useI18n } from '../../i18n/i18n-context';

/** A dialog form's buttons: cancel, then submit (labelled "Create" unless told otherwise). */
export function FormActions({
  onCancel,
  loading,
  disabled,
  submitLabel,
}: {
  onCancel: () => void;
  loading: boolean;
  disabled?: boolean;
  submitLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} disabled={disabled}>
        {submitLabel ?? t('common.create')}
      </Button>
    </Group>
  );
}
