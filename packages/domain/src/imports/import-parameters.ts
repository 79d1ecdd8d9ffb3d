import type { ImportKind } from './import-formats';

/** Query parameters an import reads beyond its file: the route parses them, and the web offers them, only here. */
export const IMPORT_PARAMETERS = ['mapping', 'readAt'] as const;
export type ImportParameter = (typeof IMPORT_PARAMETERS)[number];

const READS: Partial<Record<ImportKind, readonly ImportParameter[]>> = {
  // The file's own column names, mapped to the fields of a sale (sales-history.ts).
  'sales-history': ['mapping'],
  // When the Manage FBA Inventory report was taken: a read of Amazon's figures then (docs/decisions.md 53, 59).
  'amazon-inventory': ['readAt'],
};

export const importParameters = (kind: ImportKind): readonly ImportParameter[] => READS[kind] ?? [];

export const importReads = (kind: ImportKind, parameter: ImportParameter): boolean =>
  importParameters(kind).includes(parameter);
