import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { ageBucketLabel } from '../../health/age-buckets';
import { useI18n } from '../../i18n/i18n-context';
import type { AgeBucketSummary } from '../summary';

const COLORS = ['teal', 'blue', 'yellow', 'orange', 'red'] as const;

/** Units per age bucket; plain bars rather than a chart library keeps the overview chunk small. */
export function AgeBuckets({ buckets }: { buckets: AgeBucketSummary[] }) {
  const { t, fmt } = useI18n();
  const total = buckets.reduce((sum, b) => sum + b.units, 0);
  return (
    <Paper withBorder radius="md" p="md" h="100%">
      <Title order={2} size="h4" mb="sm">
        {t('overview.ageTitle')}
      </Title>
      <Stack gap="xs" data-testid="age-buckets">
        {buckets.map((bucket, index) => {
          const share = total ? bucket.units / total : 0;
          return (
            <div key={bucket.id}>
              <Group justify="space-between" gap="xs">
                <Text size="sm">{ageBucketLabel(t, bucket)}</Text>
                <Text size="sm" className="num">
                  {t('overview.unitsShare', { units: fmt.int(bucket.units), share: fmt.pct(share) })}
                </Text>
              </Group>
              <Progress
                value={share * 100}
                color={COLORS[index] ?? 'gray'}
                size="md"
                aria-label={ageBucketLabel(t, bucket)}
              />
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
