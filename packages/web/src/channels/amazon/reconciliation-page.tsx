import { Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { AmazonReconciliationLine } from '../../api/types';
import { DataTable } from '../../components/common/data-table';
import { DownloadButtons } from '../../components/common/download-buttons';
import { ErrorAlert } from '../../components/common/error-alert';
import { FigureCard } from '../../components/common/figure-card';
import { IconDownload } from '../../components/common/icons';
import { NothingHere } from '../../components/common/not-available';
import { PageHeader } from '../../components/common/page-header';
import { PageLoader } from '../../components/common/page-loader';
import { SkuLink } from '../../components/common/entity-link';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/translate';
import { reconciliationDownloadUrl, useAmazonReconciliation } from './reconciliation.hooks';

type UnitKey = 'lost' | 'damaged' | 'found' | 'disposed' | 'customerReturnsNotReceived' | 'reimbursedUnits';
const UNIT_COLUMNS: { key: UnitKey; label: MessageKey }[] = [
  { key: 'lost', label: 'recon.lost' },
  { key: 'damaged', label: 'recon.damaged' },
  { key: 'found', label: 'recon.found' },
  { key: 'disposed', label: 'recon.disposed' },
  { key: 'customerReturnsNotReceived', label: 'recon.returnsNotReceived' },
  { key: 'reimbursedUnits', label: 'recon.reimbursedUnits' },
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

/** Per SKU, the Amazon location's ledger against Amazon's: what to claim, what was reimbursed, what differs. */
export default function ReconciliationPage() {
  const { t, fmt } = useI18n();
  const report = useAmazonReconciliation();
  const data = report.data;
  const currency = data?.currency ?? null;
  const money = (v: number | null) => (v === null ? '—' : currency ? fmt.money(v, currency) : fmt.num(v, 2));
  const unitsWorth = (units: number, value: number | null) =>
    t('recon.unitsWorth', { units: fmt.int(units), value: money(value) });
  return (
    <Stack gap="md">
      <PageHeader
        title={t('recon.title')}
        description={t('recon.subtitle')}
        actions={<DownloadButtons icon={<IconDownload />} urlFor={reconciliationDownloadUrl} />}
      />
      {report.isPending ? <PageLoader /> : null}
      {report.isError ? <ErrorAlert error={report.error} /> : null}
      {data ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FigureCard
            label={t('recon.location')}
            testId="recon-location"
            value={
              <Text fw={600} translate="no">
                {data.location}
                {data.marketplace ? ` · ${data.marketplace}` : ''}
              </Text>
            }
          />
          <FigureCard
            label={t('recon.claimable')}
            testId="recon-claimable"
            value={<Text fw={600}>{unitsWorth(data.totals.eligibleUnits, data.totals.eligibleValue)}</Text>}
          />
          <FigureCard
            label={t('recon.reimbursed')}
            testId="recon-reimbursed"
            value={
              <Text fw={600}>{unitsWorth(data.totals.reimbursedUnits, data.totals.reimbursedAmount)}</Text>
            }
          />
        </SimpleGrid>
      ) : null}
      {data ? (
        <Text size="sm" c="dimmed">
          {t('recon.valueBasis')}
        </Text>
      ) : null}
      {data && data.items.length === 0 ? <NothingHere title={t('recon.empty')} /> : null}
      {data && data.items.length > 0 ? (
        <DataTable
          testId="recon-table"
          minWidth={1100}
          nowrap
          columns={[
            t('field.sku'),
            ...UNIT_COLUMNS.map((c) => ({ label: t(c.label), numeric: true })),
            { label: t('recon.eligibleUnits'), numeric: true },
            { label: t('recon.eligibleValue'), numeric: true },
            { label: t('recon.difference'), numeric: true },
            t('recon.flags'),
          ]}
        >
          {data.items.map((line) => (
            <Table.Tr key={line.sku} data-testid={`recon-row-${line.sku}`}>
              <Table.Td>
                <SkuLink sku={line.sku} />
              </Table.Td>
              {UNIT_COLUMNS.map((c) => (
                <Table.Td key={c.key} className="num">
                  {fmt.int(line[c.key])}
                </Table.Td>
              ))}
              <Table.Td className="num">{fmt.int(line.eligibleUnits)}</Table.Td>
              <Table.Td className="num">{money(line.eligibleValue)}</Table.Td>
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
