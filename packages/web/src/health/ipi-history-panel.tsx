import { Text } from '@mantine/core';
import { useMemo } from 'react';
import type { IpiHistory } from '../api/types';
import { ScrollTable } from '../components/common/data-table';
import { ChartWithTable } from '../components/common/chart-with-table';
import { QueryStates } from '../components/common/query-states';
import { TitledPanel } from '../components/common/titled-panel';
import { useI18n } from '../i18n/i18n-context';
import { useIpiHistory } from './health.hooks';
import { buildIpiHistoryOption, ipiHistoryRows } from './ipi-history-option';

const WEEKS = 12;

/** The chart's text alternative: a row a week with the proxy and the real score entered that week. */
function HistoryTable({ history }: { history: IpiHistory }) {
  const { t, fmt } = useI18n();
  return (
    <ScrollTable
      minWidth={360}
      fz="sm"
      testId="ipi-history-table"
      items={ipiHistoryRows(history)}
      rowKey={(r) => r.week}
      columns={[
        { label: t('ipiHistory.week'), cell: (r) => fmt.date(r.week) },
        { label: t('ipiHistory.proxy'), numeric: true, cell: (r) => fmt.int(r.proxy) },
        {
          label: t('ipiHistory.amazon'),
          numeric: true,
          cell: (r) => (r.amazon === null ? '—' : fmt.int(r.amazon)),
        },
      ]}
    />
  );
}

/** The proxy week by week with the real Amazon scores and the threshold line: chart, summary and table. */
export function IpiHistoryPanel({ threshold }: { threshold: number }) {
  const { t, fmt } = useI18n();
  const history = useIpiHistory(WEEKS);
  const data = history.data;
  const option = useMemo(
    () =>
      data
        ? buildIpiHistoryOption(data, threshold, {
            proxy: t('ipiHistory.proxy'),
            amazon: t('ipiHistory.amazon'),
            line: t('ipiHistory.line', { line: fmt.int(threshold) }),
            score: (v) => fmt.int(v),
            date: fmt.date,
            axisDate: fmt.dayMonth,
          })
        : null,
    [data, threshold, t, fmt],
  );
  const rows = data ? ipiHistoryRows(data) : [];
  const first = rows[0];
  const last = rows[rows.length - 1];
  const below = rows.filter((r) => r.proxy < threshold).length;
  return (
    <TitledPanel title={t('ipiHistory.title', { weeks: fmt.int(WEEKS) })} testId="ipi-history">
      <QueryStates query={history} />
      {data && option && first && last ? (
        <>
          <Text size="sm" data-testid="ipi-history-summary">
            {t('ipiHistory.summary', {
              from: fmt.int(first.proxy),
              to: fmt.int(last.proxy),
              below: fmt.int(below),
              line: fmt.int(threshold),
              scores: fmt.int(rows.filter((r) => r.amazon !== null).length),
            })}
          </Text>
          <ChartWithTable
            option={option}
            label={t('ipiHistory.chartLabel')}
            testId="ipi-history-chart"
            table={() => <HistoryTable history={data} />}
          />
        </>
      ) : null}
    </TitledPanel>
  );
}
