import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { RestockReasoning } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';

/** The numbers behind one recommendation, so a buyer can check the arithmetic rather than trust it. */
export function ReasoningRow({ reasoning, colSpan }: { reasoning: RestockReasoning; colSpan: number }) {
  const { t, fmt } = useI18n();
  const facts: [string, string][] = [
    [t('restock.why.dailyDemand'), fmt.num(reasoning.dailyDemand, 2)],
    [t('restock.why.leadTime'), t('forecast.days', { count: fmt.int(reasoning.leadTimeDays) })],
    [t('restock.why.serviceLevel'), fmt.pct(reasoning.serviceLevel)],
    [t('restock.why.safetyStock'), fmt.num(reasoning.safetyStock, 0)],
    [t('restock.why.reorderPoint'), fmt.num(reasoning.reorderPoint, 0)],
    [t('restock.why.orderUpTo'), fmt.num(reasoning.orderUpTo, 0)],
    [t('restock.why.position'), fmt.int(reasoning.position.total)],
    [t('restock.why.casePack'), `${fmt.int(reasoning.casePack)} / ${fmt.int(reasoning.moq)}`],
  ];
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan} bg="gray.0">
        <SimpleGrid
          cols={{ base: 2, sm: 4 }}
          spacing="xs"
          component="dl"
          m={0}
          data-testid="restock-reasoning"
        >
          {facts.map(([label, value]) => (
            <Stack gap={0} key={label}>
              <Text component="dt" size="xs" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0} size="sm" fw={500}>
                {value}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        <PriceChanges changes={reasoning.forecastPriceChanges} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The planned price changes the demand includes (event, dates, price and demand multipliers); none: nothing. */
function PriceChanges({ changes }: { changes: RestockReasoning['forecastPriceChanges'] }) {
  const { t, fmt } = useI18n();
  if (changes.length === 0) return null;
  return (
    <Stack gap={2} mt="xs" data-testid="restock-price-changes">
      <Text size="xs" c="dimmed">
        {t('restock.why.priceChanges')}
      </Text>
      {changes.map((c) => (
        <Text size="sm" key={`${c.name}:${c.startsOn}`}>
          {t('restock.why.priceChange', {
            name: c.name,
            from: fmt.date(c.startsOn),
            to: fmt.date(c.endsOn),
            factor: fmt.num(c.priceFactor, 2),
            change: `${c.priceFactor < 1 ? '−' : '+'}${fmt.pct(Math.abs(c.priceFactor - 1), 0)}`,
            multiplier: fmt.num(c.demandMultiplier, 2),
            elasticity: fmt.num(c.elasticity, 2),
          })}
        </Text>
      ))}
    </Stack>
  );
}
