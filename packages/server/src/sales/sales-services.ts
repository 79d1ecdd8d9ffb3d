import {
  AvailabilityPush,
  availabilityWindowSeconds,
  registerAvailabilityPush,
} from '../channels/webhook/availability-push';
import { ChannelsService } from '../channels/channels.service';
import { AmazonReconciliationService } from '../channels/amazon/amazon-reconciliation.service';
import { SendToAmazonService } from '../channels/amazon/send-to-amazon.service';
import {
  AmazonReportsService,
  describeReports,
  registerAmazonReportJobs,
} from '../channels/amazon/amazon-reports.service';
import { AmazonInventoryService, describeFbaSync } from '../channels/amazon/amazon-inventory.service';
import { ShopifyWebhookService } from '../channels/shopify/shopify-webhook.service';
import { SecretBox } from '../platform/secret-box';
import { CatalogService } from '../catalog/catalog.service';
import type { JobsService } from '../jobs/jobs.service';
import type { AuthService } from '../accounts/auth.service';
import type { LedgerService } from '../ledger/ledger.service';
import type { Transactor } from '../platform/transactor';
import { registerImportJobs } from '../imports/import.jobs';
import { ImportsService } from '../imports/imports.service';
import { OrdersService } from './orders.service';
import { SalesHistoryService } from './sales-history.service';

/** Orders, sales channels and imports (issue 4), wired once into Stockwise. */
export interface SalesServices {
  orders: OrdersService;
  channels: ChannelsService;
  amazonInventory: AmazonInventoryService;
  amazonReports: AmazonReportsService;
  amazonReconciliation: AmazonReconciliationService;
  sendToAmazon: SendToAmazonService;
  shopifyWebhooks: ShopifyWebhookService;
  imports: ImportsService;
  availabilityPush: AvailabilityPush;
  salesHistory: SalesHistoryService;
}

export interface SalesOptions {
  /** Where the credential key lives when STOCKWISE_SECRET_KEY is not set (the data folder's secret.key). */
  secretKeyFile?: string | undefined;
}

export function createSalesServices(
  deps: { tx: Transactor; ledger: LedgerService; jobs: JobsService; auth: AuthService },
  options: SalesOptions = {},
): SalesServices {
  const box = new SecretBox({ env: process.env['STOCKWISE_SECRET_KEY'], keyFile: options.secretKeyFile });
  const orders = new OrdersService(deps.tx, deps.ledger);
  const channels = new ChannelsService(deps.tx, { orders, box });
  const amazonInventory = new AmazonInventoryService(deps.tx, { ledger: deps.ledger, box });
  channels.addSyncStep('amazon', {
    name: 'inventory',
    run: async (actor, record) => describeFbaSync(await amazonInventory.sync(actor, record)),
    beforeOrders: (actor) => amazonInventory.readFirst(actor),
  });
  const shopifyWebhooks = new ShopifyWebhookService(deps.tx, {
    orders,
    channels,
    catalog: new CatalogService(deps.tx),
    auth: deps.auth,
    box,
  });
  const imports = new ImportsService(deps.tx, { ledger: deps.ledger, orders, channels });
  registerImportJobs(deps.jobs, imports);
  const amazonReports = new AmazonReportsService(deps.tx, { box, imports });
  channels.addSyncStep('amazon', {
    name: 'reports',
    run: async (actor, record) => describeReports(await amazonReports.run(actor, record)),
  });
  registerAmazonReportJobs(deps.jobs, { reports: amazonReports, auth: deps.auth, tx: deps.tx });
  const windowSeconds = availabilityWindowSeconds();
  const availabilityPush = new AvailabilityPush(deps.tx, { channels, box, windowSeconds });
  registerAvailabilityPush(deps.jobs, { push: availabilityPush, auth: deps.auth, windowSeconds });
  const salesHistory = new SalesHistoryService(deps.tx);
  return {
    orders,
    channels,
    amazonInventory,
    amazonReports,
    amazonReconciliation: new AmazonReconciliationService(deps.tx),
    sendToAmazon: new SendToAmazonService(deps.tx),
    shopifyWebhooks,
    imports,
    availabilityPush,
    salesHistory,
  };
}
