import { Code, Stack, Text } from '@mantine/core';
import type { ImportFormat } from '../api/types';
import type { ImportKind } from './imports.hooks';
import { useI18n } from '../i18n/i18n-context';

/** The kind's hint, and for the CSV kinds their columns (the Amazon flat files are taken as downloaded). */
export function ImportHint({ kind, format }: { kind: ImportKind; format: ImportFormat | undefined }) {
  const { t } = useI18n();
  const columns = format?.delimiter === ',' ? format : undefined;
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {t(`imports.kindHint.${kind}`)}
      </Text>
      {columns ? (
        <Text size="sm" c="dimmed">
          {t('imports.required')} <Code translate="no">{columns.required.join(',')}</Code>
          {columns.optional.length > 0 ? (
            <>
              {' '}
              {t('imports.optional')} <Code translate="no">{columns.optional.join(',')}</Code>
            </>
          ) : null}
        </Text>
      ) : null}
    </Stack>
  );
}
