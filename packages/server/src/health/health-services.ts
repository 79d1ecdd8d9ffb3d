import { SecretBox } from '../platform/secret-box';
import type { JobsService } from '../jobs/jobs.service';
import type { AuthService } from '../accounts/auth.service';
import type { Transactor } from '../platform/transactor';
import type { PlanningService } from '../replenishment/planning.service';
import { AlertsService } from '../alerts/alerts.service';
import { FeesService } from '../fees/fees.service';
import { registerHealthJobs, scheduleDailyHealth } from './health.jobs';
import { HealthService } from './health.service';
import { ReportsService } from '../reports/reports.service';

/** Inventory health's services, wired into Stockwise (createStockwise spreads these in). */
export interface HealthServices {
  health: HealthService;
  fees: FeesService;
  reports: ReportsService;
  alerts: AlertsService;
}

export function createHealthServices(deps: {
  tx: Transactor;
  jobs: JobsService;
  auth: AuthService;
  /** The planning position the stock alerts and the excess report read (stockwise.planning). */
  planning: PlanningService;
  secretKeyFile?: string | undefined;
}): HealthServices {
  const fees = new FeesService(deps.tx);
  const health = new HealthService(deps.tx);
  const reports = new ReportsService(deps.tx, fees, deps.planning);
  // SMTP passwords and webhook secrets are sealed with the same key as channel credentials.
  const box = new SecretBox({ env: process.env['STOCKWISE_SECRET_KEY'], keyFile: deps.secretKeyFile });
  const alerts = new AlertsService(deps.tx, { fees, reports, box, planning: deps.planning });
  registerHealthJobs(deps.jobs, { health, alerts });
  scheduleDailyHealth(deps.jobs, deps);
  return { health, fees, reports, alerts };
}
