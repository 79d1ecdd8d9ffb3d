import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/common/error-alert';
import { PageHeader } from '../../../components/common/page-header';
import { PageLoader } from '../../../components/common/page-loader';
import { purchaseOrderExportUrl, usePurchaseOrder, useSendPurchaseOrder } from '../../purchasing.hooks';
import { useI18n } from '../../../i18n/i18n-context';
import { RECEIVABLE, STATUS_COLORS } from '../status';

export default function PurchaseOrderPage() {
  const { t, fmt } = useI18n();
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
            <>
              {order.status === 'draft' ? (
                <Button
                  onClick={() => {
                    send.mutate();
                  }}
                  loading={send.isPending}
                  data-testid="po-send"
                >
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
          ) : null
        }
      />
      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {send.isError ? <ErrorAlert error={send.error} /> : null}
      {order ? (
        <>
          <Group gap="lg">
            <Badge color={STATUS_COLORS[order.status]} variant="light" size="lg" data-testid="po-status">
              {t(`po.status.${order.status}`)}
            </Badge>
            <Text size="sm">
              {t('po.receivedOf', {
                received: fmt.int(order.totals.receivedUnits),
                ordered: fmt.int(order.totals.units),
              })}
            </Text>
            <Text size="sm">{`${t('po.total')}: ${fmt.money(order.totals.total, order.currency)}`}</Text>
            {order.expectedOn ? (
              <Text size="sm">{`${t('po.expected')}: ${fmt.date(order.expectedOn)}`}</Text>
            ) : null}
          </Group>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={720}>
              <Table striped style={{ whiteSpace: 'nowrap' }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('field.sku')}</Table.Th>
                    <Table.Th>{t('po.barcode')}</Table.Th>
                    <Table.Th className="num">{t('po.ordered')}</Table.Th>
                    <Table.Th className="num">{t('po.received')}</Table.Th>
                    <Table.Th className="num">{t('po.unitCost')}</Table.Th>
                    <Table.Th className="num">{t('po.lineTotal')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {order.lines.map((line) => (
                    <Table.Tr key={line.lineNo}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/products/${encodeURIComponent(line.sku)}`}
                          ff="monospace"
                          size="sm"
                          translate="no"
                        >
                          {line.sku}
                        </Anchor>
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
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Anchor component={Link} to="/purchase-orders" size="sm">
            {t('po.backToList')}
          </Anchor>
        </>
      ) : null}
    </Stack>
  );
}
