import { Badge, Button, Checkbox, Group, NumberInput, Paper, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { RestockRecommendation } from '../../api/types';
import { SkuWithTitle } from '../../components/common/entity-link';
import { SortHeader } from '../../components/common/sort-header';
import { lineKey } from '../purchasing.hooks';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/translate';
import { ALERT_COLORS } from './alerts';
import { HeldBackNote } from './held-back';
import { ProjectionPanel } from '../projection/projection-panel';
import { ReasoningRow } from './reasoning-row';
import { SkuSettingsPanel } from './sku-settings-panel';
import './restock-table.css';
import { restockTotals, rowKey, type RestockGroup, type RestockSort, type SortKey } from './restock-model';

const COLUMNS = 11;
const TRANSFER_EDGE = { boxShadow: 'inset 4px 0 0 var(--mantine-color-teal-7)' };

/**
 * Which lines are ticked (by `rowKey`) and the quantities the buyer typed over a purchase's
 * recommendation (by SKU × location); the callbacks are stable, so unchanged rows do not re-render.
 */
export interface RestockSelection {
  selected: ReadonlySet<string>;
  allSelected: boolean;
  toggle: (key: string) => void;
  toggleAll: () => void;
  quantityOf: (key: string, fallback: number) => number;
  setQuantity: (key: string, quantity: number) => void;
}

type RowSelection = Pick<RestockSelection, 'toggle' | 'setQuantity'>;

function QuantityCell({
  rec,
  quantity,
  setQuantity,
}: {
  rec: RestockRecommendation;
  quantity: number;
  setQuantity: RowSelection['setQuantity'];
}) {
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
          value={quantity}
          onChange={(value) => {
            setQuantity(key, typeof value === 'number' ? value : Number(value) || 0);
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

const RestockRow = memo(function RestockRow({
  rec,
  checked,
  quantity,
  toggle,
  setQuantity,
  open,
  onToggleOpen,
}: {
  rec: RestockRecommendation;
  checked: boolean;
  quantity: number;
  toggle: RowSelection['toggle'];
  setQuantity: RowSelection['setQuantity'];
  open: boolean;
  onToggleOpen: (key: string) => void;
}) {
  const { t, fmt } = useI18n();
  const key = rowKey(rec);
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
          {rec.recommendedQuantity > 0 || rec.action === 'purchase' ? (
            <Checkbox
              aria-label={t(rec.action === 'purchase' ? 'restock.select' : 'planner.selectTransfer', {
                sku: rec.sku,
                location: rec.location,
              })}
              checked={checked}
              onChange={() => {
                toggle(key);
              }}
              data-testid={`select-${rec.action === 'transfer' ? 'transfer-' : ''}${rec.sku}-${rec.location}`}
            />
          ) : null}
        </Table.Td>
        <Table.Td>
          <SkuWithTitle sku={rec.sku} title={rec.title} />
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
        <QuantityCell rec={rec} quantity={quantity} setQuantity={setQuantity} />
        <Table.Td className="num">
          {rec.estimatedCost === null ? '—' : fmt.num(rec.estimatedCost, 0)}
        </Table.Td>
        <Table.Td>{rec.orderByDate ? fmt.date(rec.orderByDate) : '—'}</Table.Td>
        <Table.Td>{rec.shipDate ? fmt.date(rec.shipDate) : '—'}</Table.Td>
        <Table.Td className="num">{rec.daysOfSupply === null ? '—' : fmt.num(rec.daysOfSupply, 0)}</Table.Td>
        <Table.Td>
          {reasoning ? (
            <Button
              size="compact-xs"
              variant="subtle"
              aria-expanded={open}
              onClick={() => {
                onToggleOpen(key);
              }}
              data-testid="restock-why"
            >
              {t('restock.why')}
            </Button>
          ) : null}
        </Table.Td>
      </Table.Tr>
      {reasoning && open ? <ReasoningRow reasoning={reasoning} colSpan={COLUMNS} /> : null}
      {open ? (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS} bg="gray.0">
            <ProjectionPanel sku={rec.sku} location={rec.location} />
            <SkuSettingsPanel rec={rec} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
});

/** A group's heading row: the supplier (one purchase order) or route (one shipment), with its totals. */
function GroupRow({ group }: { group: RestockGroup }) {
  const { t, fmt } = useI18n();
  const totals = restockTotals(group.rows);
  return (
    <Table.Tr data-group={group.kind} data-testid="planner-group-row">
      <Table.Th scope="rowgroup" colSpan={COLUMNS} bg="gray.1">
        <Group gap="sm" wrap="wrap">
          {/* Filled as in the action column: teal text on a light teal tint fails the contrast check. */}
          <Badge
            color={group.kind === 'transfer' ? 'teal.9' : 'gray'}
            variant={group.kind === 'transfer' ? 'filled' : 'light'}
          >
            {t(group.kind === 'transfer' ? 'restock.action.transfer' : 'planner.supplier')}
          </Badge>
          <Text span fw={600} size="sm" translate="no">
            {group.label}
          </Text>
          <Text span size="xs" c="dimmed">
            {t('planner.groupTotals', {
              lines: fmt.int(totals.lines),
              units: fmt.int(totals.units),
              cost: fmt.num(totals.cost, 0),
            })}
          </Text>
        </Group>
      </Table.Th>
    </Table.Tr>
  );
}

const SORTABLE: { key: SortKey; label: MessageKey; numeric?: boolean }[] = [
  { key: 'sku', label: 'field.sku' },
  { key: 'location', label: 'field.location' },
  { key: 'action', label: 'restock.action' },
  { key: 'alert', label: 'restock.alert' },
  { key: 'quantity', label: 'restock.quantity', numeric: true },
  { key: 'cost', label: 'planner.cost', numeric: true },
  { key: 'orderBy', label: 'restock.orderBy' },
  { key: 'shipDate', label: 'restock.shipDate' },
  { key: 'daysOfSupply', label: 'restock.daysOfSupply', numeric: true },
];

/** The header row: "select all" of the lines shown, and a sort button on each column with figures or dates. */
function PlannerHead({
  selection,
  sort,
  onSort,
}: {
  selection: RestockSelection;
  sort: RestockSort | null;
  onSort: (key: SortKey) => void;
}) {
  const { t } = useI18n();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>
          <Checkbox
            aria-label={t('restock.selectAll')}
            checked={selection.allSelected}
            indeterminate={!selection.allSelected && selection.selected.size > 0}
            onChange={selection.toggleAll}
          />
        </Table.Th>
        {SORTABLE.map((column) => (
          <SortHeader
            key={column.key}
            label={t(column.label)}
            numeric={column.numeric}
            active={sort?.key === column.key}
            direction={sort?.key === column.key ? sort.direction : 'asc'}
            onClick={() => {
              onSort(column.key);
            }}
            testId={`sort-${column.key}`}
          />
        ))}
        <Table.Th>
          <span className="sr-only">{t('restock.why')}</span>
        </Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

type Entry = { kind: 'group'; group: RestockGroup } | { kind: 'row'; rec: RestockRecommendation };

/** Group headings and rows in display order: each is one virtual item (a tbody of its own). */
function entriesOf(groups: readonly RestockGroup[]): Entry[] {
  const out: Entry[] = [];
  for (const group of groups) {
    if (group.kind !== 'none') out.push({ kind: 'group', group });
    for (const rec of group.rows) out.push({ kind: 'row', rec });
  }
  return out;
}

/** Column widths (px), fixed so they do not jump as rows scroll in and out. */
const WIDTHS = [44, 230, 100, 200, 240, 120, 120, 120, 120, 110, 70];
const TABLE_WIDTH = WIDTHS.reduce((a, b) => a + b, 0);
/** A one-line row; rows with a title or a held-back note are measured once drawn. */
const ROW_ESTIMATE = 58;

/**
 * One row per recommendation, in groups when the planner groups them: tick lines (purchases become
 * purchase orders, transfers a shipment draft), adjust purchases, sort by a header, open "why".
 * Only the rows in view are in the DOM (each row and its "why" in a tbody of its own, measured), so
 * a plan of any size filters, sorts and scrolls at the same speed.
 */
export function RestockTable({
  groups,
  selection,
  sort,
  onSort,
}: {
  groups: readonly RestockGroup[];
  selection: RestockSelection;
  sort: RestockSort | null;
  onSort: (key: SortKey) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const toggleOpen = useCallback((key: string) => {
    setOpen((current) => (current === key ? null : key));
  }, []);
  const entries = useMemo(() => entriesOf(groups), [groups]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => {
      const entry = entries[index];
      return !entry ? index : entry.kind === 'group' ? `group\u0001${entry.group.key}` : rowKey(entry.rec);
    },
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const spacer = (height: number) =>
    height > 0 ? (
      <tbody aria-hidden="true">
        <tr>
          <td colSpan={COLUMNS} style={{ height, padding: 0, border: 0 }} />
        </tr>
      </tbody>
    ) : null;
  return (
    <Paper withBorder radius="md">
      {/* Focusable so keyboard users can scroll the plan with arrow keys and Page Up/Down. */}
      <div
        ref={scroller}
        className="restock-scroller"
        tabIndex={0}
        role="region"
        aria-label={t('planner.tableLabel')}
        data-testid="restock-scroller"
      >
        <Table
          highlightOnHover
          stickyHeader
          data-testid="restock-table"
          style={{ tableLayout: 'fixed', width: TABLE_WIDTH, minWidth: '100%' }}
          aria-rowcount={entries.length + 1}
        >
          <colgroup>
            {WIDTHS.map((w, i) => (
              <col key={i} style={{ width: w }} />
            ))}
          </colgroup>
          <PlannerHead selection={selection} sort={sort} onSort={onSort} />
          {spacer(top)}
          {items.map((item) => {
            const entry = entries[item.index];
            if (!entry) return null;
            return (
              <tbody key={item.key} ref={virtualizer.measureElement} data-index={item.index}>
                {entry.kind === 'group' ? (
                  <GroupRow group={entry.group} />
                ) : (
                  <RestockRow
                    rec={entry.rec}
                    checked={selection.selected.has(rowKey(entry.rec))}
                    quantity={selection.quantityOf(
                      lineKey(entry.rec.sku, entry.rec.location),
                      entry.rec.recommendedQuantity,
                    )}
                    toggle={selection.toggle}
                    setQuantity={selection.setQuantity}
                    open={open === rowKey(entry.rec)}
                    onToggleOpen={toggleOpen}
                  />
                )}
              </tbody>
            );
          })}
          {spacer(bottom)}
        </Table>
      </div>
    </Paper>
  );
}
