import { Badge, Group, Paper, Select, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { FailureAlert } from '../components/common/error-alert';
import { NotAvailable } from '../components/common/not-available';
import { PageLoader } from '../components/common/page-loader';
import { useForecast } from './forecasts.hooks';
import { useI18n } from '../i18n/i18n-context';
import { buildForecastOption } from './forecast-option';

const ForecastChart = lazy(() => import('./forecast-chart'));
const HORIZONS = [30, 60, 90, 180] as const;

export function ForecastPanel({ sku, locations }: { sku: string; locations: string[] }) {
  const { t, fmt } = useI18n();
  const [location, setLocation] = useState<string | null>(null);
  const [horizon, setHorizon] = useState<string>('90');
  const forecast = useForecast(sku, { location: location ?? undefined, horizon: Number(horizon) });

  const option = useMemo(
    () =>
      forecast.data
        ? buildForecastOption(forecast.data, {
            history: t('forecast.history'),
            censored: t('forecast.censored'),
            mean: t('forecast.mean'),
            median: t('forecast.median'),
            band: (from, to) => t('forecast.band', { from, to }),
            units: (value) => fmt.num(value, 1),
            date: fmt.date,
            axisDate: fmt.dayMonth,
            override: (o) =>
              o.mode === 'scale'
                ? t('forecast.overrideScale', { value: fmt.num(o.value, 2) })
                : t('forecast.overrideReplace', { value: fmt.num(o.value, 1) }),
          })
        : null,
    [forecast.data, t, fmt],
  );
  const total =
    forecast.data?.forecast.reduce((sum, point) => sum + (Number.isFinite(point.mean) ? point.mean : 0), 0) ??
    0;

  return (
    <Paper withBorder radius="md" p="md" data-testid="forecast-panel">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t('forecast.title')}
        </Title>
        <Group gap="xs">
          <Select
            aria-label={t('field.location')}
            placeholder={t('forecast.allLocations')}
            data={locations.map((code) => ({ value: code, label: code }))}
            value={location}
            onChange={setLocation}
            clearable
            size="xs"
            w={150}
          />
          <Select
            aria-label={t('forecast.horizon')}
            data={HORIZONS.map((days) => ({
              value: String(days),
              label: t('forecast.days', { count: fmt.int(days) }),
            }))}
            value={horizon}
            onChange={(value) => {
              setHorizon(value ?? '90');
            }}
            allowDeselect={false}
            size="xs"
            w={110}
          />
        </Group>
      </Group>
      {forecast.isPending ? <PageLoader /> : null}
      <FailureAlert of={forecast} />
      {forecast.data === null ? (
        <NotAvailable title={t('forecast.notAvailableTitle')} description={t('forecast.notAvailableBody')} />
      ) : null}
      {forecast.data && option ? (
        <>
          <Group gap="xs" mb="xs" wrap="wrap">
            <Text size="sm" c="dimmed" data-testid="forecast-summary">
              {t('forecast.summary', { days: fmt.int(forecast.data.forecast.length), units: fmt.int(total) })}
            </Text>
            <Badge variant="light" color="gray" translate="no" title={t('forecast.model')}>
              {forecast.data.model}
            </Badge>
            {forecast.data.backtest ? (
              <Text size="sm" c="dimmed">
                {t('forecast.backtest', {
                  wape: fmt.pct(forecast.data.backtest.wape),
                  bias: fmt.pct(forecast.data.backtest.bias),
                })}
              </Text>
            ) : null}
          </Group>
          {forecast.data.priceChanges.map((c) => (
            <Text key={`${c.name}-${c.startsOn}`} size="sm" mb="xs" data-testid="forecast-price-change">
              {t('forecast.priceChange', {
                name: c.name,
                from: fmt.date(c.startsOn),
                to: fmt.date(c.endsOn),
                factor: fmt.num(c.priceFactor, 2),
                multiplier: fmt.num(c.demandMultiplier, 2),
                elasticity: fmt.num(c.elasticity, 2),
              })}
            </Text>
          ))}
          <Suspense fallback={<PageLoader />}>
            <ForecastChart
              option={option}
              label={t('forecast.chartLabel', {
                units: fmt.int(total),
                days: fmt.int(forecast.data.forecast.length),
              })}
            />
          </Suspense>
        </>
      ) : null}
    </Paper>
  );
}
