import { Alert } from '@mantine/core';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { IconAlert } from './icons';
import { errorMessage } from './error-message';

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t, locale } = useI18n();
  // The server's detail is English; show it only to English readers, as extra context.
  const detail = locale === 'en' && error instanceof ApiError ? error.message : null;
  return (
    <Alert color="red" variant="light" title={title ?? t('error.title')} icon={<IconAlert />} role="alert">
      {errorMessage(error, t)}
      {detail && detail !== errorMessage(error, t) ? ` (${detail})` : null}
    </Alert>
  );
}

/** The error of a query or a mutation once it has failed; nothing before or after a success. */
export function FailureAlert({ of }: { of: { isError: boolean; error: unknown } }) {
  return of.isError ? <ErrorAlert error={of.error} /> : null;
}
