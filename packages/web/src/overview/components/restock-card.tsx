import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { RestockAlert } from '../../api/types';
import { FailureAlert } from '../../components/common/error-alert';
import { NotAvailable } from '../../components/common/not-available';
import { PageLoader } from '../../components/common/page-loader';
import { useRestockPlan } from '../../replenishment/restock.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { ALERT_COLORS, alertCounts } from '../../replenishment/restock/alerts';

const ORDER: RestockAlert[] = ['out_of_stock', 'reorder_now', 'reorder_soon'];

/** SKU × location positions per alert in the server's default plan (the restock page's first view). */
export function RestockCard() {
  const { t, fmt } = useI18n();
  const restock = useRestockPlan();
  const counts = alertCounts(restock.data?.items ?? []);
  return (
    <Paper withBorder radius="md" p="md" h="100%" data-testid="restock-card">
      <Title order={2} size="h4" mb="xs">
        {t('overview.restockTitle')}
      </Title>
      {restock.isPending ? <PageLoader /> : null}
      <FailureAlert of={restock} />
      {restock.data === null ? <NotAvailable description={t('overview.restockNotAvailable')} /> : null}
      {restock.data ? (
        <Stack gap="xs">
          {ORDER.map((alert) => (
            <Group key={alert} justify="space-between" data-testid={`restock-card-${alert}`}>
              <Badge color={ALERT_COLORS[alert]} variant="light">
                {t(`alert.${alert}`)}
              </Badge>
              <Text fw={600} className="num" data-value>
                {fmt.int(counts.get(alert) ?? 0)}
              </Text>
            </Group>
          ))}
          <Anchor component={Link} to="/restock" size="sm">
            {t('overview.openRestock')}
          </Anchor>
        </Stack>
      ) : null}
    </Paper>
  );
}
