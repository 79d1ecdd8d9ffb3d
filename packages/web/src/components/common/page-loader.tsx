import { Center, Loader } from '@mantine/core';
import { useI18n } from '../../i18n/i18n-context';

export function PageLoader() {
  const { t } = useI18n();
  return (
    <Center mih={240} role="status" aria-live="polite">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
