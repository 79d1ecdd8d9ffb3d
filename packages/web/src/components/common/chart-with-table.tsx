import { Button } from '@mantine/core';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { ChartOption } from '../../lib/band-chart';
import { useI18n } from '../../i18n/i18n-context';
import { PageLoader } from './page-loader';

const Chart = lazy(() => import('../../forecasting/forecast-chart'));

/**
 * A chart (ECharts, loaded on demand) and its text alternative: a button that shows the same figures as
 * a table (`table`, rendered only when shown). `testId` names the chart; the button is `${testId}-table-toggle`.
 */
export function ChartWithTable({
  option,
  label,
  testId,
  table,
}: {
  option: ChartOption;
  label: string;
  testId: string;
  table: () => ReactNode;
}) {
  const { t } = useI18n();
  const [showTable, setShowTable] = useState(false);
  return (
    <>
      <Suspense fallback={<PageLoader />}>
        <Chart option={option} label={label} testId={testId} />
      </Suspense>
      <Button
        variant="default"
        size="compact-sm"
        onClick={() => {
          setShowTable((v) => !v);
        }}
        aria-expanded={showTable}
        style={{ alignSelf: 'flex-start' }}
        data-testid={`${testId}-table-toggle`}
      >
        {t(showTable ? 'projection.hideTable' : 'projection.showTable')}
      </Button>
      {showTable ? table() : null}
    </>
  );
}
