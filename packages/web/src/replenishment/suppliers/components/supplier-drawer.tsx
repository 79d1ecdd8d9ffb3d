import { Anchor, Badge, Drawer, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { NothingHere } from '../../../components/common/not-available';
import { useSupplierProducts, type Scorecard, type Supplier } from '../../suppliers.hooks';
import { useI18n } from '../../../i18n/i18n-context';
import { QueryStates } from '../../../components/common/query-states';

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}

/** One supplier: contact, lead-time stages against what receipts showed, its terms per SKU and its bills. */
export function SupplierDrawer({
  supplier,
  card,
  onClose,
}: {
  supplier: Supplier;
  card: Scorecard | undefined;
  onClose: () => void;
}) {
  const { t, fmt } = useI18n();
  const products = useSupplierProducts(supplier.code);
  const lt = supplier.leadTime;
  const money = (v: number | null) => (v === null ? '—' : fmt.money(v, supplier.currency));
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={<span translate="no">{supplier.name}</span>}
      closeButtonProps={{ 'aria-label': t('suppliers.close') }}
    >
      <Stack gap="md" data-testid="supplier-drawer">
        <SimpleGrid cols={2}>
          <Fact label={t('suppliers.email')} value={<span translate="no">{supplier.email ?? '—'}</span>} />
          <Fact label={t('suppliers.phone')} value={<span translate="no">{supplier.phone ?? '—'}</span>} />
          <Fact
            label={t('suppliers.terms')}
            value={t('suppliers.termsDays', { days: fmt.int(supplier.paymentTermsDays) })}
          />
          <Fact
            label={t('suppliers.orders')}
            value={
              card
                ? t('suppliers.ordersReceived', {
                    orders: fmt.int(card.orders),
                    received: fmt.int(card.receivedOrders),
                  })
                : '—'
            }
          />
        </SimpleGrid>
        {supplier.notes ? (
          <Text size="sm" translate="no">
            {supplier.notes}
          </Text>
        ) : null}
        <Title order={3} size="h5">
          {t('suppliers.leadTime')}
        </Title>
        <SimpleGrid cols={{ base: 2, xs: 4 }}>
          {(['productionDays', 'transitDays', 'groundDays', 'checkInDays'] as const).map((stage) => (
            <Fact key={stage} label={t(`suppliers.stage.${stage}`)} value={fmt.int(lt[stage])} />
          ))}
        </SimpleGrid>
        <Text size="sm">
          {t('suppliers.learned', {
            stated: fmt.int(lt.statedDays),
            mean: fmt.num(lt.learned.meanDays, 1),
            sd: fmt.num(lt.learned.sdDays, 1),
            count: fmt.int(lt.learned.observations),
          })}
        </Text>
        <Title order={3} size="h5">
          {t('suppliers.skuTerms')}
        </Title>
        <QueryStates
          query={products}
          isEmpty={products.data && products.data.length === 0}
          empty={<NothingHere title={t('suppliers.noSkuTerms')} />}
        />
        {products.data && products.data.length > 0 ? (
          <Paper withBorder radius="md">
            <Table.ScrollContainer type="native" minWidth={460} tabIndex={0}>
              <Table striped fz="sm" data-testid="supplier-products">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('field.sku')}</Table.Th>
                    <Table.Th className="num">{t('suppliers.unitCost')}</Table.Th>
                    <Table.Th className="num">{t('suppliers.moq')}</Table.Th>
                    <Table.Th className="num">{t('suppliers.casePack')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {products.data.map((p) => (
                    <Table.Tr key={p.sku}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/products/${encodeURIComponent(p.sku)}`}
                          size="sm"
                          ff="monospace"
                          translate="no"
                        >
                          {p.sku}
                        </Anchor>
                      </Table.Td>
                      <Table.Td className="num">{money(p.unitCost)}</Table.Td>
                      <Table.Td className="num">{fmt.int(p.moq)}</Table.Td>
                      <Table.Td className="num">{p.casePack === null ? '—' : fmt.int(p.casePack)}</Table.Td>
                      <Table.Td>
                        {p.preferred ? (
                          <Badge variant="light" miw="max-content">
                            {t('suppliers.preferred')}
                          </Badge>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        ) : null}
      </Stack>
    </Drawer>
  );
}
