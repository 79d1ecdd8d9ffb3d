import { Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { AllOrOneFilters } from '../components/common/all-or-one-select';
import { NothingHere } from '../components/common/not-available';
import { QueryTable } from '../components/common/query-table';
import { LoadMore } from '../components/common/load-more';
import { StatusBadge } from '../components/common/status-badge';
import { ORDER_CHANNELS, ORDER_STATUSES, useOrders, type Order, type OrderFilter } from './orders.hooks';
import { useI18n } from '../i18n/i18n-context';
import { ChannelName, channelLabel } from '../channels/channel-name';
import { CodeLink } from '../components/common/entity-link';
import { ORDER_STATUS_COLORS } from './order-status';

function total(order: Order): number {
  return order.lines.reduce((s, l) => s + l.quantity * (l.unitPrice ?? 0), 0);
}

export function OrdersTab() {
  const { t, fmt } = useI18n();
  const [filter, setFilter] = useState<OrderFilter>({});
  const orders = useOrders(filter);
  const rows = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <AllOrOneFilters
        fields={[
          {
            key: 'channel',
            label: t('orders.channel'),
            options: ORDER_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) })),
            w: 180,
            testId: 'orders-channel',
          },
          {
            key: 'status',
            label: t('orders.status'),
            options: ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) })),
            w: 180,
            testId: 'orders-status',
          },
        ]}
        allLabel={t('orders.all')}
        filter={filter}
        onChange={(change) => {
          setFilter((f) => ({ ...f, ...change }));
        }}
      />
      <QueryTable
        query={orders}
        rows={rows}
        empty={<NothingHere title={t('orders.empty')} description={t('orders.emptyHint')} />}
        testId="orders-table"
        minWidth={760}
        rowKey={(order) => order.id}
        rowData={(order) => ({ 'data-testid': `order-${order.externalId}` })}
        columns={[
          { label: t('orders.orderedAt'), text: 'nowrap', cell: (order) => fmt.date(order.orderedAt) },
          { label: t('orders.channel'), cell: (order) => <ChannelName t={t} channel={order.channel} /> },
          {
            label: t('orders.externalId'),
            cell: (order) => <CodeLink to={`/orders/view/${order.id}`}>{order.externalId}</CodeLink>,
          },
          {
            label: t('orders.lines'),
            cell: (order) =>
              order.lines.map((l) => (
                <Text key={l.lineNo} size="xs">
                  <span translate="no">{l.sku}</span>
                  {` × ${fmt.int(l.quantity)}`}
                </Text>
              )),
          },
          {
            label: t('orders.total'),
            numeric: true,
            cell: (order) =>
              order.currency ? fmt.money(total(order), order.currency) : fmt.num(total(order)),
          },
          {
            label: t('orders.status'),
            cell: (order) => (
              <Group gap={4}>
                <StatusBadge color={ORDER_STATUS_COLORS[order.status]}>
                  {t(`orders.status.${order.status}`)}
                </StatusBadge>
                {order.backordered ? (
                  <StatusBadge color="orange">{t('orders.backordered')}</StatusBadge>
                ) : null}
              </Group>
            ),
          },
        ]}
      />
      <LoadMore query={orders} />
    </Stack>
  );
}
