import { Anchor, Badge, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/common/error-alert';
import { NotAvailable, NothingHere } from '../../../components/common/not-available';
import { PageHeader } from '../../../components/common/page-header';
import { PageLoader } from '../../../components/common/page-loader';
import { useRestock } from '../../../hooks/api/planning';
import { useI18n } from '../../../i18n/i18n-context';
import { ALERT_COLORS } from './alerts';
import { ReasoningRow } from './reasoning-row';

const COLUMNS = 9;

/** Restock recommendations; the endpoint is being built, so a 404 shows an empty state. */
export default function RestockPage() {
  const { t, fmt } = useI18n();
  const restock = useRestock();
  const rows = restock.data ?? [];
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack gap="md">
      <PageHeader title={t('restock.title')} description={t('restock.subtitle')} />
      {restock.isPending ? <PageLoader /> : null}
      {restock.isError ? <ErrorAlert error={restock.error} /> : null}
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
                  const key = `${rec.sku}\u0001${rec.location}`;
                  const reasoning = typeof rec.reasoning === 'object' && rec.reasoning !== null ? rec.reasoning : null;
                  return (
                  <Fragment key={key}>
                  <Table.Tr>
                    <Table.Td>
                      <Anchor component={Link} to={`/products/${encodeURIComponent(rec.sku)}`} ff="monospace" size="sm" translate="no">
                        {rec.sku}
                      </Anchor>
                      {rec.title ? <Text size="xs" c="dimmed" truncate maw={260} translate="no">{rec.title}</Text> : null}
                    </Table.Td>
                    <Table.Td translate="no">{rec.location}</Table.Td>
                    <Table.Td>
                      {rec.action ? t(`restock.action.${rec.action}`) : '—'}
                      {rec.source ? <Text span size="xs" c="dimmed" translate="no">{` · ${rec.source}`}</Text> : null}
                    </Table.Td>
                    <Table.Td>{rec.alert ? <Badge color={ALERT_COLORS[rec.alert]} variant="light" miw="max-content">{t(`alert.${rec.alert}`)}</Badge> : '—'}</Table.Td>
                    <Table.Td className="num">{fmt.int(rec.recommendedQuantity)}</Table.Td>
                    <Table.Td>{rec.orderByDate ? fmt.date(rec.orderByDate) : '—'}</Table.Td>
                    <Table.Td>{rec.shipDate ? fmt.date(rec.shipDate) : '—'}</Table.Td>
                    <Table.Td className="num">{rec.daysOfSupply === null ? '—' : fmt.num(rec.daysOfSupply, 0)}</Table.Td>
                    <Table.Td>
                      {reasoning ? (
                        <Button size="compact-xs" variant="subtle" aria-expanded={open === key} onClick={() => { setOpen(open === key ? null : key); }}>
                          {t('restock.why')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                  {reasoning && open === key ? <ReasoningRow reasoning={reasoning} colSpan={COLUMNS} /> : null}
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
