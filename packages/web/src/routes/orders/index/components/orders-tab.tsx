import { Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../../components/common/error-alert';
import { NothingHere } from '../../../../components/common/not-available';
import { PageLoader } from '../../../../components/common/page-loader';
import { ORDER_CHANNELS, ORDER_STATUSES, useOrders, type Order, type OrderFilter } from '../../../../hooks/api/orders';
import { useI18n } from '../../../../i18n/i18n-context';
import { ChannelName, channelLabel } from './channel-name';

const STATUS_COLORS: Record<Order['status'], string> = { pending: 'gray', reserved: 'blue', partially_shipped: 'yellow', shipped: 'teal', cancelled: 'gray' };

function total(order: Order): number {
  return order.lines.reduce((s, l) => s + l.quantity * (l.unitPrice ?? 0), 0);
}

export function OrdersTab() {
  const { t, fmt } = useI18n();
  const [filter, setFilter] = useState<OrderFilter>({});
  const orders = useOrders(filter);
  const rows = orders.data?.pages.flatMap((p) => p.items) ?? [];
  const all = t('orders.all');
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <Select
          label={t('orders.channel')}
          data={[{ value: '', label: all }, ...ORDER_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))]}
          value={filter.channel ?? ''}
          onChange={(v) => { setFilter((f) => ({ ...f, channel: (v || undefined) })); }}
          allowDeselect={false}
          w={180}
          data-testid="orders-channel"
        />
        <Select
          label={t('orders.status')}
          data={[{ value: '', label: all }, ...ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) }))]}
          value={filter.status ?? ''}
          onChange={(v) => { setFilter((f) => ({ ...f, status: (v || undefined) })); }}
          allowDeselect={false}
          w={180}
          data-testid="orders-status"
        />
      </Group>
      {orders.isPending ? <PageLoader /> : null}
      {orders.isError ? <ErrorAlert error={orders.error} /> : null}
      {orders.data && rows.length === 0 ? <NothingHere title={t('orders.empty')} description={t('orders.emptyHint')} /> : null}
      {rows.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer type="native" minWidth={760} tabIndex={0}>
            <Table striped data-testid="orders-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('orders.orderedAt')}</Table.Th>
                  <Table.Th>{t('orders.channel')}</Table.Th>
                  <Table.Th>{t('orders.externalId')}</Table.Th>
                  <Table.Th>{t('orders.lines')}</Table.Th>
                  <Table.Th className="num">{t('orders.total')}</Table.Th>
                  <Table.Th>{t('orders.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((order) => (
                  <Table.Tr key={order.id} data-testid={`order-${order.externalId}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(order.orderedAt)}</Table.Td>
                    <Table.Td><ChannelName t={t} channel={order.channel} /></Table.Td>
                    <Table.Td ff="monospace" translate="no">{order.externalId}</Table.Td>
                    <Table.Td>
                      {order.lines.map((l) => (
                        <Text key={l.lineNo} size="xs"><span translate="no">{l.sku}</span>{` × ${fmt.int(l.quantity)}`}</Text>
                      ))}
                    </Table.Td>
                    <Table.Td className="num">{order.currency ? fmt.money(total(order), order.currency) : fmt.num(total(order))}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLORS[order.status]} miw="max-content">{t(`orders.status.${order.status}`)}</Badge>
                      {order.backordered ? <Badge ml={4} variant="light" color="orange" miw="max-content">{t('orders.backordered')}</Badge> : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {orders.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" loading={orders.isFetchingNextPage} onClick={() => void orders.fetchNextPage()}>{t('common.loadMore')}</Button>
        </Group>
      ) : null}
    </Stack>
  );
}
