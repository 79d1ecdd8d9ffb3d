/**
 * Messages of the decision pages (IPI history, what-if, surcharge at stake, storage and capacity,
 * report schedules, transfer drafts), kept apart from ../en.ts; ../en.ts spreads them in, and the
 * zh-CN / zh-TW files here are typed against this one.
 */
export const decisionsEn = {
  'nav.storage': 'Storage & capacity',
  'settings.reportSchedules': 'Report schedules',

  'ipiHistory.title': 'IPI history (last {weeks} weeks)',
  'ipiHistory.week': 'Week of',
  'ipiHistory.proxy': 'Proxy',
  'ipiHistory.amazon': 'Amazon score',
  'ipiHistory.line': '{line} line',
  'ipiHistory.chartLabel':
    'Chart of the IPI proxy week by week with the Amazon scores entered and the warning line',
  'ipiHistory.summary':
    'The proxy went from {from} to {to}; {below} weeks below the {line} line; {scores} weeks with an Amazon score.',

  'whatIf.title': 'What-if simulator',
  'whatIf.subtitle':
    'List actions and see how the proxy and its factors would move. Nothing is changed until you act.',
  'whatIf.action': 'Action',
  'whatIf.units': 'Units',
  'whatIf.kind.remove': 'Remove / liquidate units',
  'whatIf.kind.restock': 'Restock units',
  'whatIf.kind.fixListing': 'Fix the listing',
  'whatIf.add': 'Add action',
  'whatIf.none': 'No actions yet.',
  'whatIf.drop': 'Drop the action on {sku}',
  'whatIf.dropShort': 'Drop',
  'whatIf.run': 'Run what-if',
  'whatIf.summary': 'The proxy would go from {before} to {after} ({change}).',
  'whatIf.factor': 'Factor',
  'whatIf.before': 'Now',
  'whatIf.after': 'After',

  'surcharge.title': 'Aged-inventory surcharge at stake',
  'surcharge.thisMonth': 'This month ({month})',
  'surcharge.nextMonth': 'Next month ({month}), if still on hand',
  'surcharge.storageFee': 'Storage fee: {fee}',
  'surcharge.toStorage': 'Storage fees and capacity',

  'storage.title': 'Storage and capacity',
  'storage.subtitle': 'Monthly storage fees by storage type, and your use of each location’s limit.',
  'storage.thisMonth': 'Fees this month',
  'storage.nextMonth': 'Fees next month (today’s stock)',
  'storage.overageAtRisk': 'Capacity overage fee at risk this month',
  'storage.feesTitle': 'Storage fees by month',
  'storage.feesSummary': 'Storage fees and aged-inventory surcharge over {months} months: {total}.',
  'storage.chartLabel':
    'Bar chart of storage fees per month, stacked by storage type, with the aged-inventory surcharge',
  'storage.month': 'Month',
  'storage.surcharge': 'Aged-inventory surcharge',
  'storage.total': 'Total',
  'storage.basis.current': 'so far',
  'storage.basis.next': 'estimate',
  'storage.capacityTitle': 'Utilisation against the limits',
  'storage.noCapacity': 'No location has a capacity limit set.',
  'storage.type': 'Storage type',
  'storage.limit': 'Limit (ft³)',
  'storage.noLimit': 'No limit',
  'storage.used': '{used} ft³ ({pct})',
  'storage.overage': 'Overage fee {fee}',

  'schedules.explain':
    'Reports e-mailed daily or weekly to the recipients, through the e-mail settings under Notifications.',
  'schedules.new': 'New schedule',
  'schedules.report': 'Report',
  'schedules.every': 'Frequency',
  'schedules.format': 'Format',
  'schedules.recipients': 'Recipients',
  'schedules.recipientsHint': 'E-mail addresses, separated by commas.',
  'schedules.add': 'Add schedule',
  'schedules.empty': 'No reports are scheduled.',
  'schedules.lastSent': 'Last sent',
  'schedules.notYet': 'Not yet',
  'schedules.stop': 'Stop',
  'schedules.stopNamed': 'Stop the {report} schedule',
  'schedules.frequency.daily': 'Daily',
  'schedules.frequency.weekly': 'Weekly',
  'schedules.kind.inventory': 'Inventory',
  'schedules.kind.inventory-age': 'Inventory age',
  'schedules.kind.excess': 'Excess inventory',
  'schedules.kind.stranded': 'Stranded inventory',
  'schedules.kind.storage': 'Storage fees',
  'schedules.kind.profit': 'Profit',
} as const satisfies Record<string, string>;

export type DecisionsMessages = Record<keyof typeof decisionsEn, string>;
