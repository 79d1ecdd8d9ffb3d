import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { PurchaseOrder } from '../../../api/types';
import { DataTable } from '../../../components/common/data-table';
import { SkuLink } from '../../../components/common/entity-link';
import { ErrorAlert } from '../../../components/common/error-alert';
import { PageHeader } from '../../../components/common/page-header';
import { PageLoader } from '../../../components/common/page-loader';
import { purchaseOrderExportUrl, usePurchaseOrder, useSendPurchaseOrder } from '../../purchasing.hooks';
import { useI18n } from '../../../i18n/i18n-context';
import { RECEIVABLE } from '../status';
import { OrderStatusBadge, ReceivedOfText } from '../order-status';

/** Send, receive, labels and exports: what an order allows in its status. */
function OrderActions({
  number,
  order,
  onSend,
  sending,
}: {
  number: string;
  order: PurchaseOrder;
  onSend: () => void;
  sending: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      {order.status === 'draft' ? (
        <Button onClick={onSend} loading={sending} data-testid="po-send">
          {t('po.send')}
        </Button>
      ) : null}
      {RECEIVABLE.has(order.status) ? (
        <Button
          component={Link}
          to={`/purchase-orders/${encodeURIComponent(number)}/receive`}
          data-testid="po-receive"
        >
          {t('po.receive')}
        </Button>
      ) : null}
      <Button
        component={Link}
        variant="default"
        to={`/purchase-orders/${encodeURIComponent(number)}/labels`}
        data-testid="po-labels"
      >
        {t('labels.title')}
      </Button>
      <Button component="a" variant="default" href={purchaseOrderExportUrl(number, 'csv')} download>
        {t('po.exportCsv')}
      </Button>
      <Button
        component="a"
        variant="default"
        href={purchaseOrderExportUrl(number, 'pdf')}
        target="_blank"
        rel="noopener"
      >
        {t('po.exportPdf')}
      </Button>
    </>
  );
}

function OrderSummary({ order }: { order: PurchaseOrder }) {
  const { t, fmt } = useI18n();
  return (
    <Group gap="lg">
      <OrderStatusBadge order={order} />
      <ReceivedOfText order={order} />
      <Text size="sm">{`${t('po.total')}: ${fmt.money(order.totals.total, order.currency)}`}</Text>
      {order.expectedOn ? (
        <Text size="sm">{`${t('po.expected')}: ${fmt.date(order.expectedOn)}`}</Text>
      ) : null}
    </Group>
  );
}

function OrderLines({ order }: { order: PurchaseOrder }) {
  const { t, fmt } = useI18n();
  return (
    <DataTable
      minWidth={720}
      scroll="area"
      nowrap
      columns={[
        t('field.sku'),
        t('po.barcode'),
        { label: t('po.ordered'), numeric: true },
        { label: t('po.received'), numeric: true },
        { label: t('po.unitCost'), numeric: true },
        { label: t('po.lineTotal'), numeric: true },
      ]}
    >
      {order.lines.map((line) => (
        <Table.Tr key={line.lineNo}>
          <Table.Td>
            <SkuLink sku={line.sku} />
            <Text size="xs" c="dimmed" truncate maw={260} translate="no">
              {line.title}
            </Text>
          </Table.Td>
          <Table.Td ff="monospace" translate="no">
            {line.barcode ?? '—'}
          </Table.Td>
          <Table.Td className="num">{fmt.int(line.quantity)}</Table.Td>
          <Table.Td className="num">{fmt.int(line.receivedQuantity)}</Table.Td>
          <Table.Td className="num">{fmt.money(line.unitCost, order.currency)}</Table.Td>
          <Table.Td className="num">{fmt.money(line.lineTotal, order.currency)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

export default function PurchaseOrderPage() {
  const { t } = useI18n();
  const number = useParams()['number'] ?? '';
  const query = usePurchaseOrder(number);
  const send = useSendPurchaseOrder(number);
  const order = query.data;
  return (
    <Stack gap="md">
      <PageHeader
        title={<span translate="no">{number}</span>}
        description={order ? `${order.supplier.name} → ${order.location}` : undefined}
        actions={
          order ? (
            <OrderActions
              number={number}
              order={order}
              sending={send.isPending}
              onSend={() => {
                send.mutate();
              }}
            />
          ) : null
        }
      />
      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {send.isError ? <ErrorAlert error={send.error} /> : null}
      {order ? (
        <>
          <OrderSummary order={order} />
          <OrderLines order={order} />
          <Anchor component={Link} to="/purchase-orders" size="sm">
            {t('po.backToList')}
          </Anchor>
        </>
      ) : null}
    </Stack>
  );
}
