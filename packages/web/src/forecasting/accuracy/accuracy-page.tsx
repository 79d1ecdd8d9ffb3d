import { Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ForecastAccuracy } from '../../api/types';
import { ChartWithTable } from '../../components/common/chart-with-table';
import { FigureCard } from '../../components/common/figure-card';
import { NothingHere } from '../../components/common/not-available';
import { PageHeader } from '../../components/common/page-header';
import { QueryStates } from '../../components/common/query-states';
import { useI18n } from '../../i18n/i18n-context';
import { useForecastAccuracy } from '../forecasts.hooks';
import { buildAccuracyOption, periodsOf } from './accuracy-option';
import { CategoriesTable, PeriodsTable, WORST_SHOWN, WorstSkusTable, WorstTable } from './accuracy-tables';

/** Days of each forecast that are scored (the API's windowDays). */
const WINDOWS = ['7', '14', '28'] as const;
const ALL = '*';
const NO_CATEGORY = '-';

/** The overall figures, the baseline beside the forecast's own error. */
function Figures({ accuracy }: { accuracy: ForecastAccuracy }) {
  const { t, fmt } = useI18n();
  const o = accuracy.overall;
  const pct = (v: number | null) => (v === null ? '—' : fmt.pct(v));
  const figure = (label: string, value: string, testId: string) => (
    <FigureCard label={label} value={value} testId={testId} />
  );
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
      {figure(t('accuracy.wape'), pct(o.wape), 'accuracy-wape')}
      {figure(t('accuracy.baseline'), pct(o.baselineWape), 'accuracy-baseline')}
      {figure(t('accuracy.bias'), pct(o.bias), 'accuracy-bias')}
      {figure(t('accuracy.coverage', { level: fmt.pct(0.9, 0) }), pct(o.coverage.q90), 'accuracy-coverage')}
    </SimpleGrid>
  );
}

/** One sentence: how many forecasts were scored and whether they beat repeating last week. */
function Verdict({ accuracy }: { accuracy: ForecastAccuracy }) {
  const { t, fmt } = useI18n();
  const { wape, baselineWape } = accuracy.overall;
  const scored = t('accuracy.scored', {
    forecasts: fmt.int(accuracy.forecastsScored),
    days: fmt.int(accuracy.observedDays),
  });
  let verdict = '';
  if (wape !== null && baselineWape !== null && baselineWape > 0) {
    const gain = 1 - wape / baselineWape;
    verdict = t(gain >= 0 ? 'accuracy.better' : 'accuracy.worse', { pct: fmt.pct(Math.abs(gain), 0) });
  }
  return (
    <Text size="sm" data-testid="accuracy-verdict">
      {scored} {verdict}
    </Text>
  );
}

function OverTime({ accuracy }: { accuracy: ForecastAccuracy }) {
  const { t, fmt } = useI18n();
  const [category, setCategory] = useState<string>(ALL);
  const periods = periodsOf(
    accuracy,
    category === ALL ? undefined : category === NO_CATEGORY ? null : category,
  );
  const option = useMemo(
    () =>
      buildAccuracyOption(periods, {
        wape: t('accuracy.wape'),
        baseline: t('accuracy.baseline'),
        bias: t('accuracy.bias'),
        week: fmt.dayMonth,
        pct: (v) => fmt.pct(v, 0),
      }),
    [periods, t, fmt],
  );
  const categories = [
    { value: ALL, label: t('accuracy.allCategories') },
    ...accuracy.byCategory.map((c) => ({
      value: c.category ?? NO_CATEGORY,
      label: c.category ?? t('accuracy.noCategory'),
    })),
  ];
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {t('accuracy.overTime')}
          </Title>
          <Select
            aria-label={t('accuracy.category')}
            data={categories}
            value={category}
            onChange={(v) => {
              setCategory(v ?? ALL);
            }}
            allowDeselect={false}
            data-testid="accuracy-category"
            w={240}
          />
        </Group>
        <ChartWithTable
          option={option}
          label={t('accuracy.chartLabel', { weeks: fmt.int(periods.length) })}
          testId="accuracy-chart"
          table={() => <PeriodsTable periods={periods} />}
        />
      </Stack>
    </Paper>
  );
}

export default function AccuracyPage() {
  const { t, fmt } = useI18n();
  const [windowDays, setWindowDays] = useState<string>('28');
  const accuracy = useForecastAccuracy(Number(windowDays));
  const data = accuracy.data;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('accuracy.title')}
        description={t('accuracy.subtitle')}
        actions={
          <SegmentedControl
            aria-label={t('accuracy.window')}
            data={WINDOWS.map((d) => ({
              value: d,
              label: t('accuracy.windowOption', { days: fmt.int(Number(d)) }),
            }))}
            value={windowDays}
            onChange={setWindowDays}
            data-testid="accuracy-window"
          />
        }
      />
      <QueryStates
        query={accuracy}
        isEmpty={data?.forecastsScored === 0}
        empty={<NothingHere title={t('accuracy.emptyTitle')} description={t('accuracy.emptyBody')} />}
      />
      {data && data.forecastsScored > 0 ? (
        <>
          <Figures accuracy={data} />
          <Verdict accuracy={data} />
          <OverTime accuracy={data} />
          <Title order={2} size="h4">
            {t('accuracy.byCategory')}
          </Title>
          <CategoriesTable accuracy={data} />
          {data.worstSkus.length > 0 ? (
            <>
              <Title order={2} size="h4">
                {t('accuracy.worstSkus')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('accuracy.worstSkusHint', { count: fmt.int(data.worstSkus.length) })}
              </Text>
              <WorstSkusTable accuracy={data} />
            </>
          ) : null}
          <Title order={2} size="h4">
            {t('accuracy.worst')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('accuracy.worstHint', { count: fmt.int(Math.min(WORST_SHOWN, data.perSku.length)) })}
          </Text>
          <WorstTable accuracy={data} />
        </>
      ) : null}
    </Stack>
  );
}
