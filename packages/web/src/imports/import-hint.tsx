import { Code, Stack, Text } from '@mantine/core';
import type { ImportKind } from './imports.hooks';
import { useI18n } from '../i18n/i18n-context';

/** The CSV kinds' columns (README, "Imports"); the Amazon flat files are taken as downloaded. */
const COLUMNS: Partial<Record<ImportKind, { required: string[]; optional: string[] }>> = {
  orders: {
    required: ['channel', 'external_id', 'ordered_at', 'sku', 'quantity'],
    optional: ['unit_price', 'currency', 'status'],
  },
  products: {
    required: ['sku', 'title'],
    optional: [
      'barcode',
      'asin',
      'fnsku',
      'category',
      'brand',
      'unit_cost',
      'price',
      'case_pack',
      'allow_backorder',
    ],
  },
  stock: { required: ['sku', 'location', 'quantity'], optional: [] },
};

export function ImportHint({ kind }: { kind: ImportKind }) {
  const { t } = useI18n();
  const columns = COLUMNS[kind];
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
