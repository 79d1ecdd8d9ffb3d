import { secretKeyFileFor } from './platform/secret-key-location';
import { REQUIRE_SECRET_KEY_ENV } from './platform/secret-box';
import type { Database } from '@stockwise/db/database';
import { migrate } from '@stockwise/db/migrate';
import type { StorageOptions } from '@stockwise/db/open-database';
import { openDatabase } from '@stockwise/db/open-database';
import { JobsService } from './jobs/jobs.service';
import { AuthService } from './accounts/auth.service';
import { MembersService, scheduleSessionPurge } from './accounts/members.service';
import { CatalogService } from './catalog/catalog.service';
import { InventoryService } from './ledger/inventory.service';
import { LedgerService } from './ledger/ledger.service';
import { LocationsService } from './catalog/locations.service';
import { Transactor } from './platform/transactor';
import { scheduleStatistics } from './platform/statistics';
import { storePendingSnapshots } from './platform/versioned-cache';
import { buildId } from './platform/build-id';
import { keepPlanningWarm } from './replenishment/planning-warmup';
import { schedulePlanningChangesPrune } from './replenishment/planning-changes.jobs';
import { AuditService } from './accounts/audit.service';
import { MovementsService } from './ledger/movements.service';
import { registerForecastJobs, scheduleDailyForecasts } from './forecasting/forecast.jobs';
import { ForecastService } from './forecasting/forecast.service';
import { EventsService } from './forecasting/events.service';
import { OverridesService } from './forecasting/overrides.service';
import type { ReplenishmentServices } from './replenishment/replenishment-services';
import { createReplenishmentServices } from './replenishment/replenishment-services';
import type { SalesOptions, SalesServices } from './sales/sales-services';
import { createSalesServices } from './sales/sales-services';
import type { HealthServices } from './health/health-services';
import { createHealthServices } from './health/health-services';

/** Everything a transport (HTTP, CLI, worker) needs: one database, one set of services. */
export interface Stockwise extends ReplenishmentServices, SalesServices, HealthServices {
  db: Database;
  tx: Transactor;
  auth: AuthService;
  members: MembersService;
  catalog: CatalogService;
  locations: LocationsService;
  ledger: LedgerService;
  movements: MovementsService;
  inventory: InventoryService;
  audit: AuditService;
  jobs: JobsService;
  forecasts: ForecastService;
  events: EventsService;
  overrides: OverridesService;
  /** Stores the answers computed but not stored yet (bounded wait), then closes the database. */
  close(): Promise<void>;
}

export function createStockwise(db: Database, options: SalesOptions = {}): Stockwise {
  const tx = new Transactor(db);
  const ledger = new LedgerService(tx);
  const jobs = new JobsService(tx);
  const forecasts = new ForecastService(tx);
  const auth = new AuthService(tx);
  const members = new MembersService(tx);
  scheduleSessionPurge(jobs, members);
  const replenishment = createReplenishmentServices({ tx, ledger });
  registerForecastJobs(jobs, forecasts);
  scheduleDailyForecasts(jobs, { auth, tx });
  scheduleStatistics(jobs, db);
  schedulePlanningChangesPrune(jobs, tx);
  keepPlanningWarm(jobs, { db, auth, tx, planning: replenishment.planning, restock: replenishment.restock });
  return {
    db,
    tx,
    auth,
    members,
    catalog: new CatalogService(tx),
    locations: new LocationsService(tx),
    ledger,
    movements: new MovementsService(tx, ledger),
    inventory: new InventoryService(tx, replenishment.planning),
    audit: new AuditService(tx),
    jobs,
    forecasts,
    events: new EventsService(tx),
    overrides: new OverridesService(tx),
    ...createSalesServices({ tx, ledger, jobs, auth }, options),
    ...replenishment,
    ...createHealthServices({
      tx,
      jobs,
      auth,
      planning: replenishment.planning,
      secretKeyFile: options.secretKeyFile,
    }),
    // Answers computed but not stored yet are stored first: a restart starts from them (docs/decisions.md 48).
    close: async () => {
      await storePendingSnapshots(tx);
      await db.close();
    },
  };
}

export { migrate };

/** Opens storage, applies pending migrations and wires the services. */
export async function openStockwise(options: StorageOptions): Promise<Stockwise> {
  // The build's name (a hash of the sources) is read while the database opens, not on the first request
  // that reads a stored answer: on a loaded machine it took that request 0.1–1.9 s (docs/decisions.md 52).
  void buildId();
  const db = await openDatabase(options);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return createStockwise(db, {
    // PostgreSQL: no key file — every worker must share one key, so STOCKWISE_SECRET_KEY is required.
    secretKeyFile: options.dataDir ? secretKeyFileFor(options.dataDir) : REQUIRE_SECRET_KEY_ENV,
  });
}
