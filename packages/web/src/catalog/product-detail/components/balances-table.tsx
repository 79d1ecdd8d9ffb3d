import { Table } from '@mantine/core';
import type { Balance } from '../../../api/types';
import { TableSection } from '../../../components/common/data-table';
import { NothingHere } from '../../../components/common/not-available';
import { useI18n } from '../../../i18n/i18n-context';

export function BalancesTable({ balances }: { balances: Balance[] }) {
  const { t, fmt } = useI18n();
  return (
    <TableSection
      title={t('product.balances')}
      titleId="balances-title"
      isEmpty={balances.length === 0}
      empty={<NothingHere title={t('product.noBalances')} />}
      testId="balances-table"
      minWidth={560}
      scroll="area"
      columns={[
        t('field.location'),
        { label: t('field.onHand'), numeric: true },
        { label: t('field.reserved'), numeric: true },
        { label: t('field.available'), numeric: true },
        { label: t('field.inbound'), numeric: true },
        { label: t('field.unfulfillable'), numeric: true },
        t('product.oldestReceived'),
      ]}
    >
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
    </TableSection>
  );
}
