/**
 * Messages of the restock planner (filters, totals, capacity, export, drafts), kept apart from
 * ../en.ts so that file stays reviewable; ../en.ts spreads them in, and the zh-CN / zh-TW files here
 * are typed against this one.
 */
export const plannerEn = {
  'planner.filters': 'Filter the restock plan',
  'planner.tableLabel': 'Restock plan lines',
  'planner.search': 'Search',
  'planner.searchPlaceholder': 'SKU, title, location or supplier',
  'planner.all': 'All',
  'planner.supplier': 'Supplier',
  'planner.noAlert': 'No alert',
  'planner.heldBack': 'Held back',
  'planner.heldBackAny': 'Any reason',
  'planner.groupBy': 'Group',
  'planner.groupBy.none': 'No grouping',
  'planner.groupBy.supplier': 'By supplier / transfer route',
  'planner.groupTotals': '{lines} lines · {units} units · cost {cost}',
  'planner.export': 'Export CSV',
  'planner.cost': 'Estimated cost',
  'planner.selectTransfer': 'Send {sku} to {location}',
  'planner.draftTransfers': 'Draft transfer shipment ({count})',
  'planner.shown': 'Showing {shown} of {total} lines',
  'planner.noMatches': 'No lines match these filters.',
  'planner.ofTotal': '{value} of {total}',
  'planner.totals.lines': 'Lines to act on',
  'planner.totals.units': 'Units',
  'planner.totals.cost': 'Estimated purchase cost',
  'planner.totals.unpriced': 'Purchases without a unit cost',
  'planner.capacity.title': 'Capacity after this plan (cubic feet)',
  'planner.capacity.figures': '{used} in use + {planned} planned of {limit}',
  'planner.capacity.used': 'In use',
  'planner.capacity.planned': 'Planned',
  'planner.capacity.cut': '{skus} SKUs cut by {units} units to fit: the plan wanted {wanted}',
  'planner.csv.title': 'Title',
  'planner.csv.source': 'Source',
  'planner.csv.unitCost': 'Unit cost',
  'planner.csv.from': 'From',
  'planner.csv.to': 'To',
} as const satisfies Record<string, string>;

export type PlannerMessages = Record<keyof typeof plannerEn, string>;
