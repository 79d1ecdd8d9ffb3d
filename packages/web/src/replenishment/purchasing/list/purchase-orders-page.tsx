import { Badge, Stack, Table, Text } from '@mantine/core';
import { DataTable } from '../../../components/common/data-table';
import { CodeLink } from '../../../components/common/entity-link';
import { NothingHere } from '../../../components/common/not-available';
import { PageHeader } from '../../../components/common/page-header';
import { usePurchaseOrders } from '../../purchasing.hooks';
import { useI18n } from '../../../i18n/i18n-context';
import { STATUS_COLORS } from '../status';
import { QueryStates } from '../../../components/common/query-states';

export default function PurchaseOrdersPage() {
  const { t, fmt } = useI18n();
  const orders = usePurchaseOrders();
  const rows = orders.data ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={t('po.title')} description={t('po.subtitle')} />
      <QueryStates
        query={orders}
        isEmpty={orders.data && rows.length === 0}
        empty={<NothingHere title={t('po.empty')} />}
      />
      {rows.length > 0 ? (
        <DataTable
          minWidth={860}
          scroll="area"
          highlightOnHover
          nowrap
          columns={[
            t('po.number'),
            t('po.supplier'),
            t('field.location'),
            t('po.status'),
            { label: t('po.received'), numeric: true },
            { label: t('po.total'), numeric: true },
            t('po.created'),
            t('po.expected'),
          ]}
        >
          {rows.map((order) => (
            <Table.Tr key={order.number}>
              <Table.Td>
                <CodeLink to={`/purchase-orders/${encodeURIComponent(order.number)}`}>
                  {order.number}
                </CodeLink>
              </Table.Td>
              <Table.Td translate="no">
                {order.supplier.name}
                <Text span size="xs" c="dimmed">{` · ${order.supplier.code}`}</Text>
              </Table.Td>
              <Table.Td translate="no">{order.location}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLORS[order.status]} variant="light" miw="max-content">
                  {t(`po.status.${order.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td className="num">{`${fmt.int(order.totals.receivedUnits)} / ${fmt.int(order.totals.units)}`}</Table.Td>
              <Table.Td className="num">{fmt.money(order.totals.total, order.currency)}</Table.Td>
              <Table.Td>{fmt.date(order.createdAt)}</Table.Td>
              <Table.Td data-testid={`po-expected-${order.number}`}>
                {order.expectedOn ? fmt.date(order.expectedOn) : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      ) : null}
    </Stack>
  );
}
