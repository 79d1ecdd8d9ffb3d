import { Group, Paper, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import type { RestockPlan } from '../../api/types';
import { LabelledValue } from '../../components/common/labelled-value';
import { useI18n } from '../../i18n/i18n-context';
import { isMessageKey } from '../../i18n/translate';
import type { RestockTotals } from './restock-model';

type CapacityFit = RestockPlan['capacity'][number];

/** Lines, units and cost of the rows shown (after the filters), against the whole plan's. */
export function TotalsBar({ shown, all }: { shown: RestockTotals; all: RestockTotals }) {
  const { t, fmt } = useI18n();
  const of = (value: string, total: string) =>
    value === total ? value : t('planner.ofTotal', { value, total });
  return (
    <Paper withBorder radius="md" p="sm" data-testid="planner-totals">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <LabelledValue
          label={t('planner.totals.lines')}
          value={
            <span data-testid="planner-total-lines">{of(fmt.int(shown.lines), fmt.int(all.lines))}</span>
          }
        />
        <LabelledValue
          label={t('planner.totals.units')}
          value={
            <span data-testid="planner-total-units">{of(fmt.int(shown.units), fmt.int(all.units))}</span>
          }
        />
        <LabelledValue
          label={t('planner.totals.cost')}
          value={<span data-testid="planner-total-cost">{fmt.num(shown.cost, 0)}</span>}
        />
        <LabelledValue label={t('planner.totals.unpriced')} value={fmt.int(shown.unpriced)} />
      </SimpleGrid>
    </Paper>
  );
}

/**
 * One bar per location × storage type the plan was fitted to: space in use, what the plan adds,
 * and what is left; where the limit binds, how many SKUs were cut and by how many units. The fit is
 * the server's (docs/formulas.md); this only draws it, with the figures in words beside the bar.
 */
function CapacityBar({ fit }: { fit: CapacityFit }) {
  const { t, fmt } = useI18n();
  const limit = Math.max(fit.limitCubicFeet, 1e-9);
  const share = (value: number) => Math.min(100, Math.max(0, (value / limit) * 100));
  const cutUnits = fit.cut.reduce((sum, c) => sum + c.recommendedQuantity - c.plannedQuantity, 0);
  const typeKey = `alerts.storageType.${fit.storageType}`;
  const storageType = isMessageKey(typeKey) ? t(typeKey) : fit.storageType;
  const words = t('planner.capacity.figures', {
    used: fmt.num(fit.usedCubicFeet, 0),
    planned: fmt.num(fit.plannedCubicFeet, 0),
    limit: fmt.num(fit.limitCubicFeet, 0),
  });
  return (
    <Stack gap={4} data-testid={`capacity-${fit.location}-${fit.storageType}`}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" fw={500}>
          <span translate="no">{fit.location}</span> · {storageType}
        </Text>
        <Text size="xs" c="dimmed">
          {words}
        </Text>
      </Group>
      <Progress.Root size="lg" aria-hidden>
        <Tooltip label={t('planner.capacity.used')}>
          <Progress.Section value={share(fit.usedCubicFeet)} color="gray.6" />
        </Tooltip>
        <Tooltip label={t('planner.capacity.planned')}>
          <Progress.Section
            value={Math.min(share(fit.plannedCubicFeet), 100 - share(fit.usedCubicFeet))}
            color={fit.binding ? 'orange.7' : 'blue.7'}
          />
        </Tooltip>
      </Progress.Root>
      {fit.cut.length > 0 ? (
        <Text size="xs" data-testid="capacity-cut">
          {t('planner.capacity.cut', {
            skus: fmt.int(fit.cut.length),
            units: fmt.int(cutUnits),
            wanted: fmt.num(fit.recommendedCubicFeet, 0),
          })}
        </Text>
      ) : null}
    </Stack>
  );
}

export function CapacityBars({ capacity }: { capacity: readonly CapacityFit[] }) {
  const { t } = useI18n();
  if (capacity.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="sm" fw={600} mb="xs" id="planner-capacity-title">
        {t('planner.capacity.title')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" aria-labelledby="planner-capacity-title">
        {capacity.map((fit) => (
          <CapacityBar key={`${fit.location}\u0001${fit.storageType}`} fit={fit} />
        ))}
      </SimpleGrid>
    </Paper>
  );
}
