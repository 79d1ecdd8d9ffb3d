import { Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { AllOrOneSelect } from '../components/common/all-or-one-select';
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
  const all = t('orders.all');
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <AllOrOneSelect
          label={t('orders.channel')}
          allLabel={all}
          options={ORDER_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))}
          value={filter.channel}
          onChange={(channel) => {
            setFilter((f) => ({ ...f, channel }));
          }}
          w={180}
          testId="orders-channel"
        />
        <AllOrOneSelect
          label={t('orders.status')}
          allLabel={all}
          options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) }))}
          value={filter.status}
          onChange={(status) => {
            setFilter((f) => ({ ...f, status }));
          }}
          w={180}
          testId="orders-status"
        />
      </Group>
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
