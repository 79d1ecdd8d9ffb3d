import { Badge, Button, Checkbox, Group, NumberInput, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { RestockRecommendation } from '../../api/types';
import { DataTable } from '../../components/common/data-table';
import { SkuLink } from '../../components/common/entity-link';
import { lineKey } from '../purchasing.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { ALERT_COLORS } from './alerts';
import { HeldBackNote } from './held-back';
import { ReasoningRow } from './reasoning-row';

const COLUMNS = 10;
const TRANSFER_EDGE = { boxShadow: 'inset 4px 0 0 var(--mantine-color-teal-7)' };

/** Which purchasable lines are ticked and the quantities the buyer typed over the recommendation. */
export interface RestockSelection {
  selected: ReadonlySet<string>;
  allSelected: boolean;
  toggle: (key: string) => void;
  toggleAll: () => void;
  quantityOf: (key: string, fallback: number) => number;
  setQuantity: (key: string, quantity: number) => void;
}

function QuantityCell({ rec, selection }: { rec: RestockRecommendation; selection: RestockSelection }) {
  const { t, fmt } = useI18n();
  const key = lineKey(rec.sku, rec.location);
  return (
    <Table.Td className="num" translate="no">
      {rec.action === 'purchase' ? (
        <NumberInput
          size="xs"
          w={100}
          min={0}
          step={1}
          allowDecimal={false}
          allowNegative={false}
          aria-label={t('restock.quantityFor', { sku: rec.sku, location: rec.location })}
          value={selection.quantityOf(key, rec.recommendedQuantity)}
          onChange={(value) => {
            selection.setQuantity(key, typeof value === 'number' ? value : Number(value) || 0);
          }}
          styles={{ input: { textAlign: 'right' } }}
        />
      ) : (
        fmt.int(rec.recommendedQuantity)
      )}
    </Table.Td>
  );
}

/** Transfers (from → to) and purchases (from a supplier) look different at a glance. */
function ActionCell({ rec }: { rec: RestockRecommendation }) {
  const { t } = useI18n();
  const transfer = rec.action === 'transfer';
  return (
    <Table.Td>
      <Group gap={6} wrap="nowrap">
        <Badge
          color={transfer ? 'teal.9' : 'gray'}
          variant={transfer ? 'filled' : 'light'}
          miw="max-content"
          data-testid="restock-action"
        >
          {t(`restock.action.${rec.action}`)}
        </Badge>
        {rec.source ? (
          <Text span size="sm" translate="no" data-testid="restock-route">
            {transfer ? `${rec.source} → ${rec.location}` : rec.source}
          </Text>
        ) : null}
      </Group>
    </Table.Td>
  );
}

function RestockRow({
  rec,
  selection,
  open,
  onToggleOpen,
}: {
  rec: RestockRecommendation;
  selection: RestockSelection;
  open: boolean;
  onToggleOpen: () => void;
}) {
  const { t, fmt } = useI18n();
  const key = lineKey(rec.sku, rec.location);
  const reasoning = typeof rec.reasoning === 'object' && rec.reasoning !== null ? rec.reasoning : null;
  return (
    <>
      <Table.Tr
        data-sku={rec.sku}
        data-location={rec.location}
        data-action={rec.action}
        data-held-back={rec.reasoning.heldBack?.reason}
      >
        {/* A stripe down the left edge marks transfers (the badge says it in words). */}
        <Table.Td translate="no" style={rec.action === 'transfer' ? TRANSFER_EDGE : undefined}>
          {rec.action === 'purchase' ? (
            <Checkbox
              aria-label={t('restock.select', { sku: rec.sku, location: rec.location })}
              checked={selection.selected.has(key)}
              onChange={() => {
                selection.toggle(key);
              }}
              data-testid={`select-${rec.sku}-${rec.location}`}
            />
          ) : null}
        </Table.Td>
        <Table.Td>
          <SkuLink sku={rec.sku} />
          {rec.title ? (
            <Text size="xs" c="dimmed" truncate maw={260} translate="no">
              {rec.title}
            </Text>
          ) : null}
        </Table.Td>
        <Table.Td translate="no">{rec.location}</Table.Td>
        <ActionCell rec={rec} />
        <Table.Td>
          {rec.alert ? (
            <Badge color={ALERT_COLORS[rec.alert]} variant="light" miw="max-content">
              {t(`alert.${rec.alert}`)}
            </Badge>
          ) : (
            '—'
          )}
          {rec.reasoning.heldBack ? <HeldBackNote heldBack={rec.reasoning.heldBack} rec={rec} /> : null}
        </Table.Td>
        <QuantityCell rec={rec} selection={selection} />
        <Table.Td>{rec.orderByDate ? fmt.date(rec.orderByDate) : '—'}</Table.Td>
        <Table.Td>{rec.shipDate ? fmt.date(rec.shipDate) : '—'}</Table.Td>
        <Table.Td className="num">{rec.daysOfSupply === null ? '—' : fmt.num(rec.daysOfSupply, 0)}</Table.Td>
        <Table.Td>
          {reasoning ? (
            <Button size="compact-xs" variant="subtle" aria-expanded={open} onClick={onToggleOpen}>
              {t('restock.why')}
            </Button>
          ) : null}
        </Table.Td>
      </Table.Tr>
      {reasoning && open ? <ReasoningRow reasoning={reasoning} colSpan={COLUMNS} /> : null}
    </>
  );
}

/** One row per recommendation: tick and adjust the purchases, open "why" for the arithmetic. */
export function RestockTable({
  rows,
  selection,
}: {
  rows: readonly RestockRecommendation[];
  selection: RestockSelection;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <DataTable
      minWidth={1100}
      scroll="area"
      highlightOnHover
      nowrap
      columns={[
        {
          w: 40,
          label: (
            <Checkbox
              aria-label={t('restock.selectAll')}
              checked={selection.allSelected}
              indeterminate={!selection.allSelected && selection.selected.size > 0}
              onChange={selection.toggleAll}
            />
          ),
        },
        t('field.sku'),
        t('field.location'),
        t('restock.action'),
        t('restock.alert'),
        { label: t('restock.quantity'), numeric: true },
        t('restock.orderBy'),
        t('restock.shipDate'),
        { label: t('restock.daysOfSupply'), numeric: true },
        { label: <span className="sr-only">{t('restock.why')}</span> },
      ]}
    >
      {rows.map((rec) => {
        // A SKU × location may have a transfer and a purchase line: the action and source tell them apart.
        const key = `${rec.action}\u0001${rec.source ?? ''}\u0001${lineKey(rec.sku, rec.location)}`;
        return (
          <RestockRow
            key={key}
            rec={rec}
            selection={selection}
            open={open === key}
            onToggleOpen={() => {
              setOpen(open === key ? null : key);
            }}
          />
        );
      })}
    </DataTable>
  );
}
