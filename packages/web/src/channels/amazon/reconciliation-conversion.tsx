import { SimpleGrid, Text } from '@mantine/core';
import { CurrencyConversion } from '../../components/conversion/currency-conversion';
import { useConversion } from '../../components/conversion/use-conversion';
import { FigureCard } from '../../components/common/figure-card';
import { useI18n } from '../../i18n/i18n-context';
import { useConvertedReconciliation } from './reconciliation.hooks';

/** What is claimable and what was reimbursed, every currency's money in one at the seller's rates. */
export function ReconciliationConversion({
  accountId,
  currencies,
}: {
  accountId: number;
  currencies: readonly string[];
}) {
  const { t, fmt } = useI18n();
  const conversion = useConversion(accountId, currencies);
  const converted = useConvertedReconciliation(conversion.query);
  return (
    <CurrencyConversion conversion={conversion} result={converted} testId="recon">
      {(total) => {
        const worth = (units: number, value: number) => (
          <Text fw={600}>
            {t('recon.unitsWorth', { units: fmt.int(units), value: fmt.money(value, total.currency) })}
          </Text>
        );
        return (
          <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="recon-converted-total">
            <FigureCard
              testId="recon-converted-claimable"
              label={t('recon.claimable')}
              value={worth(total.eligibleUnits, total.eligibleValue)}
            />
            <FigureCard
              testId="recon-converted-reimbursed"
              label={t('recon.reimbursed')}
              value={worth(total.reimbursedUnits, total.reimbursedAmount)}
            />
          </SimpleGrid>
        );
      }}
    </CurrencyConversion>
  );
}
