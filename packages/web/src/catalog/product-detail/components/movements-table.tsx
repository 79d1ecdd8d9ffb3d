import { Table, Text } from '@mantine/core';
import { LoadMore } from '../../../components/common/load-more';
import type { Movement } from '../../../api/types';
import { NothingHere } from '../../../components/common/not-available';
import { useMovements } from '../../../ledger/movements.hooks';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/translate';
import { QueryStates } from '../../../components/common/query-states';
import { TableSection } from '../../../components/common/data-table';

const TYPE_KEYS: Record<string, MessageKey> = {
  receipt: 'movement.receipt',
  shipment: 'movement.shipment',
  return: 'movement.return',
  transfer_out: 'movement.transfer_out',
  transfer_in: 'movement.transfer_in',
  adjustment: 'movement.adjustment',
  removal: 'movement.removal',
  inbound: 'movement.inbound',
  reservation: 'movement.reservation',
};

const REASON_KEYS: Record<string, MessageKey> = {
  count: 'reason.count',
  damaged: 'reason.damaged',
  lost: 'reason.lost',
  found: 'reason.found',
  expired: 'reason.expired',
  other: 'reason.other',
  sellable: 'reason.sellable',
  unfulfillable: 'reason.unfulfillable',
};

function Delta({ value }: { value: number }) {
  const { fmt } = useI18n();
  if (value === 0)
    return (
      <Text span c="dimmed">
        0
      </Text>
    );
  return (
    <Text span c={value > 0 ? 'teal.9' : 'red.9'} fw={500}>
      {value > 0 ? '+' : '−'}
      {fmt.int(Math.abs(value))}
    </Text>
  );
}

/** The balance columns, in header order. */
const DELTAS = ['onHandDelta', 'reservedDelta', 'inboundDelta', 'unfulfillableDelta'] as const;

function MovementRow({ movement }: { movement: Movement }) {
  const { t, fmt } = useI18n();
  const typeKey = TYPE_KEYS[movement.type];
  const reasonKey = movement.reason ? REASON_KEYS[movement.reason] : undefined;
  return (
    <Table.Tr>
      <Table.Td>{fmt.date(movement.occurredAt)}</Table.Td>
      <Table.Td>
        {typeKey ? t(typeKey) : <span translate="no">{movement.type}</span>}
        {movement.reason ? (
          <Text span size="xs" c="dimmed">
            {' · '}
            {reasonKey ? t(reasonKey) : <span translate="no">{movement.reason}</span>}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td translate="no">{movement.location}</Table.Td>
      {DELTAS.map((delta) => (
        <Table.Td key={delta} className="num">
          <Delta value={movement[delta]} />
        </Table.Td>
      ))}
      <Table.Td translate="no" ff="monospace" fz="xs">
        {movement.referenceId ?? '—'}
      </Table.Td>
    </Table.Tr>
  );
}

export function MovementsTable({ sku }: { sku: string }) {
  const { t } = useI18n();
  const movements = useMovements({ sku });
  const rows = movements.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <TableSection
      title={t('product.ledger')}
      titleId="ledger-title"
      above={
        <QueryStates
          query={movements}
          isEmpty={movements.isSuccess && rows.length === 0}
          empty={<NothingHere title={t('product.noMovements')} />}
        />
      }
      isEmpty={rows.length === 0}
      testId="movements-table"
      minWidth={760}
      scroll="area"
      columns={[
        t('product.date'),
        t('product.movementType'),
        t('field.location'),
        { label: t('field.onHand'), numeric: true },
        { label: t('field.reserved'), numeric: true },
        { label: t('field.inbound'), numeric: true },
        { label: t('field.unfulfillable'), numeric: true },
        t('product.reference'),
      ]}
      below={<LoadMore query={movements} mt="sm" />}
    >
      {rows.map((movement) => (
        <MovementRow key={movement.id} movement={movement} />
      ))}
    </TableSection>
  );
}
