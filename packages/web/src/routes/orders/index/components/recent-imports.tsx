import { Badge, Paper, Stack, Table, Title } from '@mantine/core';
import { ErrorAlert } from '../../../../components/common/error-alert';
import { NothingHere } from '../../../../components/common/not-available';
import { PageLoader } from '../../../../components/common/page-loader';
import { CodeLabel } from '../../../../components/common/code-label';
import { useImports } from '../../../../hooks/api/imports';
import { useI18n } from '../../../../i18n/i18n-context';

const STATUS_COLORS: Record<string, string> = { applied: 'teal', staging: 'blue', rejected: 'red' };

export function RecentImports() {
  const { t, fmt } = useI18n();
  const imports = useImports();
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">{t('imports.recent')}</Title>
      {imports.isPending ? <PageLoader /> : null}
      {imports.isError ? <ErrorAlert error={imports.error} /> : null}
      {imports.data && imports.data.length === 0 ? <NothingHere title={t('imports.none')} /> : null}
      {imports.data && imports.data.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer type="native" minWidth={640} tabIndex={0}>
            <Table striped data-testid="imports-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.when')}</Table.Th>
                  <Table.Th>{t('imports.kind')}</Table.Th>
                  <Table.Th>{t('imports.file')}</Table.Th>
                  <Table.Th className="num">{t('imports.rows')}</Table.Th>
                  <Table.Th className="num">{t('imports.rejected')}</Table.Th>
                  <Table.Th>{t('settings.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {imports.data.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(i.createdAt)}</Table.Td>
                    <Table.Td><CodeLabel prefix="imports.kind" code={i.kind} /></Table.Td>
                    <Table.Td translate="no">{i.fileName ?? '—'}</Table.Td>
                    <Table.Td className="num">{fmt.int(i.rowsTotal)}</Table.Td>
                    <Table.Td className="num">{fmt.int(i.rowsRejected)}</Table.Td>
                    <Table.Td><Badge variant="light" color={STATUS_COLORS[i.status] ?? 'gray'} miw="max-content"><CodeLabel prefix="imports.status" code={i.status} /></Badge></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </Stack>
  );
}
