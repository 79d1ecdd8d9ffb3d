import { Center, Loader } from '@mantine/core';
import { useI18n } from '../../i18n/i18n-context';

/**
 * A spinner announced as "Loading…". The text sits in the status region itself: the Loader is a
 * plain span, on which an aria-label is not allowed (axe: aria-prohibited-attr).
 */
export function PageLoader() {
  const { t } = useI18n();
  return (
    <Center mih={240} role="status" aria-live="polite">
      <Loader aria-hidden="true" />
      <span className="sr-only">{t('common.loading')}</span>
    </Center>
  );
}
