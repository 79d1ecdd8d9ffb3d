import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import {
  conversionQuery,
  rememberConversion,
  rememberedConversion,
  type ConversionChoice,
  type ConversionQuery,
} from './conversion';

export interface Conversion {
  /** The currencies of the page's money: a rate is asked for each but the target. */
  currencies: readonly string[];
  /** What the seller has typed so far. */
  choice: ConversionChoice | null;
  update: (next: ConversionChoice | null) => void;
  /** The choice once typing has paused: what the page asks the server for. */
  settled: ConversionChoice | null;
  /** `convertTo` and `rates` for the report, null without a choice. */
  query: ConversionQuery | null;
}

/**
 * The account's conversion table on a page whose money is in `reportCurrencies`: remembered in this
 * browser (the same table on every page that totals money), asked for once typing pauses.
 */
export function useConversion(accountId: number, reportCurrencies: readonly string[]): Conversion {
  const [choice, setChoice] = useState<ConversionChoice | null>(() => rememberedConversion(accountId));
  const [settled] = useDebouncedValue(choice, 400);
  return {
    currencies: reportCurrencies,
    choice,
    update: (next) => {
      setChoice(next);
      rememberConversion(accountId, next);
    },
    settled,
    query: conversionQuery(settled, reportCurrencies),
  };
}
