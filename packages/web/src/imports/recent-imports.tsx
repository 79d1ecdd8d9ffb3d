import { Stack, Title } from '@mantine/core';
import { StatusBadge } from '../components/common/status-badge';
import { NothingHere } from '../components/common/not-available';
import { CodeLabel } from '../components/common/code-label';
import { useImports } from './imports.hooks';
import { useI18n } from '../i18n/i18n-context';
import { QueryTable } from '../components/common/query-table';

const STATUS_COLORS: Record<string, string> = { applied: 'teal', staging: 'blue', rejected: 'red' };

export function RecentImports() {
  const { t, fmt } = useI18n();
  const imports = useImports();
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('imports.recent')}
      </Title>
      <QueryTable
        query={imports}
        empty={<NothingHere title={t('imports.none')} />}
        testId="imports-table"
        minWidth={640}
        rowKey={(i) => i.id}
        columns={[
          { label: t('imports.when'), text: 'nowrap', cell: (i) => fmt.dateTime(i.createdAt) },
          { label: t('imports.kind'), cell: (i) => <CodeLabel prefix="imports.kind" code={i.kind} /> },
          { label: t('imports.file'), text: 'verbatim', cell: (i) => i.fileName ?? '—' },
          { label: t('imports.rows'), numeric: true, cell: (i) => fmt.int(i.rowsTotal) },
          { label: t('imports.rejected'), numeric: true, cell: (i) => fmt.int(i.rowsRejected) },
          {
            label: t('settings.status'),
            cell: (i) => (
              <StatusBadge color={STATUS_COLORS[i.status] ?? 'gray'}>
                <CodeLabel prefix="imports.status" code={i.status} />
              </StatusBadge>
            ),
          },
        ]}
      />
    </Stack>
  );
}
