import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useI18n } from '../../i18n/i18n-context';

/** Mantine's show/hide toggle is labelled in English by default; this labels it in the reader's language. */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useI18n();
  return (
    <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }} {...props} />
  );
}
