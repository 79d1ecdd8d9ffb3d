import { Group, Stack, Text } from '@mantine/core';
import { StatusBadge } from '../../../components/common/status-badge';
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
        items={bills.data.items}
        rowKey={(bill) => bill.number}
        columns={[
          { label: t('suppliers.dueOn'), text: 'nowrap', cell: (bill) => fmt.date(bill.dueOn) },
          { label: t('suppliers.supplier'), text: 'verbatim', cell: (bill) => bill.supplierName },
          { label: t('suppliers.purchaseOrder'), text: 'code', cell: (bill) => bill.number },
          {
            label: t('suppliers.amount'),
            numeric: true,
            cell: (bill) => fmt.money(bill.amount, bill.currency),
          },
          {
            label: t('settings.status'),
            cell: (bill) => (
              <StatusBadge color={bill.overdue ? 'red' : 'blue'}>
                {t(bill.overdue ? 'suppliers.overdue' : 'suppliers.upcoming')}
              </StatusBadge>
            ),
          },
        ]}
      />
    </Stack>
  );
}
