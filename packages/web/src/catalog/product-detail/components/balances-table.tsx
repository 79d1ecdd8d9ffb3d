import { Paper, Table, Title } from '@mantine/core';
import type { Balance } from '../../../api/types';
import { NothingHere } from '../../../components/common/not-available';
import { useI18n } from '../../../i18n/i18n-context';

export function BalancesTable({ balances }: { balances: Balance[] }) {
  const { t, fmt } = useI18n();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm" id="balances-title">
        {t('product.balances')}
      </Title>
      {balances.length === 0 ? (
        <NothingHere title={t('product.noBalances')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-labelledby="balances-title" data-testid="balances-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('field.location')}</Table.Th>
                <Table.Th className="num">{t('field.onHand')}</Table.Th>
                <Table.Th className="num">{t('field.reserved')}</Table.Th>
                <Table.Th className="num">{t('field.available')}</Table.Th>
                <Table.Th className="num">{t('field.inbound')}</Table.Th>
                <Table.Th className="num">{t('field.unfulfillable')}</Table.Th>
                <Table.Th>{t('product.oldestReceived')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {balances.map((b) => (
                <Table.Tr key={b.location}>
                  <Table.Td translate="no">{b.location}</Table.Td>
                  <Table.Td className="num">{fmt.int(b.onHand)}</Table.Td>
                  <Table.Td className="num">{fmt.int(b.reserved)}</Table.Td>
                  <Table.Td className="num">{fmt.int(b.available)}</Table.Td>
                  <Table.Td className="num">{fmt.int(b.inbound)}</Table.Td>
                  <Table.Td className="num">{fmt.int(b.unfulfillable)}</Table.Td>
                  <Table.Td>{b.oldestReceivedAt ? fmt.date(b.oldestReceivedAt) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
