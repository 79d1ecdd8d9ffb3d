import { Anchor, Button, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/common/error-alert';
import { NothingHere } from '../../../components/common/not-available';
import { PageLoader } from '../../../components/common/page-loader';
import { useScorecards, useSuppliers, type Scorecard, type Supplier } from '../../suppliers.hooks';
import { usePermission } from '../../../accounts/use-permission';
import { useI18n } from '../../../i18n/i18n-context';
import { SupplierDrawer } from './supplier-drawer';

function ScorecardCells({ card, supplier }: { card: Scorecard | undefined; supplier: Supplier }) {
  const { t, fmt } = useI18n();
  const rate = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : fmt.pct(value);
  const lead = card?.leadTime;
  return (
    <>
      <Table.Td className="num">{rate(card?.onTimeRate)}</Table.Td>
      <Table.Td className="num" style={{ whiteSpace: 'nowrap' }}>
        {lead && lead.meanDays !== null
          ? t('suppliers.leadMean', { mean: fmt.num(lead.meanDays, 1), sd: fmt.num(lead.sdDays ?? 0, 1) })
          : '—'}
        <Text size="xs" c="dimmed">
          {t('suppliers.leadStated', { days: fmt.int(supplier.leadTime.statedDays) })}
        </Text>
      </Table.Td>
      <Table.Td className="num">{rate(card?.fillRate)}</Table.Td>
      <Table.Td className="num" style={{ whiteSpace: 'nowrap' }}>
        {card ? t('suppliers.openOrders', { count: fmt.int(card.openOrders.count) }) : '—'}
        {card ? (
          <Text size="xs" c="dimmed">
            {fmt.money(card.openOrders.value, supplier.currency)}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td className="num" data-testid={`supplier-due-${supplier.code}`}>
        {card ? fmt.money(card.totalDue, supplier.currency) : '—'}
      </Table.Td>
    </>
  );
}

export function SuppliersTable({ onEdit }: { onEdit: (supplier: Supplier) => void }) {
  const { t, fmt } = useI18n();
  const suppliers = useSuppliers();
  const cards = useScorecards((suppliers.data ?? []).map((s) => s.code));
  const canEdit = usePermission('catalog:write');
  const [open, setOpen] = useState<number | null>(null);
  if (suppliers.isPending) return <PageLoader />;
  if (suppliers.isError) return <ErrorAlert error={suppliers.error} />;
  if (suppliers.data.length === 0) return <NothingHere title={t('suppliers.empty')} />;
  const cardError = cards.find((c) => c.isError)?.error;
  return (
    <>
      {cardError ? <ErrorAlert error={cardError} /> : null}
      <Paper withBorder radius="md">
        <Table.ScrollContainer type="native" minWidth={900} tabIndex={0} pos="relative">
          <Table striped data-testid="suppliers-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('suppliers.supplier')}</Table.Th>
                <Table.Th className="num">{t('suppliers.terms')}</Table.Th>
                <Table.Th className="num">{t('suppliers.onTime')}</Table.Th>
                <Table.Th className="num">{t('suppliers.leadTime')}</Table.Th>
                <Table.Th className="num">{t('suppliers.fillRate')}</Table.Th>
                <Table.Th className="num">{t('suppliers.open')}</Table.Th>
                <Table.Th className="num">{t('suppliers.due')}</Table.Th>
                {canEdit ? (
                  <Table.Th>
                    <span className="sr-only">{t('suppliers.actions')}</span>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {suppliers.data.map((supplier, i) => (
                <Table.Tr key={supplier.code} data-testid={`supplier-${supplier.code}`}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      fw={500}
                      translate="no"
                      onClick={() => {
                        setOpen(i);
                      }}
                      data-testid={`supplier-open-${supplier.code}`}
                    >
                      {supplier.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" ff="monospace" translate="no">
                      {supplier.code}
                    </Text>
                  </Table.Td>
                  <Table.Td className="num" style={{ whiteSpace: 'nowrap' }}>
                    {t('suppliers.termsDays', { days: fmt.int(supplier.paymentTermsDays) })}
                  </Table.Td>
                  <ScorecardCells card={cards[i]?.data} supplier={supplier} />
                  {canEdit ? (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => {
                          onEdit(supplier);
                        }}
                      >
                        {t('suppliers.edit')}
                        {/* The code makes the name unique for screen readers; it is seller data, not UI text. */}
                        <span className="sr-only" translate="no">{` ${supplier.code}`}</span>
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {open !== null && suppliers.data[open] ? (
        <SupplierDrawer
          supplier={suppliers.data[open]}
          card={cards[open]?.data}
          onClose={() => {
            setOpen(null);
          }}
        />
      ) : null}
    </>
  );
}
