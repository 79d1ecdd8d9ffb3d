import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { AllOrOneSelect } from '../components/common/all-or-one-select';
import { NothingHere } from '../components/common/not-available';
import { QueryTable } from '../components/common/query-table';
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
        columns={[
          t('orders.orderedAt'),
          t('orders.channel'),
          t('orders.externalId'),
          t('orders.lines'),
          { label: t('orders.total'), numeric: true },
          t('orders.status'),
        ]}
        row={(order) => (
          <Table.Tr key={order.id} data-testid={`order-${order.externalId}`}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(order.orderedAt)}</Table.Td>
            <Table.Td>
              <ChannelName t={t} channel={order.channel} />
            </Table.Td>
            <Table.Td>
              <CodeLink to={`/orders/view/${order.id}`}>{order.externalId}</CodeLink>
            </Table.Td>
            <Table.Td>
              {order.lines.map((l) => (
                <Text key={l.lineNo} size="xs">
                  <span translate="no">{l.sku}</span>
                  {` × ${fmt.int(l.quantity)}`}
                </Text>
              ))}
            </Table.Td>
            <Table.Td className="num">
              {order.currency ? fmt.money(total(order), order.currency) : fmt.num(total(order))}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={ORDER_STATUS_COLORS[order.status]} miw="max-content">
                {t(`orders.status.${order.status}`)}
              </Badge>
              {order.backordered ? (
                <Badge ml={4} variant="light" color="orange" miw="max-content">
                  {t('orders.backordered')}
                </Badge>
              ) : null}
            </Table.Td>
          </Table.Tr>
        )}
      />
      {orders.hasNextPage ? (
        <Group justify="center">
          <Button
            variant="default"
            loading={orders.isFetchingNextPage}
            onClick={() => void orders.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
