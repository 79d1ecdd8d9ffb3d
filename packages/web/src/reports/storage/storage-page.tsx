import { Alert, Badge, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { StorageOverview } from '../../api/types';
import { ScrollTable, type CellColumn } from '../../components/common/data-table';
import { DownloadButtons } from '../../components/common/download-buttons';
import { PageHeader } from '../../components/common/page-header';
import { ChartWithTable } from '../../components/common/chart-with-table';
import { FigureCard } from '../../components/common/figure-card';
import { QueryStates } from '../../components/common/query-states';
import { TitledPanel } from '../../components/common/titled-panel';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/translate';
import { ForAccount } from '../../components/conversion/currency-conversion';
import { useStorageOverview } from '../storage.hooks';
import { StorageConversion } from './storage-conversion';
import {
  buildStorageFeesOption,
  currenciesOf,
  feeOf,
  monthAfter,
  storageTypesOf,
  totalOf,
} from './storage-fees-option';

const MONTHS = 6;

type Month = StorageOverview['months'][number];
type CapacityLine = StorageOverview['summary']['capacity'][number];

/** A storage type's name in the page's language (the alerts already name them). */
const typeKey = (type: string): MessageKey =>
  type === 'oversize' ? 'alerts.storageType.oversize' : 'alerts.storageType.standard';

/** The fee chart's text alternative (one currency): a row a month, a column a storage type, and the surcharge. */
function FeesTable({ overview, currency }: { overview: StorageOverview; currency: string }) {
  const { t, fmt } = useI18n();
  const types = storageTypesOf(overview, currency);
  const money = (v: number) => fmt.money(v, currency);
  return (
    <ScrollTable
      minWidth={520}
      fz="sm"
      testId="storage-fees-table"
      items={overview.months}
      rowKey={(m) => m.month}
      columns={[
        {
          label: t('storage.month'),
          cell: (m) => (
            <>
              {fmt.month(m.month)}{' '}
              {m.basis === 'past' ? null : <Badge variant="light">{t(`storage.basis.${m.basis}`)}</Badge>}
            </>
          ),
        },
        ...types.map((type): CellColumn<Month> => ({
          label: t(typeKey(type)),
          numeric: true,
          cell: (m) => money(feeOf(m, type, currency)),
        })),
        {
          label: t('storage.surcharge'),
          numeric: true,
          cell: (m) => money(totalOf(m, currency).agedSurcharge),
        },
        {
          label: t('storage.total'),
          numeric: true,
          cell: (m) => money(totalOf(m, currency).storageFee + totalOf(m, currency).agedSurcharge),
        },
      ]}
    />
  );
}

/** Utilisation against each location's limit this month and the next two, with the overage fee at risk. */
function CapacityTable({ overview }: { overview: StorageOverview }) {
  const { t, fmt } = useI18n();
  const lines = overview.summary.capacity;
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('storage.noCapacity')}
      </Text>
    );
  const months = (lines[0]?.months ?? []).map((_, i) => monthAfter(overview.asOf.slice(0, 7), i));
  return (
    <ScrollTable
      minWidth={720}
      fz="sm"
      testId="capacity-table"
      items={lines}
      rowKey={(line) => `${line.location}-${line.storageType}`}
      columns={[
        { label: t('field.location'), text: 'verbatim', cell: (line) => line.location },
        { label: t('storage.type'), cell: (line) => t(typeKey(line.storageType)) },
        {
          label: t('storage.limit'),
          numeric: true,
          cell: (line) =>
            line.limitCubicFeet === null ? t('storage.noLimit') : fmt.num(line.limitCubicFeet, 0),
        },
        ...months.map((month, i): CellColumn<CapacityLine> => ({
          label: fmt.month(month),
          numeric: true,
          cell: (line) => {
            const m = line.months[i];
            return m ? (
              <>
                <Text span size="sm" c={m.utilisation !== null && m.utilisation > 1 ? 'red' : undefined}>
                  {t('storage.used', {
                    used: fmt.num(m.usedCubicFeet, 0),
                    pct: m.utilisation === null ? '—' : fmt.pct(m.utilisation, 0),
                  })}
                </Text>
                {m.overageFee > 0 ? (
                  <Text size="xs" c="red">
                    {t('storage.overage', { fee: fmt.money(m.overageFee, line.currency) })}
                  </Text>
                ) : null}
              </>
            ) : null;
          },
        })),
      ]}
    />
  );
}

/** Money in each currency on its own line: amounts of different currencies are never added. */
function PerCurrency({ amounts }: { amounts: { currency: string; amount: number }[] }) {
  const { fmt } = useI18n();
  return (
    <Stack gap={0}>
      {amounts.map((a) => (
        <Text key={a.currency} fz="xl" fw={700} data-currency={a.currency}>
          {fmt.money(a.amount, a.currency)}
        </Text>
      ))}
    </Stack>
  );
}

function StorageFigures({ overview }: { overview: StorageOverview }) {
  const { t } = useI18n();
  const currencies = currenciesOf(overview);
  const current = overview.months.find((m) => m.basis === 'current');
  const next = overview.months.find((m) => m.basis === 'next');
  const fees = (m: StorageOverview['months'][number] | undefined) =>
    currencies.map((currency) => {
      const total = m ? totalOf(m, currency) : { storageFee: 0, agedSurcharge: 0 };
      return { currency, amount: total.storageFee + total.agedSurcharge };
    });
  const atRisk = currencies.map((currency) => ({
    currency,
    amount: overview.summary.capacity
      .filter((l) => l.currency === currency)
      .reduce((s, l) => s + (l.months[0]?.overageFee ?? 0), 0),
  }));
  const figure = (label: string, amounts: { currency: string; amount: number }[], testId: string) => (
    <FigureCard label={label} value={<PerCurrency amounts={amounts} />} testId={testId} />
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {figure(t('storage.thisMonth'), fees(current), 'storage-this')}
      {figure(t('storage.nextMonth'), fees(next), 'storage-next')}
      {figure(t('storage.overageAtRisk'), atRisk, 'storage-overage')}
    </SimpleGrid>
  );
}

export default function StoragePage() {
  const { t, fmt } = useI18n();
  const overview = useStorageOverview(MONTHS);
  const data = overview.data;
  const currencies = useMemo(() => (data ? currenciesOf(data) : []), [data]);
  const [picked, setPicked] = useState<string | null>(null);
  const currency = picked !== null && currencies.includes(picked) ? picked : (currencies[0] ?? 'USD');
  const option = useMemo(
    () =>
      data
        ? buildStorageFeesOption(data, currency, {
            storageType: (type) => t(typeKey(type)),
            surcharge: t('storage.surcharge'),
            month: fmt.month,
            money: (v) => fmt.money(v, currency),
          })
        : null,
    [data, currency, t, fmt],
  );
  const total = (c: string) =>
    fmt.money(
      (data?.months ?? []).reduce((s, m) => s + totalOf(m, c).storageFee + totalOf(m, c).agedSurcharge, 0),
      c,
    );
  return (
    <Stack gap="md">
      <PageHeader
        title={t('storage.title')}
        description={t('storage.subtitle')}
        actions={<DownloadButtons urlFor={(format) => `/api/v1/reports/storage?format=${format}`} />}
      />
      <QueryStates query={overview} />
      {data && option ? (
        <>
          {data.withoutFeeTable.length > 0 ? (
            <Alert color="yellow" variant="light" data-testid="storage-no-fee-table">
              {t('storage.noFeeTable', { marketplaces: data.withoutFeeTable.join(', ') })}
            </Alert>
          ) : null}
          <StorageFigures overview={data} />
          {currencies.length > 0 ? (
            <ForAccount>
              {(accountId) => (
                <StorageConversion accountId={accountId} months={MONTHS} currencies={currencies} />
              )}
            </ForAccount>
          ) : null}
          <TitledPanel title={t('storage.feesTitle')}>
            <Text size="sm" data-testid="storage-fees-summary">
              {t('storage.feesSummary', {
                months: fmt.int(data.months.length),
                total: currencies.map(total).join(t('storage.currencySeparator')),
              })}
            </Text>
            {currencies.length > 1 ? (
              <SegmentedControl
                data={currencies}
                value={currency}
                onChange={setPicked}
                aria-label={t('storage.currency')}
                data-testid="storage-currency"
              />
            ) : null}
            <ChartWithTable
              option={option}
              label={t('storage.chartLabel')}
              testId="storage-fees-chart"
              table={() => <FeesTable overview={data} currency={currency} />}
            />
          </TitledPanel>
          <Title order={2} size="h4">
            {t('storage.capacityTitle')}
          </Title>
          <CapacityTable overview={data} />
        </>
      ) : null}
    </Stack>
  );
}
