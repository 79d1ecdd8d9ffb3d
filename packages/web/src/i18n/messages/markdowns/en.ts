/**
 * Messages of the clearance page's markdown planner, kept apart from ../en.ts so that file stays
 * reviewable; ../en.ts spreads them in, and the zh-CN / zh-TW files here are typed against this one.
 */
export const markdownsEn = {
  'clearance.actions': 'Actions',
  'markdown.plan': 'Plan markdown',
  'markdown.planFor': 'Plan markdown of {sku}',
  'markdown.show': 'Markdowns',
  'markdown.showFor': 'Markdowns of {sku}',
  'markdown.title': 'Markdown of',
  'markdown.advised': 'Advised: sell at {price} for {days} days.',
  'markdown.current': 'Current price {price}.',
  'markdown.startsOn': 'First day',
  'markdown.endsOn': 'Last day',
  'markdown.endsOnDefault': 'Empty: {date}, the advised {days} days.',
  'markdown.endsOnNeeded': 'Required: the advice gives no duration.',
  'markdown.percentOff': 'Percentage off',
  'markdown.newPrice': 'New price {price}.',
  'markdown.forecastNote':
    "The SKU's forecast and the restock plan use a planned markdown as soon as it is saved (forecasts made before it are computed again).",
  'markdown.save': 'Plan markdown',
  'markdown.saved': 'Markdown planned.',
  'markdown.planned': 'Planned markdowns of this SKU',
  'markdown.none': 'No markdown planned for this SKU.',
  'markdown.item': '{from} – {to}: price × {factor} ({percent} off)',
  'markdown.remove': 'Remove',
  'markdown.removeFor': 'Remove the markdown from {from} to {to}',
  'markdown.shared': 'Shared price changes that also apply to this SKU (changed where events are managed)',
  'markdown.covers.all': 'all SKUs',
  'markdown.covers.category': 'category',
  'markdown.covers.skus': '{count} SKUs',
  'markdown.viewOnly': 'Your role can see planned markdowns but not plan or remove them.',
  'markdown.eventName': 'Clearance markdown',
  'markdown.invalid.startsOn': 'Enter the first day as a date.',
  'markdown.invalid.endsOn': 'Enter a last day on or after the first day, at most a year later.',
  'markdown.invalid.priceFactor':
    'Enter a percentage off below 100 (the new price above zero, at most five times the current price).',
} as const;

export type MarkdownsMessages = Record<keyof typeof markdownsEn, string>;
