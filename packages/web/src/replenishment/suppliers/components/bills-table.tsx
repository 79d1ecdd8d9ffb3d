import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { ErrorAlert } from '../../../components/common/error-alert';
import { NothingHere } from '../../../components/common/not-available';
import { PageLoader } from '../../../components/common/page-loader';
import { useSupplierBills } from '../../suppliers.hooks';
import { useI18n } from '../../../i18n/i18n-context';
import { DataTable } from '../../../components/common/data-table';

/** Unpaid purchase orders, due on receipt (or sending) plus the supplier's payment terms. */
export function BillsTable() {
  const { t, fmt } = useI18n();
  const bills = useSupplierBills();
  if (bills.isPending) return <PageLoader />;
  if (bills.isError) return <ErrorAlert error={bills.error} />;
  if (bills.data.items.length === 0) return <NothingHere title={t('suppliers.noBills')} />;
  return (
    <Stack gap="sm">
      <Group gap="lg" data-testid="bills-totals">
        {bills.data.totals.map((total) => (
          <Text key={total.currency} size="sm">
            {t('suppliers.billsTotal', { amount: fmt.money(total.amount, total.currency) })}
            {total.overdue > 0 ? (
              <Text
                span
                c="red.9"
                size="sm"
              >{` · ${t('suppliers.billsOverdue', { amount: fmt.money(total.overdue, total.currency) })}`}</Text>
            ) : null}
          </Text>
        ))}
      </Group>
      <DataTable
        testId="bills-table"
        minWidth={620}
        columns={[
          t('suppliers.dueOn'),
          t('suppliers.supplier'),
          t('suppliers.purchaseOrder'),
          { label: t('suppliers.amount'), numeric: true },
          t('settings.status'),
        ]}
      >
        {bills.data.items.map((bill) => (
          <Table.Tr key={bill.number}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(bill.dueOn)}</Table.Td>
            <Table.Td translate="no">{bill.supplierName}</Table.Td>
            <Table.Td ff="monospace" translate="no">
              {bill.number}
            </Table.Td>
            <Table.Td className="num">{fmt.money(bill.amount, bill.currency)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={bill.overdue ? 'red' : 'blue'} miw="max-content">
                {t(bill.overdue ? 'suppliers.overdue' : 'suppliers.upcoming')}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}
