import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context';

export type DownloadFormat = 'csv' | 'xlsx';

const LABEL_KEYS = { csv: 'health.downloadCsv', xlsx: 'health.downloadXlsx' } as const;

/** The CSV and Excel download links a report page offers in its header; `urlFor` builds each address. */
export function DownloadButtons({
  urlFor,
  icon,
}: {
  urlFor: (format: DownloadFormat) => string;
  icon?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          variant="default"
          leftSection={icon}
          href={urlFor(format)}
          download
        >
          {t(LABEL_KEYS[format])}
        </Button>
      ))}
    </>
  );
}
