import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/common/error-alert';
import { PageLoader } from '../../components/common/page-loader';
import { usePurchaseOrder } from '../../replenishment/purchasing.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { LabelSheet } from './components/label-sheet';
import { LabelledSegments } from './components/labelled-segments';

type Per = 'unit' | 'line';

/** Labels for a purchase order: one per ordered unit (to stick on each item) or one per line (`?per=`). */
export default function PurchaseOrderLabelsPage() {
  const { t } = useI18n();
  const number = useParams()['number'] ?? '';
  const [params, setParams] = useSearchParams();
  const per: Per = params.get('per') === 'line' ? 'line' : 'unit';
  const query = usePurchaseOrder(number);
  const order = query.data;
  const requests = useMemo(
    () =>
      order
        ? order.lines.map((line) => ({
            item: { sku: line.sku, title: line.title, barcode: line.barcode },
            count: per === 'unit' ? line.quantity : 1,
          }))
        : [],
    [order, per],
  );

  if (query.isError) return <ErrorAlert error={query.error} />;
  if (!order) return <PageLoader />;
  return (
    <LabelSheet
      title={t('labels.title')}
      description={<span translate="no">{`${order.number} · ${order.supplier.name}`}</span>}
      requests={requests}
      back={{ to: `/purchase-orders/${encodeURIComponent(number)}`, label: t('receive.backToOrder') }}
      controls={
        <LabelledSegments
          id="labels-per"
          label={t('labels.per')}
          value={per}
          onChange={(value) => {
            setParams(
              (prev) => {
                prev.set('per', value);
                return prev;
              },
              { replace: true },
            );
          }}
          data={[
            { value: 'unit', label: t('labels.perUnit') },
            { value: 'line', label: t('labels.perLine') },
          ]}
          testId="labels-per"
        />
      }
    />
  );
}
