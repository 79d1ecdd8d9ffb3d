import { Badge, Text } from '@mantine/core';
import type { PurchaseOrder } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { STATUS_COLORS } from './status';

/** The order's status as the large badge its detail and receiving pages lead with. */
export function OrderStatusBadge({ order }: { order: PurchaseOrder }) {
  const { t } = useI18n();
  return (
    <Badge color={STATUS_COLORS[order.status]} variant="light" size="lg" data-testid="po-status">
      {t(`po.status.${order.status}`)}
    </Badge>
  );
}

/** "Received x of y units" for the whole order. */
export function ReceivedOfText({ order, testId }: { order: PurchaseOrder; testId?: string }) {
  const { t, fmt } = useI18n();
  return (
    <Text size="sm" data-testid={testId}>
      {t('po.receivedOf', {
        received: fmt.int(order.totals.receivedUnits),
        ordered: fmt.int(order.totals.units),
      })}
    </Text>
  );
}
