import { Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { DownloadButtons } from '../../components/common/download-buttons';
import { ErrorAlert } from '../../components/common/error-alert';
import { IconDownload } from '../../components/common/icons';
import { NothingHere } from '../../components/common/not-available';
import { PageHeader } from '../../components/common/page-header';
import { PageLoader } from '../../components/common/page-loader';
import { profitDownloadUrl, useProfitReport } from '../profit.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { ForAccount } from '../../components/conversion/currency-conversion';
import { ProfitConversion } from './components/currency-conversion';
import { PeriodPicker, type PeriodState } from './components/period-picker';
import { ProfitSummary } from './components/profit-summary';
import { ProfitTable } from './components/profit-table';
import { isoDay, periodOf, profitTotals, toProfitRow } from './profit-model';

/** Profit per SKU and overall for a period: revenue less COGS, Amazon fees and storage, with margin and ROI. */
export default function ProfitPage() {
  const { t } = useI18n();
  const [state, setState] = useState<PeriodState>(() => ({
    days: 30,
    ...periodOf(isoDay(Date.now() - 86_400_000), 30),
  }));
  const period = { from: state.from, to: state.to };
  const report = useProfitReport(period);
  const rows = useMemo(
    () => (report.data ?? []).flatMap((page) => page.rows.map(toProfitRow)),
    [report.data],
  );
  // per currency: each row and each total names its own, none is added to another
  const totals = useMemo(() => profitTotals(report.data ?? []), [report.data]);
  const currencies = useMemo(() => totals.map((c) => c.currency), [totals]);
  return (
    <Stack gap="md">
      <PageHeader
        title={t('profit.title')}
        description={t('profit.subtitle')}
        actions={
          <DownloadButtons icon={<IconDownload />} urlFor={(format) => profitDownloadUrl(period, format)} />
        }
      />
      <PeriodPicker value={state} onChange={setState} />
      {report.isPending ? <PageLoader /> : null}
      {report.isError ? <ErrorAlert error={report.error} /> : null}
      {report.data ? <ProfitSummary totals={totals} /> : null}
      {report.data && totals.length > 0 ? (
        <ForAccount>
          {(accountId) => (
            <ProfitConversion accountId={accountId} period={period} reportCurrencies={currencies} />
          )}
        </ForAccount>
      ) : null}
      {report.data && rows.length === 0 ? <NothingHere title={t('profit.empty')} /> : null}
      {rows.length > 0 ? <ProfitTable rows={rows} /> : null}
    </Stack>
  );
}
