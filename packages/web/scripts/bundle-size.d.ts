// Types for scripts/bundle-size.js (plain JS so `node scripts/bundle-size.js` runs without a build step).

export declare const DEFAULT_BUDGET_KB: number;

export interface ChunkSize {
  file: string;
  /** Gzipped bytes (level 9). */
  gzip: number;
}

export interface FirstLoadReport {
  budgetKb: number;
  /** Gzipped bytes of all JavaScript the overview route needs before it renders. */
  jsGzip: number;
  cssGzip: number;
  cssFiles: number;
  initialChunks: (ChunkSize & { raw: number })[];
  largestLazyChunks: ChunkSize[];
  withinBudget: boolean;
}

export declare function measureFirstLoad(options?: { dist?: string; budgetKb?: number }): FirstLoadReport;
