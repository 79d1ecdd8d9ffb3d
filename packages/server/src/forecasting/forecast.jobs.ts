import type { JobsService } from '../jobs/jobs.service';
import type { ForecastService } from './forecast.service';

export const FORECAST_RUN = 'forecast.run';

/** The background job behind POST /forecasts/run and `stockwise forecast`. */
export function registerForecastJobs(jobs: JobsService, forecasts: ForecastService): void {
  jobs.register(FORECAST_RUN, async ({ job, actor, reportProgress }) => {
    const horizon = typeof job.payload['horizon'] === 'number' ? job.payload['horizon'] : undefined;
    return forecasts.run(actor, { ...(horizon ? { horizon } : {}), jobId: job.id, onProgress: reportProgress });
  });
}
