import { describe, expect, it } from 'vitest';
import type { AlertItem } from '../src/api/types';
import { alertTitleText, DATA } from '../src/alerts/alert-title-text';
import { formatters } from '../src/i18n/format';
import { translator } from '../src/i18n/translate';
import { CODE_WORDS } from './support/visible-text';

/** One alert of each code with the parameters the server sends (docs/formulas.md Alerts). */
const base = {
  id: 1,
  severity: 'warning',
  sku: 'APP-0001-SMA',
  location: 'FBA-US',
  title: 'server English',
  details: {},
  urgentOn: null,
  status: 'open',
  snoozedUntil: null,
  firstSeenAt: '2026-03-01T00:00:00.000Z',
  lastSeenAt: '2026-03-01T00:00:00.000Z',
  acknowledgedAt: null,
  resolvedAt: null,
  notifiedAt: null,
} as const;
const where = { sku: 'APP-0001-SMA', location: 'FBA-US' };
const ALERTS: AlertItem[] = (
  [
    ['stock_out', { ...where, dailyDemand: 2.5 }],
    ['reorder_now', { ...where, daysOfSupply: 40.4, leadTimeDays: 63, stockOutDate: '2026-04-10' }],
    ['low_stock', { ...where, daysOfSupply: 27.5, coverLowDays: 28, stockOutDate: '2026-03-28' }],
    ['excess', { ...where, units: 1200, coverHighDays: 90 }],
    ['stranded', { sku: 'APP-0001-SMA', units: 12, listingStatus: 'inactive' }],
    ['aging', { ...where, units: 10, threshold: 181, date: '2026-03-20' }],
    ['capacity', { location: 'FBA-US', storageType: 'standard', limitCubicFeet: 100, inDays: 30 }],
    ['capacity', { location: 'FBA-US', storageType: 'oversize', limitCubicFeet: 100, inDays: 0 }],
    ['supplier_bill_due', { purchaseOrder: 'PO-0042', due: '2026-02-28', overdue: true }],
    ['ipi_low', { score: 379, threshold: 400 }],
  ] as const
).map(([code, params]) => ({ ...base, kind: code, code, params }));

const render = (locale: 'en' | 'zh-CN' | 'zh-TW', alert: AlertItem) => {
  const { text, data } = alertTitleText(alert, translator(locale), formatters(locale));
  return {
    /** The words a reader sees outside seller data. */
    words: text.replace(new RegExp(`${DATA}\\d+${DATA}`, 'g'), ''),
    plain: text.replace(new RegExp(`${DATA}(\\d+)${DATA}`, 'g'), (_m, i: string) => data[Number(i)] ?? ''),
    data,
  };
};

describe('alert titles from code and parameters', () => {
  it('render in English with the figures, seller data kept apart', () => {
    const [stockOut, reorder, low, , stranded, , soon, now, bill, ipi] = ALERTS.map((a) => render('en', a));
    expect(stockOut!.plain).toBe('APP-0001-SMA is out of stock at FBA-US');
    expect(stockOut!.data).toEqual(['APP-0001-SMA', 'FBA-US']);
    expect(reorder!.plain).toBe(
      'Reorder APP-0001-SMA for FBA-US now: 40.4 days of supply, lead time 63 days',
    );
    expect(low!.plain).toContain('27.5 days of supply, below the 28-day minimum');
    expect(stranded!.plain).toBe('APP-0001-SMA: 12 units stranded (Listing inactive)');
    expect(soon!.plain).toContain('within 30 days');
    expect(now!.plain).toBe('FBA-US, oversize: over its 100 cu ft limit');
    expect(bill!.plain).toContain('overdue since');
    expect(ipi!.plain).toBe('IPI proxy 379 is below 400: Amazon limits storage');
  });

  it('render every code in 简体中文 and 繁體中文 without English words (beyond codes sellers use)', () => {
    const allowed = new Set(CODE_WORDS);
    for (const locale of ['zh-CN', 'zh-TW'] as const)
      for (const alert of ALERTS) {
        const { words, plain } = render(locale, alert);
        expect(words, `${locale} ${alert.code}`).toMatch(/[\u4e00-\u9fff]/);
        expect(
          (words.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.has(w)),
          plain,
        ).toEqual([]);
        expect(plain).not.toContain('server English');
      }
    expect(render('zh-CN', ALERTS[0]!).plain).toBe('APP-0001-SMA 在 FBA-US 缺货');
    expect(render('zh-TW', ALERTS[0]!).plain).toBe('APP-0001-SMA 在 FBA-US 缺貨');
  });
});
