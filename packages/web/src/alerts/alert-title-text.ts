import type { AlertItem } from '../api/types';
import { isMessageKey, type Translate } from '../i18n/translate';
import type { Formatters } from '../i18n/format';

type Params = AlertItem['params'];

/** Seller data in a title (SKUs, location codes, order numbers) is never translated: marked by this. */
export const DATA = '\u0001';

const str = (p: Params, name: string): string => {
  const v = p[name];
  return v === null || v === undefined ? '' : String(v);
};
const num = (p: Params, name: string): number | null => {
  const v = p[name];
  return typeof v === 'number' ? v : null;
};

/**
 * The alert's title in the reader's language from its code and parameters (the server's English
 * `title` is for e-mail and webhooks). Seller data comes back as numbered markers (`DATA`) that `AlertTitle` renders untranslated.
 */
export function alertTitleText(
  alert: AlertItem,
  t: Translate,
  fmt: Formatters,
): { text: string; data: string[] } {
  const p = alert.params;
  const data: string[] = [];
  const mark = (value: string) => `${DATA}${String(data.push(value) - 1)}${DATA}`;
  const n = (name: string, digits = 0) => {
    const v = num(p, name);
    return v === null ? '—' : fmt.num(v, digits);
  };
  const date = (name: string) => (str(p, name) ? fmt.date(str(p, name)) : '—');
  const where = { sku: mark(str(p, 'sku')), location: mark(str(p, 'location')) };
  const code = alert.code;
  switch (code) {
    case 'stock_out':
      return { text: t('alerts.message.stock_out', where), data };
    case 'reorder_now':
      return {
        text: t('alerts.message.reorder_now', {
          ...where,
          days: n('daysOfSupply', 1),
          leadTime: n('leadTimeDays'),
        }),
        data,
      };
    case 'low_stock':
      return {
        text: t('alerts.message.low_stock', {
          ...where,
          days: n('daysOfSupply', 1),
          coverLow: n('coverLowDays'),
          date: date('stockOutDate'),
        }),
        data,
      };
    case 'excess':
      return {
        text: t('alerts.message.excess', { ...where, units: n('units'), coverHigh: n('coverHighDays') }),
        data,
      };
    case 'stranded': {
      const listing = `listing.${str(p, 'listingStatus')}`;
      return {
        text: t('alerts.message.stranded', {
          sku: where.sku,
          units: n('units'),
          listing: isMessageKey(listing) ? t(listing) : mark(str(p, 'listingStatus')),
        }),
        data,
      };
    }
    case 'aging':
      return {
        text: t('alerts.message.aging', {
          ...where,
          units: n('units'),
          threshold: n('threshold'),
          date: date('date'),
        }),
        data,
      };
    case 'capacity': {
      const type = `alerts.storageType.${str(p, 'storageType')}`;
      const vars = {
        location: where.location,
        storageType: isMessageKey(type) ? t(type) : mark(str(p, 'storageType')),
        limit: n('limitCubicFeet'),
        days: n('inDays'),
      };
      return {
        text: t(num(p, 'inDays') === 0 ? 'alerts.message.capacityNow' : 'alerts.message.capacitySoon', vars),
        data,
      };
    }
    case 'supplier_bill_due': {
      const vars = { number: mark(str(p, 'purchaseOrder')), date: date('due') };
      return {
        text: t(p['overdue'] === true ? 'alerts.message.billOverdue' : 'alerts.message.billDue', vars),
        data,
      };
    }
    case 'ipi_low':
      return {
        text: t('alerts.message.ipi_low', { score: n('score'), threshold: n('threshold') }),
        data,
      };
  }
}
