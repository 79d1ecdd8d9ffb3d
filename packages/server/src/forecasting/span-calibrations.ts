import type { StoredForecast } from '@stockwise/db/forecasting/forecasts.repository';
import { forecastsRepository } from '@stockwise/db/forecasting/forecasts.repository';
import type { Sql } from '@stockwise/db/database';
import type { CatalogueSpanCalibration } from '@stockwise/domain/forecasting/span-calibration';
import type { DemandForecast } from '@stockwise/domain/forecasting/types';

/** The calibration of span sums each forecast plans on (docs/decisions.md 36, 40). */
export interface PlanningCalibrations {
  /** A stored forecast rebased for planning, with the calibration of the run that made it, if any. */
  stored(f: DemandForecast, from: StoredForecast): DemandForecast;
  /** A forecast computed for planning, with the account's latest finished run's calibration, if any. */
  computed(f: DemandForecast): Promise<DemandForecast>;
}

const withCalibration = (f: DemandForecast, c: CatalogueSpanCalibration | undefined): DemandForecast =>
  c ? { ...f, spanCalibration: c } : f;

/**
 * Reads the calibrations the forecast runs behind `stored` fitted and stored: a forecast without one
 * (an older run, or a catalogue with no honest check) plans on the default (`SPAN_CALIBRATION`).
 */
export async function planningCalibrations(
  sql: Sql,
  accountId: number,
  stored: readonly StoredForecast[],
): Promise<PlanningCalibrations> {
  const runIds = stored.flatMap((f) => (f.runId === null ? [] : [f.runId]));
  const byRun = await forecastsRepository.spanCalibrations(sql, accountId, runIds);
  let latest: Promise<CatalogueSpanCalibration | undefined> | undefined;
  return {
    stored: (f, from) => withCalibration(f, from.runId === null ? undefined : byRun.get(from.runId)),
    computed: async (f) => {
      latest ??= forecastsRepository.latestSpanCalibration(sql, accountId);
      return withCalibration(f, await latest);
    },
  };
}
