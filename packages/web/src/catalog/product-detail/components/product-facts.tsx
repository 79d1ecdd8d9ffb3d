import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Product } from '../../../api/types';
import { CodeLabel } from '../../../components/common/code-label';
import { useI18n } from '../../../i18n/i18n-context';

function Fact({ label, children, data = false }: { label: string; children: ReactNode; data?: boolean }) {
  return (
    <Stack gap={0}>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text
        component="dd"
        m={0}
        size="sm"
        fw={500}
        translate={data ? 'no' : undefined}
        ff={data ? 'monospace' : undefined}
      >
        {children}
      </Text>
    </Stack>
  );
}

/** The product's codes and names, shown as the seller typed them (monospace, never machine-translated). */
/** Each is labelled by its `field.<key>` message. */
const CODES = [
  'sku',
  'barcode',
  'asin',
  'fnsku',
  'brand',
  'category',
] as const satisfies readonly (keyof Product)[];

export function ProductFacts({ product }: { product: Product }) {
  const { t, fmt } = useI18n();
  const dims =
    product.length && product.width && product.height
      ? `${fmt.num(product.length, 2)} × ${fmt.num(product.width, 2)} × ${fmt.num(product.height, 2)} ${t(`unit.${product.dimensionUnit}`)}`
      : '—';
  const none = '—';
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('product.facts')}
        </Title>
        <Group gap="xs">
          <Badge
            variant="light"
            color={
              product.listingStatus === 'active' ? 'teal' : product.listingStatus === 'error' ? 'red' : 'gray'
            }
          >
            {t(`listing.${product.listingStatus}`)}
          </Badge>
          {product.replenishable ? null : (
            <Badge variant="light" color="gray">
              {t('product.notReplenishable')}
            </Badge>
          )}
        </Group>
      </Group>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" verticalSpacing="sm" m={0}>
        {CODES.map((key) => (
          <Fact key={key} label={t(`field.${key}`)} data>
            {product[key] ?? none}
          </Fact>
        ))}
        <Fact label={t('product.dimensions')}>{dims}</Fact>
        <Fact label={t('product.weight')}>
          {product.weight === null
            ? none
            : `${fmt.num(product.weight, 2)} ${t(`unit.${product.weightUnit}`)}`}
        </Fact>
        <Fact label={t('product.cubicFeet')}>
          {product.cubicFeet === null ? none : fmt.num(product.cubicFeet, 3)}
        </Fact>
        <Fact label={t('product.sizeTier')}>
          {product.sizeTier ? <CodeLabel prefix="sizeTier" code={product.sizeTier} /> : none}
        </Fact>
        <Fact label={t('product.unitCost')}>
          {product.unitCost === null ? none : fmt.money(product.unitCost, product.currency)}
        </Fact>
        <Fact label={t('product.price')}>
          {product.price === null ? none : fmt.money(product.price, product.currency)}
        </Fact>
        <Fact label={t('product.casePack')}>{fmt.int(product.casePack)}</Fact>
      </SimpleGrid>
    </Paper>
  );
}
