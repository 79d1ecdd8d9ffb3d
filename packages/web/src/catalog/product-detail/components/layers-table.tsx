import { Badge, Table } from '@mantine/core';
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
      columns={[
        t('field.location'),
        t('product.received'),
        { label: t('product.age'), numeric: true },
        t('product.ageBucket'),
        { label: t('product.remaining'), numeric: true },
        { label: t('product.unitCost'), numeric: true },
      ]}
    >
      {sorted.map((layer) => (
        <Table.Tr
          key={`${layer.location}-${layer.receivedAt}-${layer.quantityReceived}-${layer.quantityRemaining}`}
        >
          <Table.Td translate="no">{layer.location}</Table.Td>
          <Table.Td>{fmt.date(layer.receivedAt)}</Table.Td>
          <Table.Td className="num">{t('common.days', { count: fmt.int(layer.ageDays) })}</Table.Td>
          <Table.Td>
            <Badge variant="light" color={layer.aged ? 'orange' : 'gray'}>
              {ageBucketLabel(t, layer.ageBucket)}
            </Badge>
          </Table.Td>
          <Table.Td className="num">
            {t('product.remainingOf', {
              remaining: fmt.int(layer.quantityRemaining),
              received: fmt.int(layer.quantityReceived),
            })}
          </Table.Td>
          <Table.Td className="num">
            {layer.unitCost === null ? '—' : fmt.money(layer.unitCost, currency)}
          </Table.Td>
        </Table.Tr>
      ))}
    </TableSection>
  );
}
