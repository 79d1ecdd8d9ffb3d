import { Badge, Stack, Table, Title } from '@mantine/core';
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
        columns={[
          t('imports.when'),
          t('imports.kind'),
          t('imports.file'),
          { label: t('imports.rows'), numeric: true },
          { label: t('imports.rejected'), numeric: true },
          t('settings.status'),
        ]}
        row={(i) => (
          <Table.Tr key={i.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(i.createdAt)}</Table.Td>
            <Table.Td>
              <CodeLabel prefix="imports.kind" code={i.kind} />
            </Table.Td>
            <Table.Td translate="no">{i.fileName ?? '—'}</Table.Td>
            <Table.Td className="num">{fmt.int(i.rowsTotal)}</Table.Td>
            <Table.Td className="num">{fmt.int(i.rowsRejected)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={STATUS_COLORS[i.status] ?? 'gray'} miw="max-content">
                <CodeLabel prefix="imports.status" code={i.status} />
              </Badge>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
