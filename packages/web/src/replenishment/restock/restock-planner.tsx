import { Button, Group, Text } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { RestockRecommendation } from '../../api/types';
import { FailureAlert } from '../../components/common/error-alert';
import { NothingHere } from '../../components/common/not-available';
import { downloadCsv } from '../../ledger/inventory/csv';
import { useI18n } from '../../i18n/i18n-context';
import { useCreatePurchaseOrders } from '../purchasing.hooks';
import { useRestockExport } from '../restock.hooks';
import { useCreateTransferDrafts } from '../transfers/transfer-drafts.hooks';
import { transferDraftBodies } from '../transfers/transfer-drafts-model';
import {
  NO_FILTER,
  filterOptions,
  filterRestock,
  groupRestock,
  restockCsv,
  restockTable,
  restockTotals,
  sortRestock,
  transferDraftCsv,
  type CsvColumn,
  type GroupBy,
  type RestockFilter,
  type RestockSort,
  type SortKey,
  type TransferColumn,
} from './restock-model';
import { RestockTable } from './restock-table';
import { RestockToolbar } from './restock-toolbar';
import { TotalsBar } from './restock-totals';
import { useRestockSelection } from './use-restock-selection';

const CSV_HEADER_KEYS = {
  sku: 'field.sku',
  title: 'planner.csv.title',
  location: 'field.location',
  action: 'restock.action',
  source: 'planner.csv.source',
  supplier: 'planner.supplier',
  alert: 'restock.alert',
  heldBack: 'planner.heldBack',
  quantity: 'restock.quantity',
  unitCost: 'planner.csv.unitCost',
  estimatedCost: 'planner.cost',
  orderBy: 'restock.orderBy',
  shipDate: 'restock.shipDate',
  daysOfSupply: 'restock.daysOfSupply',
} as const satisfies Record<CsvColumn, string>;

const TRANSFER_HEADER_KEYS = {
  from: 'planner.csv.from',
  to: 'planner.csv.to',
  sku: 'field.sku',
  title: 'planner.csv.title',
  quantity: 'restock.quantity',
  shipDate: 'restock.shipDate',
} as const satisfies Record<TransferColumn, string>;

/** Text columns sort A→Z first; figures and urgency largest or most urgent first. */
const FIRST_DIRECTION: Record<SortKey, RestockSort['direction']> = {
  sku: 'asc',
  location: 'asc',
  action: 'asc',
  alert: 'asc',
  quantity: 'desc',
  cost: 'desc',
  orderBy: 'asc',
  shipDate: 'asc',
  daysOfSupply: 'asc',
};

/**
 * Ticked purchases become draft purchase orders (one per supplier × location); ticked transfers saved
 * transfer drafts (one per route) or a draft shipment file.
 */
function PlannerActions({
  chosenPurchases,
  chosenTransfers,
  quantities,
}: {
  chosenPurchases: readonly RestockRecommendation[];
  chosenTransfers: readonly RestockRecommendation[];
  quantities: () => Map<string, number>;
}) {
  const { t, fmt } = useI18n();
  const create = useCreatePurchaseOrders();
  const saveDrafts = useCreateTransferDrafts();
  const navigate = useNavigate();
  const createOrders = () => {
    create.mutate(
      { skus: [...new Set(chosenPurchases.map((rec) => rec.sku))], quantities: quantities() },
      {
        onSuccess: (orders) => {
          const [first] = orders;
          void navigate(
            orders.length === 1 && first
              ? `/purchase-orders/${encodeURIComponent(first.number)}`
              : '/purchase-orders',
          );
        },
      },
    );
  };
  const draftShipment = () => {
    const header = Object.fromEntries(
      Object.entries(TRANSFER_HEADER_KEYS).map(([column, key]) => [column, t(key)]),
    ) as Record<TransferColumn, string>;
    downloadCsv('transfer-shipment-draft.csv', transferDraftCsv(chosenTransfers, header));
  };
  return (
    <>
      <Group justify="flex-end" gap="sm">
        <Button
          variant="default"
          onClick={() => {
            saveDrafts.mutate(transferDraftBodies(chosenTransfers));
          }}
          loading={saveDrafts.isPending}
          disabled={chosenTransfers.length === 0}
          data-testid="save-transfer-drafts"
        >
          {t('transferDrafts.save', { count: fmt.int(chosenTransfers.length) })}
        </Button>
        <Button
          variant="default"
          onClick={draftShipment}
          disabled={chosenTransfers.length === 0}
          data-testid="draft-transfers"
        >
          {t('planner.draftTransfers', { count: fmt.int(chosenTransfers.length) })}
        </Button>
        <Button
          onClick={createOrders}
          loading={create.isPending}
          disabled={chosenPurchases.length === 0}
          data-testid="create-pos"
        >
          {t('restock.createPos', { count: fmt.int(chosenPurchases.length) })}
        </Button>
      </Group>
      <FailureAlert of={create} />
      <FailureAlert of={saveDrafts} />
      {saveDrafts.data ? (
        <Text size="sm" ta="right" role="status" data-testid="transfer-drafts-saved">
          {t('transferDrafts.saved', { count: fmt.int(saveDrafts.data.length) })}
        </Text>
      ) : null}
    </>
  );
}

/**
 * The restock planner over one plan's rows: search and filters, sortable columns, grouping by
 * supplier (purchases) and route (transfers), totals of what is shown, CSV and Excel export of it, and the
 * selection that becomes draft purchase orders and transfer shipments.
 */
export function RestockPlanner({ rows }: { rows: readonly RestockRecommendation[] }) {
  const { t, fmt } = useI18n();
  const [filter, setFilter] = useState<RestockFilter>(NO_FILTER);
  const [sort, setSort] = useState<RestockSort | null>(null);
  const [groupBy, setGroupBy] = useState<GroupBy>('none');
  // Typing stays instant in the search box; the rows follow as soon as React has a moment.
  const deferredFilter = useDeferredValue(filter);
  const options = useMemo(() => filterOptions(rows), [rows]);
  const visible = useMemo(
    () => sortRestock(filterRestock(rows, deferredFilter), sort),
    [rows, deferredFilter, sort],
  );
  const groups = useMemo(() => groupRestock(visible, groupBy), [visible, groupBy]);
  const allTotals = useMemo(() => restockTotals(rows), [rows]);
  const shownTotals = useMemo(() => restockTotals(visible), [visible]);
  const { selection, chosenPurchases, chosenTransfers, quantities, purchaseQuantity } = useRestockSelection(
    rows,
    visible,
  );
  const xlsx = useRestockExport();
  const exportHeader = () =>
    Object.fromEntries(Object.entries(CSV_HEADER_KEYS).map(([column, key]) => [column, t(key)])) as Record<
      CsvColumn,
      string
    >;
  const exportCsv = () => {
    downloadCsv('restock-plan.csv', restockCsv(visible, exportHeader(), purchaseQuantity));
  };
  const exportXlsx = () => {
    xlsx.mutate(restockTable(visible, exportHeader(), purchaseQuantity));
  };
  return (
    <>
      <RestockToolbar
        filter={filter}
        onChange={(changes) => {
          setFilter((current) => ({ ...current, ...changes }));
        }}
        options={options}
        groupBy={groupBy}
        onGroupBy={setGroupBy}
        onExport={exportCsv}
        onExportXlsx={exportXlsx}
        exportingXlsx={xlsx.isPending}
      />
      <FailureAlert of={xlsx} />
      <TotalsBar shown={shownTotals} all={allTotals} />
      <PlannerActions
        chosenPurchases={chosenPurchases}
        chosenTransfers={chosenTransfers}
        quantities={quantities}
      />
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="planner-shown">
        {t('planner.shown', { shown: fmt.int(visible.length), total: fmt.int(rows.length) })}
      </Text>
      {visible.length === 0 ? (
        <NothingHere title={t('planner.noMatches')} />
      ) : (
        <RestockTable
          groups={groups}
          selection={selection}
          sort={sort}
          onSort={(key) => {
            setSort((current) =>
              current?.key === key
                ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
                : { key, direction: FIRST_DIRECTION[key] },
            );
          }}
        />
      )}
    </>
  );
}
