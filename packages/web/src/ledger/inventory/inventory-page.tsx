import { Group, Progress, Stack, Text } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { ErrorAlert } from '../../components/common/error-alert';
import { NothingHere } from '../../components/common/not-available';
import { PageHeader } from '../../components/common/page-header';
import { useAllBalances, useStockOuts } from '../inventory.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { InventoryTable } from './components/inventory-table';
import { InventoryToolbar } from './components/inventory-toolbar';
import { downloadCsv, toCsv } from './csv';
import {
  COLUMNS,
  filterRows,
  joinRows,
  sortRows,
  stockOutKey,
  type ColumnId,
  type InventoryRow,
} from './inventory-model';
import { useInventoryParams } from './use-inventory-params';
import { useVisibleColumns } from './use-visible-columns';

function csvValue(row: InventoryRow, column: ColumnId): string | number | null {
  return row[column];
}

export default function InventoryPage() {
  const { t, fmt, locale } = useI18n();
  const balances = useAllBalances();
  const stockOuts = useStockOuts();
  const { filter, sort, update } = useInventoryParams();
  const columns = useVisibleColumns();

  // Balance rows carry the product facts (title, barcode, …): no second download of the catalogue.
  // Stock-outs are the planning position's; the grid waits for them only to filter by them.
  const outKeys = useMemo(
    () => (stockOuts.data ? new Set(stockOuts.data.items.map((o) => stockOutKey(o.sku, o.location))) : null),
    [stockOuts.data],
  );
  const waiting = filter.status === 'stockout' && !outKeys && !stockOuts.error;
  const all = useMemo(
    () => (balances.data && !waiting ? joinRows(balances.data, [], new Date(), outKeys ?? undefined) : null),
    [balances.data, outKeys, waiting],
  );
  const locations = useMemo(() => [...new Set((all ?? []).map((r) => r.location))].sort(), [all]);
  const categories = useMemo(
    () => [...new Set((all ?? []).map((r) => r.category).filter((c): c is string => c !== null))].sort(),
    [all],
  );
  const collator = useMemo(() => new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }), [locale]);
  const filtered = useMemo(() => (all ? filterRows(all, filter) : []), [all, filter]);
  const rows = useMemo(() => sortRows(filtered, sort, collator), [filtered, sort, collator]);

  const onSort = useCallback(
    (column: ColumnId) => {
      const direction = sort.column === column && sort.direction === 'asc' ? 'desc' : 'asc';
      update({ sort: column, dir: direction });
    },
    [sort, update],
  );

  const onExport = () => {
    // Headers in the reader's language: this is an export of the view on screen.
    const header = columns.columns.map((c) => t(COLUMNS[c].label));
    const body = rows.map((row) => columns.columns.map((c) => csvValue(row, c)));
    downloadCsv(`inventory-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(header, body));
  };

  const error = balances.error ?? stockOuts.error;
  return (
    <Stack gap="sm">
      <PageHeader title={t('inventory.title')} description={t('inventory.subtitle')} />
      {error ? <ErrorAlert error={error} /> : null}
      <InventoryToolbar
        filter={filter}
        onChange={update}
        locations={locations}
        categories={categories}
        columns={{ visible: columns.columns, toggle: columns.toggle }}
        onExport={onExport}
      />
      {!all && !error ? (
        <Stack gap={4} role="status" aria-live="polite">
          <Text size="sm">{t('inventory.loading', { count: fmt.int(balances.loaded) })}</Text>
          <Progress value={100} animated striped aria-label={t('common.loading')} />
        </Stack>
      ) : null}
      {all ? (
        <>
          <Group justify="space-between">
            <Text size="sm" c="dimmed" role="status" aria-live="polite" data-testid="inventory-count">
              {t('inventory.count', { shown: fmt.int(rows.length), total: fmt.int(all.length) })}
            </Text>
          </Group>
          {rows.length === 0 ? (
            <NothingHere title={t('inventory.noMatches')} description={t('inventory.noMatchesHint')} />
          ) : (
            <InventoryTable rows={rows} columns={columns.columns} sort={sort} onSort={onSort} />
          )}
        </>
      ) : null}
    </Stack>
  );
}
