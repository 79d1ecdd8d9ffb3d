export { generateDemoSeller, simulateDemoSeller, type DemoSimulation } from './generate';
export { replayStock, stockKey, type ReplayResult } from './replay';
export { makeGtin13 } from './gtin';
export type { FinalStock } from './simulate';
export type {
  DemoEvent,
  DemoLocation,
  DemoProduct,
  DemoPurchaseOrder,
  DemoPurchaseOrderLine,
  DemoSeller,
  DemoSellerOptions,
  DemoSupplier,
} from './types';
