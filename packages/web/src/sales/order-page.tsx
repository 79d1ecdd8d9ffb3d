import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { DataTable } from '../components/common/data-table';
import { SkuLink } from '../components/common/entity-link';
import { FailureAlert } from '../components/common/error-alert';
import { PageHeader } from '../components/common/page-header';
import { PageLoader } from '../components/common/page-loader';
import { usePermission } from '../accounts/use-permission';
import { ChannelName } from '../channels/channel-name';
import { useI18n } from '../i18n/i18n-context';
import { ORDER_STATUS_COLORS } from './order-status';
import { returnableLines, useOrder, useOrderAction, type Order } from './orders.hooks';

const openUnits = (order: Order) =>
  order.lines.reduce((s, l) => s + l.quantity - l.quantityShipped - l.quantityCancelled, 0);

const ACTIONS = ['ship', 'cancel', 'return'] as const;

/** What the order's lines leave to do: ship or cancel open units (a pending order has nothing reserved to ship), return shipped ones. */
function allowed(order: Order, kind: (typeof ACTIONS)[number]): boolean {
  if (kind === 'return') return returnableLines(order).length > 0;
  return openUnits(order) > 0 && (kind === 'cancel' || order.status !== 'pending');
}

function OrderLines({ order }: { order: Order }) {
  const { t, fmt } = useI18n();
  return (
    <DataTable
      minWidth={640}
      scroll="area"
      nowrap
      testId="order-lines"
      items={order.lines}
      rowKey={(line) => line.lineNo}
      rowData={(line) => ({ 'data-testid': `order-line-${line.sku}` })}
      columns={[
        { label: t('field.sku'), cell: (line) => <SkuLink sku={line.sku} /> },
        { label: t('po.ordered'), numeric: true, cell: (line) => fmt.int(line.quantity) },
        {
          label: t('orders.shipped'),
          numeric: true,
          testId: 'line-shipped',
          cell: (line) => fmt.int(line.quantityShipped),
        },
        { label: t('orders.cancelled'), numeric: true, cell: (line) => fmt.int(line.quantityCancelled) },
        {
          label: t('orders.returned'),
          numeric: true,
          testId: 'line-returned',
          cell: (line) => fmt.int(line.quantityReturned),
        },
        {
          label: t('field.location'),
          text: 'verbatim',
          cell: (line) => line.allocations.map((a) => a.location).join(', ') || '—',
        },
      ]}
    />
  );
}

/** One order: its lines with what shipped, was cancelled or came back, and the ship / cancel / return actions. */
export default function OrderPage() {
  const { t, fmt } = useI18n();
  const id = Number(useParams()['id']);
  const query = useOrder(id);
  const action = useOrderAction(id);
  const canWrite = usePermission('inventory:write');
  const order = query.data;
  return (
    <Stack gap="md">
      <PageHeader
        title={<span translate="no">{order?.externalId ?? ''}</span>}
        description={order ? <ChannelName t={t} channel={order.channel} /> : undefined}
        actions={
          order && canWrite
            ? ACTIONS.filter((kind) => allowed(order, kind)).map((kind) => (
                <Button
                  key={kind}
                  variant={kind === 'ship' ? 'filled' : 'default'}
                  onClick={() => {
                    action.mutate({ action: kind, order });
                  }}
                  loading={action.isPending && action.variables.action === kind}
                  data-testid={`order-${kind}`}
                >
                  {t(`orders.${kind}`)}
                </Button>
              ))
            : null
        }
      />
      {query.isPending ? <PageLoader /> : null}
      <FailureAlert of={query} />
      <FailureAlert of={action} />
      {order ? (
        <>
          <Group gap="lg">
            <Badge
              variant="light"
              color={ORDER_STATUS_COLORS[order.status]}
              miw="max-content"
              data-testid="order-status"
            >
              {t(`orders.status.${order.status}`)}
            </Badge>
            <Text size="sm">{`${t('orders.orderedAt')}: ${fmt.date(order.orderedAt)}`}</Text>
          </Group>
          <OrderLines order={order} />
          <Anchor component={Link} to="/orders" size="sm">
            {t('orders.backToList')}
          </Anchor>
        </>
      ) : null}
    </Stack>
  );
}
