import { Anchor, Group, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';

const SHOWN = 12;

/**
 * The first SKUs out of stock at one location or more (the planning positions' `out_of_stock`) as
 * links; `count` is how many SKUs there are in all (the server sends a sample).
 */
export function StockOutList({ skus, count }: { skus: string[]; count: number }) {
  const { t, fmt } = useI18n();
  return (
    <Paper withBorder radius="md" p="md" h="100%">
      <Title order={2} size="h4" mb="xs">
        {t('overview.stockOutTitle')}
      </Title>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {t('overview.noStockOuts')}
        </Text>
      ) : (
        <>
          <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {skus.slice(0, SHOWN).map((sku) => (
              <li key={sku}>
                <Anchor
                  component={Link}
                  to={`/products/${encodeURIComponent(sku)}`}
                  size="sm"
                  ff="monospace"
                  translate="no"
                >
                  {sku}
                </Anchor>
              </li>
            ))}
          </Group>
          {count > Math.min(SHOWN, skus.length) ? (
            <Text size="xs" c="dimmed" mt="xs">
              {t('overview.andMore', { count: fmt.int(count - Math.min(SHOWN, skus.length)) })}
            </Text>
          ) : null}
        </>
      )}
    </Paper>
  );
}
