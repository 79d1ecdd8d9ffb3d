import { Anchor, Badge, Paper, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
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
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover style={{ whiteSpace: 'nowrap' }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('po.number')}</Table.Th>
                  <Table.Th>{t('po.supplier')}</Table.Th>
                  <Table.Th>{t('field.location')}</Table.Th>
                  <Table.Th>{t('po.status')}</Table.Th>
                  <Table.Th className="num">{t('po.received')}</Table.Th>
                  <Table.Th className="num">{t('po.total')}</Table.Th>
                  <Table.Th>{t('po.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((order) => (
                  <Table.Tr key={order.number}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/purchase-orders/${encodeURIComponent(order.number)}`}
                        ff="monospace"
                        size="sm"
                        translate="no"
                      >
                        {order.number}
                      </Anchor>
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
