import { CurrencyConversion } from '../../../components/conversion/currency-conversion';
import { useConversion } from '../../../components/conversion/use-conversion';
import { useConvertedProfit, type ProfitPeriod } from '../../profit.hooks';
import { CurrencySummary } from './profit-summary';

/** The period's profit totals in one currency at the seller's own rates (the shared conversion panel). */
export function ProfitConversion({
  accountId,
  period,
  reportCurrencies,
}: {
  accountId: number;
  period: ProfitPeriod;
  reportCurrencies: readonly string[];
}) {
  const conversion = useConversion(accountId, reportCurrencies);
  const converted = useConvertedProfit(period, conversion.query);
  return (
    <CurrencyConversion conversion={conversion} result={converted} testId="profit">
      {(total) => <CurrencySummary totals={total} titled={false} testId="profit-converted-total" />}
    </CurrencyConversion>
  );
}
