import { StatusBadge } from '../../../components/common/status-badge';
import type { AgeLayer } from '../../../api/types';
import { TableSection } from '../../../components/common/data-table';
import { NothingHere } from '../../../components/common/not-available';
import { ageBucketLabel } from '../../../health/age-buckets';
import { useI18n } from '../../../i18n/i18n-context';

export function LayersTable({ layers, currency }: { layers: AgeLayer[]; currency: string }) {
  const { t, fmt } = useI18n();
  const sorted = [...layers].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  return (
    <TableSection
      title={t('product.layers')}
      titleId="layers-title"
      isEmpty={sorted.length === 0}
      empty={<NothingHere title={t('product.noLayers')} />}
      testId="layers-table"
      minWidth={560}
      scroll="area"
      items={sorted}
      rowKey={(layer) =>
        `${layer.location}-${layer.receivedAt}-${layer.quantityReceived}-${layer.quantityRemaining}`
      }
      columns={[
        { label: t('field.location'), text: 'verbatim', cell: (layer) => layer.location },
        { label: t('product.received'), cell: (layer) => fmt.date(layer.receivedAt) },
        {
          label: t('product.age'),
          numeric: true,
          cell: (layer) => t('common.days', { count: fmt.int(layer.ageDays) }),
        },
        {
          label: t('product.ageBucket'),
          cell: (layer) => (
            <StatusBadge color={layer.aged ? 'orange' : 'gray'}>
              {ageBucketLabel(t, layer.ageBucket)}
            </StatusBadge>
          ),
        },
        {
          label: t('product.remaining'),
          numeric: true,
          cell: (layer) =>
            t('product.remainingOf', {
              remaining: fmt.int(layer.quantityRemaining),
              received: fmt.int(layer.quantityReceived),
            }),
        },
        {
          label: t('product.unitCost'),
          numeric: true,
          cell: (layer) => (layer.unitCost === null ? '—' : fmt.money(layer.unitCost, currency)),
        },
      ]}
    />
  );
}
