import { Table, Text } from '@mantine/core';
import { DataTable } from '../../../components/common/data-table';
import { useMemo, useState } from 'react';
import { SortHeader } from '../../../components/common/sort-header';
import type { MessageKey } from '../../../i18n/translate';
import { SkuLink } from '../../../components/common/entity-link';
import { useI18n } from '../../../i18n/i18n-context';
import { sortProfitRows, type ProfitRow, type ProfitSortKey } from '../profit-model';
import { MessageWithData } from '../../../i18n/message-with-data';

/** Enough to scan; the download holds every SKU. */
const MAX_ROWS = 1000;

type Format = 'int' | 'money' | 'pct' | 'percent';
const COLUMNS: { key: Exclude<ProfitSortKey, 'sku' | 'currency'>; label: MessageKey; format: Format }[] = [
  { key: 'unitsSold', label: 'profit.units', format: 'int' },
  { key: 'revenue', label: 'profit.revenue', format: 'money' },
  { key: 'cogs', label: 'profit.cogs', format: 'money' },
  { key: 'referralFees', label: 'profit.referralFees', format: 'money' },
  { key: 'fulfilmentFees', label: 'profit.fulfilmentFees', format: 'money' },
  { key: 'settledFees', label: 'profit.settledFees', format: 'money' },
  { key: 'refundsNet', label: 'profit.refundsNet', format: 'money' },
  { key: 'storageFees', label: 'profit.storageFees', format: 'money' },
  { key: 'otherCosts', label: 'profit.otherCosts', format: 'money' },
  { key: 'profit', label: 'profit.profit', format: 'money' },
  { key: 'margin', label: 'profit.margin', format: 'pct' },
  { key: 'roi', label: 'profit.roi', format: 'pct' },
  { key: 'storagePercent', label: 'profit.storagePercent', format: 'percent' },
];

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
  return (
    <>
      <DataTable
        testId="profit-table"
        minWidth={1260}
        nowrap
        head={
          <>
            <SortHeader
              label={t('field.sku')}
              active={sort.key === 'sku'}
              direction={sort.direction}
              onClick={() => {
                toggle('sku');
              }}
            />
            <SortHeader
              label={t('profit.currency')}
              active={sort.key === 'currency'}
              direction={sort.direction}
              onClick={() => {
                toggle('currency');
              }}
            />
            {COLUMNS.map((c) => (
              <SortHeader
                key={c.key}
                numeric
                label={t(c.label)}
                active={sort.key === c.key}
                direction={sort.direction}
                onClick={() => {
                  toggle(c.key);
                }}
              />
            ))}
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
              {row.otherCurrencies.length > 0 ? (
                <Text size="xs" c="dimmed">
                  <MessageWithData
                    k="profit.alsoIn"
                    vars={{ currencies: row.otherCurrencies.join(', ') }}
                    data={['currencies']}
                  />
                </Text>
              ) : null}
              {row.withoutFeeTable.length > 0 ? (
                <Text size="xs" c="dimmed" data-testid="profit-no-fee-table">
                  <MessageWithData
                    k="profit.noFeeTable"
                    vars={{ marketplaces: row.withoutFeeTable.join(', ') }}
                    data={['marketplaces']}
                  />
                </Text>
              ) : null}
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
