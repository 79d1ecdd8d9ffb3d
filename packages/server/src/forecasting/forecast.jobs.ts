import { DomainError } from '@stockwise/domain/errors';
import { forecastsRepository } from '@stockwise/db/forecasting/forecasts.repository';
import { jobsRepository } from '@stockwise/db/jobs/jobs.repository';
import type { Actor } from '../accounts/actor';
import type { JobsService } from '../jobs/jobs.service';
import type { AuthService } from '../accounts/auth.service';
import type { Transactor } from '../platform/transactor';
import type { ForecastService } from './forecast.service';
import { todayUtc } from './forecast.service';

export const FORECAST_RUN = 'forecast.run';

/** The background job behind POST /forecasts/run and `stockwise forecast`. */
export function registerForecastJobs(jobs: JobsService, forecasts: ForecastService): void {
  jobs.register(FORECAST_RUN, async ({ job, actor, reportProgress }) => {
    const horizon = typeof job.payload['horizon'] === 'number' ? job.payload['horizon'] : undefined;
    const asOf = typeof job.payload['asOf'] === 'string' ? job.payload['asOf'] : undefined;
    return forecasts.run(actor, {
      ...(horizon ? { horizon } : {}),
      ...(asOf ? { asOf } : {}),
      jobId: job.id,
      onProgress: reportProgress,
    });
  });
}

/**
 * Queues a forecast run (POST /forecasts/run, `stockwise forecast`): from today, or from a past day
 * as the run of that day would have forecast (its accuracy can then be scored); never a future day.
 */
export async function startForecastRun(
  jobs: JobsService,
  actor: Actor,
  options: { horizon?: number | undefined; asOf?: string | undefined },
) {
  if (options.asOf !== undefined && options.asOf > todayUtc()) {
    throw new DomainError('VALIDATION_FAILED', 'asOf must be today or earlier', { field: 'asOf' });
  }
  return jobs.enqueue(actor, FORECAST_RUN, {
    ...(options.horizon ? { horizon: options.horizon } : {}),
    ...(options.asOf ? { asOf: options.asOf } : {}),
  });
}

/**
 * Every account gets one forecast run a day (first day forecast = today), however many workers run.
 * An account that already has a finished run as of today (the first start's, or one the seller
 * asked for) is not forecast a second time that day.
 */
export function scheduleDailyForecasts(
  jobs: JobsService,
  services: { auth: AuthService; tx: Transactor },
): void {
  jobs.addSchedule(async () => {
    await enqueueDailyForecasts(jobs, services, todayUtc());
  });
}

/** One round of the daily schedule for `day`: the forecast runs it queued (the day's dedupe key keeps them once). */
export async function enqueueDailyForecasts(
  jobs: JobsService,
  services: { auth: AuthService; tx: Transactor },
  day: string,
): Promise<number[]> {
  const queued: number[] = [];
  for (const accountId of await jobsRepository.accountIds(services.tx.sql)) {
    if (await forecastsRepository.hasFinishedRunAsOf(services.tx.sql, accountId, day)) continue;
    const actor = await services.auth.ownerOf(accountId);
    const job = await jobs.enqueueOnce(actor, FORECAST_RUN, {}, `${FORECAST_RUN}:${day}`);
    if (job) queued.push(accountId);
  }
  return queued;
}
