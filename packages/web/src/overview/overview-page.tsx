import { Grid, SimpleGrid, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { ErrorAlert } from '../components/common/error-alert';
import { PageHeader } from '../components/common/page-header';
import { PageLoader } from '../components/common/page-loader';
import { useInventorySummary } from '../ledger/inventory.hooks';
import { useI18n } from '../i18n/i18n-context';
import { AgeBuckets } from './components/age-buckets';
import { IpiCard } from './components/ipi-card';
import { LocationTable } from './components/location-table';
import { RestockCard } from './components/restock-card';
import { StatCard } from './components/stat-card';
import { StockOutList } from './components/stock-out-list';
import { ageBucketsOf, mainValue } from './summary';

export default function OverviewPage() {
  const { t, fmt } = useI18n();
  // One request for every figure below: the server sums in SQL, so 100k SKUs cost the browser nothing.
  const query = useInventorySummary();
  const summary = query.data ?? null;
  const error = query.error;
  const ageBuckets = useMemo(() => (summary ? ageBucketsOf(summary) : []), [summary]);
  const value = summary ? mainValue(summary) : null;

  return (
    <Stack gap="md">
      <PageHeader title={t('overview.title')} description={t('overview.subtitle')} />
      {error ? <ErrorAlert error={error} /> : null}
      {!summary && !error ? <PageLoader /> : null}
      {summary ? (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="overview-stats">
            <StatCard
              testId="stat-skus"
              label={t('overview.skus')}
              value={fmt.int(summary.skus)}
              hint={t('overview.replenishable', { count: fmt.int(summary.replenishableSkus) })}
            />
            <StatCard
              testId="stat-on-hand"
              label={t('field.onHand')}
              value={fmt.int(summary.onHand)}
              hint={t('overview.availableHint', { count: fmt.int(summary.available) })}
            />
            <StatCard testId="stat-inbound" label={t('field.inbound')} value={fmt.int(summary.inbound)} />
            <StatCard
              testId="stat-unfulfillable"
              label={t('field.unfulfillable')}
              value={fmt.int(summary.unfulfillable)}
            />
            <StatCard
              testId="stat-stock-outs"
              label={t('overview.stockOuts')}
              value={fmt.int(summary.stockOuts.count)}
              hint={t('overview.stockOutsHint', { skus: fmt.int(summary.stockOuts.skuCount) })}
            />
            <StatCard
              testId="stat-aged"
              label={t('overview.aged')}
              value={fmt.int(summary.agedUnits)}
              hint={t('overview.agedHint')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <StatCard
              testId="stat-volume"
              label={t('overview.storageVolume')}
              value={t('overview.cubicFeet', { value: fmt.num(summary.cubicFeet, 1) })}
              hint={t('overview.storageVolumeHint')}
            />
            <StatCard
              testId="stat-value"
              label={t('overview.inventoryValue')}
              value={value ? fmt.money(value.amount, value.currency) : '—'}
              hint={t('overview.inventoryValueHint')}
            />
          </SimpleGrid>
          <LocationTable locations={summary.locations} />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <AgeBuckets buckets={ageBuckets} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <StockOutList skus={summary.stockOuts.skus} count={summary.stockOuts.skuCount} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <IpiCard />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <RestockCard />
            </Grid.Col>
          </Grid>
        </>
      ) : null}
    </Stack>
  );
}
