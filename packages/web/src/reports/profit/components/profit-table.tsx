import { Table, Text } from '@mantine/core';
import { DataTable } from '../../../components/common/data-table';
import { useMemo, useState } from 'react';
import { SortHeader } from '../../../components/common/sort-header';
import { SkuLink } from '../../../components/common/entity-link';
import { useI18n } from '../../../i18n/i18n-context';
import { sortProfitRows, type ProfitRow, type ProfitSortKey } from '../profit-model';
import { MessageWithData } from '../../../i18n/message-with-data';

/** Enough to scan; the download holds every SKU. */
const MAX_ROWS = 1000;

type Format = 'int' | 'money' | 'pct' | 'percent';
type FigureKey = Exclude<ProfitSortKey, 'sku' | 'currency'>;
/** The figure columns in order, by how each is shown; each is headed by its `profit.<key>` message. */
const FORMATS: readonly (readonly [Format, readonly FigureKey[]])[] = [
  ['int', ['unitsSold']],
  [
    'money',
    [
      'revenue',
      'cogs',
      'referralFees',
      'fulfilmentFees',
      'settledFees',
      'refundsNet',
      'storageFees',
      'otherCosts',
      'profit',
    ],
  ],
  ['pct', ['margin', 'roi']],
  ['percent', ['storagePercent']],
];
const COLUMNS = FORMATS.flatMap(([format, keys]) => keys.map((key) => ({ key, format })));

/** A row's note that names a list (its other currencies, its marketplaces without a fee table); none when empty. */
function ListNote({
  k,
  name,
  list,
  testId,
}: {
  k: 'profit.alsoIn' | 'profit.noFeeTable';
  name: string;
  list: readonly string[];
  testId?: string;
}) {
  if (list.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" data-testid={testId}>
      <MessageWithData k={k} vars={{ [name]: list.join(', ') }} data={[name]} />
    </Text>
  );
}

export function ProfitTable({ rows }: { rows: ProfitRow[] }) {
  const { t, fmt } = useI18n();
  const [sort, setSort] = useState<{ key: ProfitSortKey; direction: 'asc' | 'desc' }>({
    key: 'profit',
    direction: 'desc',
  });
  const sorted = useMemo(() => sortProfitRows(rows, sort.key, sort.direction), [rows, sort]);
  const toggle = (key: ProfitSortKey) => {
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: key === 'sku' || key === 'currency' ? 'asc' : 'desc' },
    );
  };
  const show = (value: number | null, format: Format, currency: string) => {
    if (value === null) return '—';
    if (format === 'int') return fmt.int(value);
    if (format === 'money') return fmt.money(value, currency);
    if (format === 'pct') return fmt.pct(value);
    return fmt.pct(value / 100, 2);
  };
  const sortHeader = (key: ProfitSortKey, label: string, numeric = false) => (
    <SortHeader
      key={key}
      numeric={numeric}
      label={label}
      active={sort.key === key}
      direction={sort.direction}
      onClick={() => {
        toggle(key);
      }}
    />
  );
  return (
    <>
      <DataTable
        testId="profit-table"
        minWidth={1260}
        nowrap
        head={
          <>
            {sortHeader('sku', t('field.sku'))}
            {sortHeader('currency', t('profit.currency'))}
            {COLUMNS.map((c) => sortHeader(c.key, t(`profit.${c.key}`), true))}
          </>
        }
      >
        {sorted.slice(0, MAX_ROWS).map((row) => (
          <Table.Tr key={`${row.sku} ${row.currency}`} data-testid={`profit-row-${row.sku}-${row.currency}`}>
            <Table.Td>
              <SkuLink sku={row.sku} />
            </Table.Td>
            <Table.Td data-testid="profit-currency">
              <Text size="sm" span translate="no">
                {row.currency}
              </Text>
              <ListNote k="profit.alsoIn" name="currencies" list={row.otherCurrencies} />
              <ListNote
                k="profit.noFeeTable"
                name="marketplaces"
                list={row.withoutFeeTable}
                testId="profit-no-fee-table"
              />
            </Table.Td>
            {COLUMNS.map((c) => (
              <Table.Td
                key={c.key}
                className="num"
                c={c.key === 'profit' && (row.profit ?? 0) < 0 ? 'red.9' : undefined}
              >
                {show(row[c.key], c.format, row.currency)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </DataTable>
      {rows.length > MAX_ROWS ? (
        <Text size="xs" c="dimmed">
          {t('profit.truncated', { shown: fmt.int(MAX_ROWS), total: fmt.int(rows.length) })}
        </Text>
      ) : null}
    </>
  );
}
