import { Badge, Drawer, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { DataTable } from '../../../components/common/data-table';
import { SkuLink } from '../../../components/common/entity-link';
import { LabelledValue } from '../../../components/common/labelled-value';
import { NothingHere } from '../../../components/common/not-available';
import { useSupplierProducts, type Scorecard, type Supplier } from '../../suppliers.hooks';
import { useI18n } from '../../../i18n/i18n-context';
import { QueryStates } from '../../../components/common/query-states';

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
          <LabelledValue
            label={t('suppliers.email')}
            value={<span translate="no">{supplier.email ?? '—'}</span>}
          />
          <LabelledValue
            label={t('suppliers.phone')}
            value={<span translate="no">{supplier.phone ?? '—'}</span>}
          />
          <LabelledValue
            label={t('suppliers.terms')}
            value={t('suppliers.termsDays', { days: fmt.int(supplier.paymentTermsDays) })}
          />
          <LabelledValue
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
            <LabelledValue key={stage} label={t(`suppliers.stage.${stage}`)} value={fmt.int(lt[stage])} />
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
          <DataTable
            testId="supplier-products"
            minWidth={460}
            fz="sm"
            columns={[
              t('field.sku'),
              { label: t('suppliers.unitCost'), numeric: true },
              { label: t('suppliers.moq'), numeric: true },
              { label: t('suppliers.casePack'), numeric: true },
              { label: null },
            ]}
          >
            {products.data.map((p) => (
              <Table.Tr key={p.sku}>
                <Table.Td>
                  <SkuLink sku={p.sku} />
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
          </DataTable>
        ) : null}
      </Stack>
    </Drawer>
  );
}
