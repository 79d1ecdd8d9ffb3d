import type { JobsService } from '../jobs/jobs.service';
import type { AuthService } from '../services/auth.service';
import type { Transactor } from '../services/transactor';
import { FeesService } from './fees.service';
import { HealthService } from './health.service';
import { ReportsService } from './reports.service';

/** Inventory health's services, wired into Stockwise (createStockwise spreads these in). */
export interface HealthServices {
  health: HealthService;
  fees: FeesService;
  reports: ReportsService;
}

export function createHealthServices(deps: { tx: Transactor; jobs: JobsService; auth: AuthService }): HealthServices {
  const fees = new FeesService(deps.tx);
  const health = new HealthService(deps.tx);
  const reports = new ReportsService(deps.tx, fees);
  return { health, fees, reports };
}
