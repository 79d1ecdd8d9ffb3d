import { Button, Group, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n-context';

/** A dialog form's buttons: cancel, then submit (labelled "Create" unless told otherwise). */
export function FormActions({
  onCancel,
  loading,
  disabled,
  submitLabel,
  submitTestId,
}: {
  onCancel: () => void;
  loading: boolean;
  disabled?: boolean;
  submitLabel?: string;
  submitTestId?: string;
}) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} disabled={disabled} data-testid={submitTestId}>
        {submitLabel ?? t('common.create')}
      </Button>
    </Group>
  );
}

/** A settings form's save button with the "saved" note beside it once the save went through. */
export function SaveActions({
  loading,
  saved,
  testId,
  savedTestId,
}: {
  loading: boolean;
  saved: boolean;
  testId: string;
  savedTestId?: string;
}) {
  const { t } = useI18n();
  return (
    <Group gap="sm">
      <Button type="submit" loading={loading} data-testid={testId}>
        {t('commerce.save')}
      </Button>
      {saved ? (
        <Text size="sm" c="teal.9" role="status" data-testid={savedTestId}>
          {t('fees.saved')}
        </Text>
      ) : null}
    </Group>
  );
}
