import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import type { PurchaseOrder } from '../../../api/types';
import { DataTable } from '../../../components/common/data-table';
import { SkuWithTitle } from '../../../components/common/entity-link';
import { FailureAlert } from '../../../components/common/error-alert';
import { PageHeader } from '../../../components/common/page-header';
import { PageLoader } from '../../../components/common/page-loader';
import {
  purchaseOrderExportUrl,
  useCancelPurchaseOrder,
  usePurchaseOrder,
  useSendPurchaseOrder,
} from '../../purchasing.hooks';
import { ConfirmActions } from '../../../components/common/confirm-button';
import { useI18n } from '../../../i18n/i18n-context';
import { RECEIVABLE } from '../status';
import { OrderStatusBadge, ReceivedOfText } from '../order-status';
import { EditOrderModal } from './edit-order-modal';

/** Send, edit, cancel, receive, labels and exports: what an order allows in its status. */
function OrderActions({
  number,
  order,
  onSend,
  sending,
  onEdit,
  onCancel,
}: {
  number: string;
  order: PurchaseOrder;
  onSend: () => void;
  sending: boolean;
  onEdit: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const cancellable =
    order.status === 'draft' || (order.status === 'sent' && order.totals.receivedUnits === 0);
  return (
    <>
      {order.status === 'draft' ? (
        <>
          <Button onClick={onSend} loading={sending} data-testid="po-send">
            {t('po.send')}
          </Button>
          <Button variant="default" onClick={onEdit} data-testid="po-edit">
            {t('po.edit')}
          </Button>
        </>
      ) : null}
      {cancellable ? (
        <Button variant="default" color="red" onClick={onCancel} data-testid="po-cancel">
          {t('po.cancelOrder')}
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
      items={order.lines}
      rowKey={(line) => line.lineNo}
      columns={[
        { label: t('field.sku'), cell: (line) => <SkuWithTitle sku={line.sku} title={line.title} /> },
        { label: t('po.barcode'), text: 'code', cell: (line) => line.barcode ?? '—' },
        { label: t('po.ordered'), numeric: true, cell: (line) => fmt.int(line.quantity) },
        { label: t('po.received'), numeric: true, cell: (line) => fmt.int(line.receivedQuantity) },
        { label: t('po.unitCost'), numeric: true, cell: (line) => fmt.money(line.unitCost, order.currency) },
        {
          label: t('po.lineTotal'),
          numeric: true,
          cell: (line) => fmt.money(line.lineTotal, order.currency),
        },
      ]}
    />
  );
}

/** Asks before cancelling: the order stays listed as cancelled. */
function CancelOrderDialog({ number, onClose }: { number: string; onClose: () => void }) {
  const { t } = useI18n();
  const cancel = useCancelPurchaseOrder(number);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('po.cancelOrder')}
      closeButtonProps={{ 'aria-label': t('po.keep') }}
    >
      <Stack gap="sm">
        <FailureAlert of={cancel} />
        <Text size="sm">{t('po.cancelConfirm', { number })}</Text>
        <ConfirmActions
          cancelLabel={t('po.keep')}
          label={t('po.cancelOrder')}
          loading={cancel.isPending}
          onCancel={onClose}
          onConfirm={() => {
            cancel.mutate(undefined, { onSuccess: onClose });
          }}
          testId="po-cancel-confirm"
        />
      </Stack>
    </Modal>
  );
}

export default function PurchaseOrderPage() {
  const { t } = useI18n();
  const number = useParams()['number'] ?? '';
  const query = usePurchaseOrder(number);
  const send = useSendPurchaseOrder(number);
  const [editing, edit] = useDisclosure(false);
  const [cancelling, cancel] = useDisclosure(false);
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
              onEdit={edit.open}
              onCancel={cancel.open}
            />
          ) : null
        }
      />
      {query.isPending ? <PageLoader /> : null}
      <FailureAlert of={query} />
      <FailureAlert of={send} />
      {order ? (
        <>
          <OrderSummary order={order} />
          <OrderLines order={order} />
          <Anchor component={Link} to="/purchase-orders" size="sm">
            {t('po.backToList')}
          </Anchor>
          {editing ? <EditOrderModal order={order} onClose={edit.close} /> : null}
          {cancelling ? <CancelOrderDialog number={number} onClose={cancel.close} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
