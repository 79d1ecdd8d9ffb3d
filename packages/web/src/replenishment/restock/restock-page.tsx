import { Anchor, Badge, Button, Checkbox, NumberInput, Paper, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/common/error-alert';
import { NotAvailable, NothingHere } from '../../components/common/not-available';
import { PageHeader } from '../../components/common/page-header';
import { PageLoader } from '../../components/common/page-loader';
import { useRestock } from '../restock.hooks';
import { lineKey, useCreatePurchaseOrders } from '../purchasing.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { ALERT_COLORS } from './alerts';
import { ReasoningRow } from './reasoning-row';

const COLUMNS = 10;

/** Restock recommendations; the endpoint is being built, so a 404 shows an empty state. */
export default function RestockPage() {
  const { t, fmt } = useI18n();
  const restock = useRestock();
  const rows = restock.data ?? [];
  const [open, setOpen] = useState<string | null>(null);
  const [edits, setEdits] = useState<Map<string, number>>(() => new Map());
  const create = useCreatePurchaseOrders();
  const navigate = useNavigate();
  const purchasable = rows.filter((rec) => rec.action === 'purchase');
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const quantityOf = (key: string, fallback: number) => edits.get(key) ?? fallback;
  const chosen = purchasable.filter((rec) => {
    const key = lineKey(rec.sku, rec.location);
    return selected.has(key) && quantityOf(key, rec.recommendedQuantity) > 0;
  });
  const toggle = (key: string) => {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setSelected(next);
  };
  const allSelected =
    purchasable.length > 0 && purchasable.every((rec) => selected.has(lineKey(rec.sku, rec.location)));
  const createOrders = () => {
    // Rows not chosen count as zero, so a SKU chosen at one location is not ordered for another.
    const quantities = new Map(
      purchasable.map((rec) => {
        const key = lineKey(rec.sku, rec.location);
        return [key, selected.has(key) ? quantityOf(key, rec.recommendedQuantity) : 0] as const;
      }),
    );
    create.mutate(
      { skus: [...new Set(chosen.map((rec) => rec.sku))], quantities },
      {
        onSuccess: (orders) => {
          const [first] = orders;
          void navigate(
            orders.length === 1 && first
              ? `/purchase-orders/${encodeURIComponent(first.number)}`
              : '/purchase-orders',
          );
        },
      },
    );
  };
  return (
    <Stack gap="md">
      <PageHeader
        title={t('restock.title')}
        description={t('restock.subtitle')}
        actions={
          purchasable.length > 0 ? (
            <Button
              onClick={createOrders}
              loading={create.isPending}
              disabled={chosen.length === 0}
              data-testid="create-pos"
            >
              {t('restock.createPos', { count: fmt.int(chosen.length) })}
            </Button>
          ) : null
        }
      />
      {restock.isPending ? <PageLoader /> : null}
      {restock.isError ? <ErrorAlert error={restock.error} /> : null}
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      {restock.data === null ? (
        <Paper withBorder radius="md">
          <NotAvailable description={t('restock.notAvailable')} />
        </Paper>
      ) : null}
      {restock.data && rows.length === 0 ? <NothingHere title={t('restock.empty')} /> : null}
      {rows.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={1100}>
            <Table striped highlightOnHover style={{ whiteSpace: 'nowrap' }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('restock.selectAll')}
                      checked={allSelected}
                      indeterminate={!allSelected && selected.size > 0}
                      onChange={() => {
                        setSelected(
                          allSelected
                            ? new Set()
                            : new Set(purchasable.map((rec) => lineKey(rec.sku, rec.location))),
                        );
                      }}
                    />
                  </Table.Th>
                  <Table.Th>{t('field.sku')}</Table.Th>
                  <Table.Th>{t('field.location')}</Table.Th>
                  <Table.Th>{t('restock.action')}</Table.Th>
                  <Table.Th>{t('restock.alert')}</Table.Th>
                  <Table.Th className="num">{t('restock.quantity')}</Table.Th>
                  <Table.Th>{t('restock.orderBy')}</Table.Th>
                  <Table.Th>{t('restock.shipDate')}</Table.Th>
                  <Table.Th className="num">{t('restock.daysOfSupply')}</Table.Th>
                  <Table.Th>
                    <span className="sr-only">{t('restock.why')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((rec) => {
                  const key = lineKey(rec.sku, rec.location);
                  const reasoning =
                    typeof rec.reasoning === 'object' && rec.reasoning !== null ? rec.reasoning : null;
                  return (
                    <Fragment key={key}>
                      <Table.Tr>
                        <Table.Td translate="no">
                          {rec.action === 'purchase' ? (
                            <Checkbox
                              aria-label={t('restock.select', { sku: rec.sku, location: rec.location })}
                              checked={selected.has(key)}
                              onChange={() => {
                                toggle(key);
                              }}
                              data-testid={`select-${rec.sku}-${rec.location}`}
                            />
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/products/${encodeURIComponent(rec.sku)}`}
                            ff="monospace"
                            size="sm"
                            translate="no"
                          >
                            {rec.sku}
                          </Anchor>
                          {rec.title ? (
                            <Text size="xs" c="dimmed" truncate maw={260} translate="no">
                              {rec.title}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td translate="no">{rec.location}</Table.Td>
                        <Table.Td>
                          {rec.action ? t(`restock.action.${rec.action}`) : '—'}
                          {rec.source ? (
                            <Text span size="xs" c="dimmed" translate="no">{` · ${rec.source}`}</Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          {rec.alert ? (
                            <Badge color={ALERT_COLORS[rec.alert]} variant="light" miw="max-content">
                              {t(`alert.${rec.alert}`)}
                            </Badge>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                        <Table.Td className="num" translate="no">
                          {rec.action === 'purchase' ? (
                            <NumberInput
                              size="xs"
                              w={100}
                              min={0}
                              step={1}
                              allowDecimal={false}
                              allowNegative={false}
                              aria-label={t('restock.quantityFor', { sku: rec.sku, location: rec.location })}
                              value={quantityOf(key, rec.recommendedQuantity)}
                              onChange={(value) => {
                                const next = new Map(edits);
                                next.set(key, typeof value === 'number' ? value : Number(value) || 0);
                                setEdits(next);
                              }}
                              styles={{ input: { textAlign: 'right' } }}
                            />
                          ) : (
                            fmt.int(rec.recommendedQuantity)
                          )}
                        </Table.Td>
                        <Table.Td>{rec.orderByDate ? fmt.date(rec.orderByDate) : '—'}</Table.Td>
                        <Table.Td>{rec.shipDate ? fmt.date(rec.shipDate) : '—'}</Table.Td>
                        <Table.Td className="num">
                          {rec.daysOfSupply === null ? '—' : fmt.num(rec.daysOfSupply, 0)}
                        </Table.Td>
                        <Table.Td>
                          {reasoning ? (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              aria-expanded={open === key}
                              onClick={() => {
                                setOpen(open === key ? null : key);
                              }}
                            >
                              {t('restock.why')}
                            </Button>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                      {reasoning && open === key ? (
                        <ReasoningRow reasoning={reasoning} colSpan={COLUMNS} />
                      ) : null}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </Stack>
  );
}
