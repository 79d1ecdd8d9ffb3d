import { Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { AmazonReconciliation, AmazonReconciliationLine } from '../../api/types';
import { DataTable } from '../../components/common/data-table';
import { DownloadButtons } from '../../components/common/download-buttons';
import { FailureAlert } from '../../components/common/error-alert';
import { FigureCard } from '../../components/common/figure-card';
import { IconDownload } from '../../components/common/icons';
import { NothingHere } from '../../components/common/not-available';
import { PageHeader } from '../../components/common/page-header';
import { PageLoader } from '../../components/common/page-loader';
import { SkuLink } from '../../components/common/entity-link';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/translate';
import { ForAccount } from '../../components/conversion/currency-conversion';
import { ReconciliationConversion } from './reconciliation-conversion';
import { reconciliationDownloadUrl, useAmazonReconciliation } from './reconciliation.hooks';

type UnitKey = 'lost' | 'damaged' | 'found' | 'disposed' | 'customerReturnsNotReceived' | 'reimbursedUnits';
/** The unit columns in order, each headed by its `recon.<key>` message. */
const UNIT_COLUMNS: readonly UnitKey[] = [
  'lost',
  'damaged',
  'found',
  'disposed',
  'customerReturnsNotReceived',
  'reimbursedUnits',
];

/** The differences of a line, in the reader's language, from the figures the server computed. */
function flagsOf(line: AmazonReconciliationLine): MessageKey[] {
  const out: MessageKey[] = [];
  if (line.eligibleUnits > 0) out.push('recon.flagClaim');
  if (line.customerReturnsNotReceived > 0) out.push('recon.flagReturns');
  if (line.difference !== null && line.difference !== 0) out.push('recon.flagDifference');
  if (line.found > line.lost + line.damaged) out.push('recon.flagFound');
  return out;
}

/** The locations, and what is claimable and reimbursed per currency (never one sum over currencies). */
function ReconciliationSummary({ data }: { data: AmazonReconciliation }) {
  const { t, fmt } = useI18n();
  const money = (v: number, currency: string) => fmt.money(v, currency);
  const perCurrency = (
    units: (c: AmazonReconciliation['totals'][number]) => number,
    value: (c: AmazonReconciliation['totals'][number]) => number,
  ) =>
    data.totals.length > 0
      ? data.totals.map((c) => (
          <Text key={c.currency} fw={600} data-testid={`recon-total-${c.currency}`}>
            {t('recon.unitsWorth', { units: fmt.int(units(c)), value: money(value(c), c.currency) })}
          </Text>
        ))
      : [
          <Text key="none" fw={600}>
            {t('recon.unitsWorth', { units: fmt.int(0), value: '—' })}
          </Text>,
        ];
  type Total = AmazonReconciliation['totals'][number];
  const card = (
    testId: string,
    label: MessageKey,
    units: (c: Total) => number,
    value: (c: Total) => number,
  ) => <FigureCard testId={testId} label={t(label)} value={perCurrency(units, value)} />;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <FigureCard
          testId="recon-location"
          label={t('recon.location')}
          value={data.locations.map((l) => (
            <Text key={l.location} fw={600} translate="no">
              {l.location}
              {l.marketplace ? ` · ${l.marketplace}` : ''}
            </Text>
          ))}
        />
        {card(
          'recon-claimable',
          'recon.claimable',
          (c) => c.eligibleUnits,
          (c) => c.eligibleValue,
        )}
        {card(
          'recon-reimbursed',
          'recon.reimbursed',
          (c) => c.reimbursedUnits,
          (c) => c.reimbursedAmount,
        )}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('recon.valueBasis')}
      </Text>
      {data.unplaced.eventUnits + data.unplaced.reimbursedUnits > 0 ? (
        <Text size="sm" c="dimmed" data-testid="recon-unplaced">
          {t('recon.unplaced', {
            events: fmt.int(data.unplaced.eventUnits),
            reimbursed: fmt.int(data.unplaced.reimbursedUnits),
          })}
        </Text>
      ) : null}
    </>
  );
}

/**
 * Per SKU × Amazon location, the ledger there against Amazon's: what to claim, what was reimbursed, what
 * differs; each line's money in its location's currency and the totals per currency, never added up.
 */
export default function ReconciliationPage() {
  const { t, fmt } = useI18n();
  const report = useAmazonReconciliation();
  const data = report.data;
  const money = (v: number | null, currency: string) => (v === null ? '—' : fmt.money(v, currency));
  return (
    <Stack gap="md">
      <PageHeader
        title={t('recon.title')}
        description={t('recon.subtitle')}
        actions={<DownloadButtons icon={<IconDownload />} urlFor={reconciliationDownloadUrl} />}
      />
      {report.isPending ? <PageLoader /> : null}
      <FailureAlert of={report} />
      {data ? <ReconciliationSummary data={data} /> : null}
      {data && data.totals.length > 0 ? (
        <ForAccount>
          {(accountId) => (
            <ReconciliationConversion accountId={accountId} currencies={data.totals.map((c) => c.currency)} />
          )}
        </ForAccount>
      ) : null}
      {data && data.items.length === 0 ? <NothingHere title={t('recon.empty')} /> : null}
      {data && data.items.length > 0 ? (
        <DataTable
          testId="recon-table"
          minWidth={1180}
          nowrap
          columns={[
            t('field.sku'),
            t('recon.location'),
            ...UNIT_COLUMNS.map((key) => ({ label: t(`recon.${key}`), numeric: true })),
            { label: t('recon.eligibleUnits'), numeric: true },
            { label: t('recon.eligibleValue'), numeric: true },
            { label: t('recon.difference'), numeric: true },
            t('recon.flags'),
          ]}
        >
          {data.items.map((line) => (
            <Table.Tr
              key={`${line.location} ${line.sku}`}
              data-testid={`recon-row-${line.location}-${line.sku}`}
            >
              <Table.Td>
                <SkuLink sku={line.sku} />
              </Table.Td>
              <Table.Td translate="no">{line.location}</Table.Td>
              {UNIT_COLUMNS.map((key) => (
                <Table.Td key={key} className="num">
                  {fmt.int(line[key])}
                </Table.Td>
              ))}
              <Table.Td className="num">{fmt.int(line.eligibleUnits)}</Table.Td>
              <Table.Td className="num">{money(line.eligibleValue, line.currency)}</Table.Td>
              <Table.Td className="num">{line.difference === null ? '—' : fmt.int(line.difference)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {flagsOf(line).map((f) => (
                    <Badge key={f} variant="light" color={f === 'recon.flagClaim' ? 'orange' : 'gray'}>
                      {t(f)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      ) : null}
    </Stack>
  );
}
