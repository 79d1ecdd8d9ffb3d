import { NumberInput } from '@mantine/core';
import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/common/error-alert';
import { PageLoader } from '../../components/common/page-loader';
import { useProduct } from '../products.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { MAX_LABELS } from '../../lib/barcode/labels';
import { LabelSheet } from './components/label-sheet';

/** Labels for one product, as many copies as asked (`?copies=`, kept in the URL). */
export default function ProductLabelsPage() {
  const { t } = useI18n();
  const sku = useParams()['sku'] ?? '';
  const [params, setParams] = useSearchParams();
  const copies = Math.min(MAX_LABELS, Math.max(1, Math.floor(Number(params.get('copies') ?? '1')) || 1));
  const product = useProduct(sku);
  const p = product.data;
  const requests = useMemo(
    () => (p ? [{ item: { sku: p.sku, title: p.title, barcode: p.barcode }, count: copies }] : []),
    [p, copies],
  );

  if (product.isError) return <ErrorAlert error={product.error} />;
  if (!p) return <PageLoader />;
  return (
    <LabelSheet
      title={t('labels.title')}
      description={<span translate="no">{`${p.sku} · ${p.title}`}</span>}
      requests={requests}
      back={{ to: `/products/${encodeURIComponent(p.sku)}`, label: t('labels.backToProduct') }}
      controls={
        <NumberInput
          label={t('labels.copies')}
          min={1}
          max={MAX_LABELS}
          allowDecimal={false}
          allowNegative={false}
          value={copies}
          onChange={(value) => {
            const n = typeof value === 'number' && value >= 1 ? value : 1;
            setParams(
              (prev) => {
                prev.set('copies', String(n));
                return prev;
              },
              { replace: true },
            );
          }}
          w={120}
          data-testid="labels-copies"
        />
      }
    />
  );
}
