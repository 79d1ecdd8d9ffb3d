import { jobsRepository } from '@stockwise/db/jobs/jobs.repository';
import type { JobsService } from '../jobs/jobs.service';
import type { AuthService } from '../accounts/auth.service';
import type { Transactor } from '../platform/transactor';
import type { AlertsService } from '../alerts/alerts.service';
import type { HealthService } from './health.service';
import { todayIso } from './health.service';

export const HEALTH_DAILY = 'health.daily';

/** The daily health job: this week's IPI snapshot, alert evaluation and delivery, scheduled report e-mails. */
export function registerHealthJobs(
  jobs: JobsService,
  services: { health: HealthService; alerts: AlertsService },
): void {
  jobs.register(HEALTH_DAILY, async ({ actor, reportProgress }) => {
    const day = todayIso();
    const snapshot = await services.health.snapshot(actor, day);
    await reportProgress(0.3, 'IPI snapshot stored');
    const alerts = await services.alerts.evaluate(actor, { asOf: day });
    await reportProgress(0.7, `${String(alerts.opened)} new alerts`);
    const reports = await services.alerts.sendScheduledReports(actor, day);
    return { snapshot, alerts, reportsSent: reports };
  });
}

/** Once a day per account, however many workers run (job dedupe key), like the daily forecast run. */
export function scheduleDailyHealth(
  jobs: JobsService,
  services: { auth: AuthService; tx: Transactor },
): void {
  jobs.addSchedule(async () => {
    const day = todayIso();
    for (const accountId of await jobsRepository.accountIds(services.tx.sql)) {
      const actor = await services.auth.ownerOf(accountId);
      await jobs.enqueueOnce(actor, HEALTH_DAILY, {}, `${HEALTH_DAILY}:${day}`);
    }
  });
}
