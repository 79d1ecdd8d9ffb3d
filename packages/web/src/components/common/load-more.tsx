import { Button, Group, type MantineSpacing } from '@mantine/core';
import { useI18n } from '../../i18n/i18n-context';

/** "Load more" under a paged list while its infinite query has another page. */
export function LoadMore({
  query,
  mt,
  testId,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  mt?: MantineSpacing;
  testId?: string;
}) {
  const { t } = useI18n();
  if (!query.hasNextPage) return null;
  return (
    <Group justify="center" mt={mt}>
      <Button
        variant="default"
        loading={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
        data-testid={testId}
      >
        {t('common.loadMore')}
      </Button>
    </Group>
  );
}
