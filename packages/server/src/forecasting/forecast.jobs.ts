import { jobsRepository } from '@stockwise/db/jobs/jobs.repository';
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
    return forecasts.run(actor, {
      ...(horizon ? { horizon } : {}),
      jobId: job.id,
      onProgress: reportProgress,
    });
  });
}

/** Every account gets one forecast run a day (first day forecast = today), however many workers run. */
export function scheduleDailyForecasts(
  jobs: JobsService,
  services: { auth: AuthService; tx: Transactor },
): void {
  jobs.addSchedule(async () => {
    const day = todayUtc();
    for (const accountId of await jobsRepository.accountIds(services.tx.sql)) {
      const actor = await services.auth.ownerOf(accountId);
      await jobs.enqueueOnce(actor, FORECAST_RUN, {}, `${FORECAST_RUN}:${day}`);
    }
  });
}
