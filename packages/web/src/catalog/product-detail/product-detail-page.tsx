import { Anchor, Breadcrumbs, Button, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { isNotFound } from '../../api/client';
import { ErrorAlert, FailureAlert } from '../../components/common/error-alert';
import { NothingHere } from '../../components/common/not-available';
import { PageHeader } from '../../components/common/page-header';
import { PageLoader } from '../../components/common/page-loader';
import { useBalances, useLayers } from '../../ledger/inventory.hooks';
import { useProduct } from '../products.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { BalancesTable } from './components/balances-table';
import { ForecastPanel } from '../../forecasting/forecast-panel';
import { ProjectionPanel } from '../../replenishment/projection/projection-panel';
import { LayersTable } from './components/layers-table';
import { MovementsTable } from './components/movements-table';
import { ProductFacts } from './components/product-facts';

export default function ProductDetailPage() {
  const { sku = '' } = useParams();
  const { t } = useI18n();
  const product = useProduct(sku);
  const balances = useBalances({ sku });
  const layers = useLayers({ sku });

  if (product.isPending) return <PageLoader />;
  if (product.isError) {
    return isNotFound(product.error) ? (
      <NothingHere title={t('product.notFound')} description={t('product.notFoundHint', { sku })} />
    ) : (
      <ErrorAlert error={product.error} />
    );
  }
  const p = product.data;
  const locations = (balances.data?.items ?? []).map((b) => b.location);

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/inventory" size="sm">
          {t('nav.inventory')}
        </Anchor>
        <Text size="sm" translate="no">
          {p.sku}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={
          <span translate="no" data-testid="product-title">
            {p.title}
          </span>
        }
        description={
          <span translate="no" data-testid="product-sku">
            {p.sku}
          </span>
        }
        actions={
          <Button
            component={Link}
            to={`/products/${encodeURIComponent(p.sku)}/labels`}
            variant="default"
            data-testid="product-labels"
          >
            {t('labels.title')}
          </Button>
        }
      />
      <ProductFacts product={p} />
      <FailureAlert of={balances} />
      {balances.data ? <BalancesTable balances={balances.data.items} /> : null}
      <ForecastPanel sku={p.sku} locations={locations} />
      <ProjectionPanel sku={p.sku} />
      <FailureAlert of={layers} />
      {layers.data ? <LayersTable layers={layers.data} currency={p.currency} /> : null}
      <MovementsTable sku={p.sku} />
    </Stack>
  );
}
