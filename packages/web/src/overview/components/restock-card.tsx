import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { RestockAlert } from '../../api/types';
import { ErrorAlert } from '../../components/common/error-alert';
import { NotAvailable } from '../../components/common/not-available';
import { PageLoader } from '../../components/common/page-loader';
import { useRestock } from '../../replenishment/restock.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { ALERT_COLORS } from '../../replenishment/restock/alerts';

const ORDER: RestockAlert[] = ['out_of_stock', 'reorder_now', 'reorder_soon'];

export function RestockCard() {
  const { t, fmt } = useI18n();
  const restock = useRestock();
  const counts = new Map<RestockAlert, number>();
  for (const rec of restock.data ?? [])
    if (rec.alert) counts.set(rec.alert, (counts.get(rec.alert) ?? 0) + 1);
  return (
    <Paper withBorder radius="md" p="md" h="100%" data-testid="restock-card">
      <Title order={2} size="h4" mb="xs">
        {t('overview.restockTitle')}
      </Title>
      {restock.isPending ? <PageLoader /> : null}
      {restock.isError ? <ErrorAlert error={restock.error} /> : null}
      {restock.data === null ? <NotAvailable description={t('overview.restockNotAvailable')} /> : null}
      {restock.data ? (
        <Stack gap="xs">
          {ORDER.map((alert) => (
            <Group key={alert} justify="space-between">
              <Badge color={ALERT_COLORS[alert]} variant="light">
                {t(`alert.${alert}`)}
              </Badge>
              <Text fw={600} className="num">
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
