import { Badge, Paper, Table, Title } from '@mantine/core';
import type { AgeLayer } from '../../../api/types';
import { NothingHere } from '../../../components/common/not-available';
import { ageBucketLabel } from '../../../health/age-buckets';
import { useI18n } from '../../../i18n/i18n-context';

export function LayersTable({ layers, currency }: { layers: AgeLayer[]; currency: string }) {
  const { t, fmt } = useI18n();
  const sorted = [...layers].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm" id="layers-title">
        {t('product.layers')}
      </Title>
      {sorted.length === 0 ? (
        <NothingHere title={t('product.noLayers')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-labelledby="layers-title" data-testid="layers-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('field.location')}</Table.Th>
                <Table.Th>{t('product.received')}</Table.Th>
                <Table.Th className="num">{t('product.age')}</Table.Th>
                <Table.Th>{t('product.ageBucket')}</Table.Th>
                <Table.Th className="num">{t('product.remaining')}</Table.Th>
                <Table.Th className="num">{t('product.unitCost')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
