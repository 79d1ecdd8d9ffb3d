import { expect, it } from 'vitest';
import { reimbursementRow, reportRows } from '@stockwise/domain/channels/amazon/reports';
import { amazonReportsRepository } from '@stockwise/db/channels/amazon-reports.repository';
import { describeEachBackend, useStockwise } from '../support/backends';
import { cubesAtTwoStores, FBA_DE, twoNetworkSeller } from '../support/two-network-seller';

interface StorageTotal {
  currency: string;
  storageFee: number;
  agedSurcharge: number;
}
interface Converted<T> {
  total: T | null;
  rates: Record<string, number>;
  missingRates: string[];
}
interface Month {
  basis: string;
  totals: StorageTotal[];
  converted?: Converted<StorageTotal>;
}

/** GET_FBA_REIMBURSEMENTS_DATA: a loss reimbursed in EUR (placed at FBA-DE) and one in USD (FBA-US). */
const REIMBURSEMENTS = [
  'approval-date\treimbursement-id\tcase-id\tamazon-order-id\treason\tsku\tfnsku\tasin\tproduct-name\tcondition\tcurrency-unit\tamount-per-unit\tamount-total\tquantity-reimbursed-cash\tquantity-reimbursed-inventory\tquantity-reimbursed-total\toriginal-reimbursement-id\toriginal-reimbursement-type',
  '2025-07-02T07:00:00+00:00\t3200000001\t\t\tLost_Warehouse\tANY\tX00ANYFNSK\tB00ANY0001\tAny\tNew\tEUR\t11.00\t22.00\t2\t0\t2\t\t',
  '2025-07-03T07:00:00+00:00\t3200000002\t\t\tLost_Warehouse\tANY\tX00ANYFNSK\tB00ANY0001\tAny\tNew\tUSD\t12.50\t12.50\t1\t0\t1\t\t',
].join('\n');

describeEachBackend(
  'Totals in one currency by the seller’s rates: storage overview and reconciliation',
  (backend) => {
    const ctx = useStockwise(backend);

    it('each month’s storage fees of GBP and USD in USD at the seller’s rate; a missing rate named; bad tables refused', async () => {
      const uk = { code: 'FBA-GB', name: 'Amazon UK', marketplace: 'GB' };
      const { api } = await cubesAtTwoStores(ctx, 'ANY', uk, '2025-07-01T12:00:00Z');
      const path = '/api/v1/reports/storage/overview?asOf=2025-07-10&months=2';
      const plain = await api.get(path);
      expect(plain.status).toBe(200);
      const months = plain.body['months'] as Month[];
      // nothing is converted unless the seller asks
      expect(months.every((m) => m.converted === undefined)).toBe(true);
      const july = months.find((m) => m.basis === 'current')!;
      const [gbp, usd] = july.totals;
      expect([gbp?.currency, usd?.currency]).toEqual(['GBP', 'USD']);
      expect(gbp!.storageFee).toBeGreaterThan(0);

      const converted = await api.get(`${path}&convertTo=USD&rates=GBP:1.27`);
      expect(converted.status, JSON.stringify(converted.body)).toBe(200);
      const byMonth = converted.body['months'] as Month[];
      // the per-currency figures are as they were; beside them each month's total in USD
      expect(byMonth.map((m) => m.totals)).toEqual(months.map((m) => m.totals));
      const julyInUsd = byMonth.find((m) => m.basis === 'current')!.converted!;
      expect(julyInUsd.missingRates).toEqual([]);
      expect(julyInUsd.rates).toEqual({ GBP: 1.27 });
      expect(julyInUsd.total!.currency).toBe('USD');
      expect(julyInUsd.total!.storageFee).toBeCloseTo(usd!.storageFee + gbp!.storageFee * 1.27, 2);
      expect(julyInUsd.total!.agedSurcharge).toBeCloseTo(usd!.agedSurcharge + gbp!.agedSurcharge * 1.27, 2);
      // a month with no fees at all is a total of zeros, not a missing rate
      const june = byMonth.find((m) => m.basis === 'past' && m.totals.length === 0);
      if (june)
        expect(june.converted).toEqual({
          total: { currency: 'USD', storageFee: 0, agedSurcharge: 0 },
          rates: { GBP: 1.27 },
          missingRates: [],
        });

      // into EUR with only GBP's rate: no total, USD named
      const partial = await api.get(`${path}&convertTo=EUR&rates=GBP:1.17`);
      const julyInEur = (partial.body['months'] as Month[]).find((m) => m.basis === 'current')!.converted!;
      expect(julyInEur).toEqual({ total: null, rates: { GBP: 1.17 }, missingRates: ['USD'] });

      // the one parser refuses a bad table, naming the field, on this endpoint as on the others
      for (const [query, field] of [
        ['rates=GBP:1.27', 'convertTo'],
        ['convertTo=usd', 'convertTo'],
        ['convertTo=USD&rates=GBP:0', 'rates'],
        ['convertTo=USD&rates=GBP:1e3', 'rates'],
        ['convertTo=USD&rates=GBP', 'rates'],
        ['convertTo=USD&rates=GBP:1.2,GBP:1.3', 'rates'],
        ['convertTo=USD&rates=USD:2', 'rates'],
      ] as const) {
        const bad = await api.get(`${path}&${query}`);
        expect(bad.status, query).toBe(400);
        expect(bad.body['field'], query).toBe(field);
      }
    });

    it('reconciliation totals of EUR and USD in USD: money converted, units added; a missing rate named', async () => {
      const seller = await twoNetworkSeller(ctx, { skus: ['ANY'], otherAmazon: [FBA_DE] });
      await amazonReportsRepository.addReimbursements(
        ctx.sw.db,
        seller.owner.actor.accountId,
        'doc-conversion',
        reportRows(REIMBURSEMENTS).map(reimbursementRow),
      );
      const path = '/api/v1/channels/amazon/reconciliation';
      const plain = await seller.api.get(path);
      expect(plain.status, JSON.stringify(plain.body)).toBe(200);
      expect(plain.body['converted']).toBeUndefined();
      expect(plain.body['totals']).toMatchObject([
        { currency: 'EUR', reimbursedUnits: 2, reimbursedAmount: 22 },
        { currency: 'USD', reimbursedUnits: 1, reimbursedAmount: 12.5 },
      ]);
      const totals = plain.body['totals'] as { eligibleUnits: number; eligibleValue: number }[];

      const inUsd = await seller.api.get(`${path}?convertTo=USD&rates=EUR:1.1`);
      expect(inUsd.status, JSON.stringify(inUsd.body)).toBe(200);
      expect(inUsd.body['totals']).toEqual(plain.body['totals']);
      // 22 EUR × 1.1 + 12.50 USD = 36.70 USD; 2 + 1 units, never converted
      expect(inUsd.body['converted']).toEqual({
        total: {
          currency: 'USD',
          eligibleUnits: totals[0]!.eligibleUnits + totals[1]!.eligibleUnits,
          eligibleValue: Math.round((totals[0]!.eligibleValue * 1.1 + totals[1]!.eligibleValue) * 100) / 100,
          reimbursedUnits: 3,
          reimbursedAmount: 36.7,
        },
        rates: { EUR: 1.1 },
        missingRates: [],
      });
      const inGbp = await seller.api.get(`${path}?convertTo=GBP&rates=EUR:0.85`);
      expect(inGbp.body['converted']).toEqual({ total: null, rates: { EUR: 0.85 }, missingRates: ['USD'] });
      const bad = await seller.api.get(`${path}?convertTo=USD&rates=EUR:-1`);
      expect(bad.status).toBe(400);
      expect(bad.body['field']).toBe('rates');
    });
  },
);
