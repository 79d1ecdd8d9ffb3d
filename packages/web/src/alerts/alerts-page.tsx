import { Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { AlertItem } from '../api/types';
import { FailureAlert } from '../components/common/error-alert';
import { NothingHere } from '../components/common/not-available';
import { PageHeader } from '../components/common/page-header';
import { DataTable } from '../components/common/data-table';
import { SkuLink } from '../components/common/entity-link';
import { QueryStates } from '../components/common/query-states';
import { StatusBadge } from '../components/common/status-badge';
import { LoadMore } from '../components/common/load-more';
import { useLocations } from '../catalog/locations.hooks';
import { AlertTitle } from './alert-title';
import { useAlertAction, useAlerts, type AlertFilter } from './alerts.hooks';
import { AllOrOneFilters } from '../components/common/all-or-one-select';
import { useI18n } from '../i18n/i18n-context';

const SEVERITY_COLORS: Record<AlertItem['severity'], string> = {
  info: 'blue',
  warning: 'orange',
  critical: 'red',
};

/** Every kind the API names (a missing one fails to compile), in the order the kind filter offers them. */
const KIND_OPTIONS: Record<AlertItem['kind'], true> = {
  stock_out: true,
  reorder_now: true,
  low_stock: true,
  excess: true,
  aging: true,
  stranded: true,
  capacity: true,
  supplier_bill_due: true,
  ipi_low: true,
};
const KINDS = Object.keys(KIND_OPTIONS) as AlertItem['kind'][];
const SEVERITIES = ['critical', 'warning', 'info'] as const satisfies readonly AlertItem['severity'][];

/** What can be done to an alert not yet resolved: acknowledging only while it is open. */
const ALERT_ACTIONS = [
  { action: 'acknowledge', variant: 'light' },
  { action: 'snooze', variant: 'subtle' },
] as const;

function AlertActions({
  alert,
  onAction,
}: {
  alert: AlertItem;
  onAction: (request: { id: AlertItem['id']; action: 'acknowledge' | 'snooze' }) => void;
}) {
  const { t } = useI18n();
  if (alert.status === 'resolved') return null;
  return (
    <Group gap={4} wrap="nowrap">
      {ALERT_ACTIONS.filter((a) => a.action !== 'acknowledge' || alert.status === 'open').map(
        ({ action, variant }) => (
          <Button
            key={action}
            size="compact-xs"
            variant={variant}
            onClick={() => {
              onAction({ id: alert.id, action });
            }}
          >
            {t(`alerts.${action}`)}
          </Button>
        ),
      )}
    </Group>
  );
}

function AlertRow({
  alert,
  onAction,
}: {
  alert: AlertItem;
  onAction: (request: { id: AlertItem['id']; action: 'acknowledge' | 'snooze' }) => void;
}) {
  const { t, fmt } = useI18n();
  return (
    <Table.Tr
      data-testid={`alert-${String(alert.id)}`}
      data-kind={alert.kind}
      data-severity={alert.severity}
      data-location={alert.location ?? undefined}
    >
      <Table.Td>
        <StatusBadge color={SEVERITY_COLORS[alert.severity]}>
          {t(`alerts.severity.${alert.severity}`)}
        </StatusBadge>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`alerts.kind.${alert.kind}`)}</Table.Td>
      <Table.Td>
        {alert.sku ? <SkuLink sku={alert.sku} /> : null}
        {alert.location ? <Text span size="sm" translate="no">{` · ${alert.location}`}</Text> : null}
        <Text size="sm">
          <AlertTitle alert={alert} />
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="alert-urgent-on">
        {alert.urgentOn ? fmt.date(alert.urgentOn) : '—'}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {fmt.date(alert.firstSeenAt)}
        {alert.snoozedUntil ? (
          <Text size="xs" c="dimmed">
            {t('alerts.snoozedUntil', { date: fmt.date(alert.snoozedUntil) })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <AlertActions alert={alert} onAction={onAction} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Kind, severity and location filters (empty = all). */
function AlertFilters({
  filter,
  onChange,
}: {
  filter: AlertFilter;
  onChange: (change: Partial<AlertFilter>) => void;
}) {
  const { t } = useI18n();
  const locations = useLocations();
  return (
    <AllOrOneFilters
      fields={[
        {
          key: 'kind',
          label: t('alerts.kind'),
          options: KINDS.map((k) => ({ value: k, label: t(`alerts.kind.${k}`) })),
          w: 200,
          testId: 'alerts-kind',
        },
        {
          key: 'severity',
          label: t('alerts.severity'),
          options: SEVERITIES.map((s) => ({ value: s, label: t(`alerts.severity.${s}`) })),
          w: 160,
          testId: 'alerts-severity',
        },
        {
          key: 'location',
          label: t('field.location'),
          options: (locations.data ?? []).map((l) => ({ value: l.code, label: l.code })),
          w: 160,
          translate: 'no',
          testId: 'alerts-location',
        },
      ]}
      allLabel={t('alerts.filter.all')}
      filter={filter}
      onChange={onChange}
    />
  );
}

/**
 * Alerts the server raised, most severe and most urgent first, a page at a time; acknowledging keeps
 * one until its condition clears, snoozing hides it for a week.
 */
export default function AlertsPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AlertFilter>({ status: 'active' });
  const alerts = useAlerts(filter);
  const action = useAlertAction();
  const rows = alerts.data?.pages.flatMap((p) => p.items) ?? [];
  const change = (c: Partial<AlertFilter>) => {
    setFilter((f) => ({ ...f, ...c }));
  };
  return (
    <Stack gap="md">
      <PageHeader
        title={t('alerts.title')}
        description={t('alerts.subtitle')}
        actions={
          <SegmentedControl
            value={filter.status}
            onChange={(value) => {
              change({ status: value });
            }}
            aria-label={t('alerts.filter.status')}
            data={(['active', 'acknowledged', 'resolved'] as const).map((value) => ({
              value,
              label: t(`alerts.filter.${value}`),
            }))}
          />
        }
      />
      <AlertFilters filter={filter} onChange={change} />
      <FailureAlert of={action} />
      <QueryStates
        query={alerts}
        isEmpty={alerts.data && rows.length === 0}
        empty={<NothingHere title={t('alerts.empty')} />}
      />
      {rows.length > 0 ? (
        <DataTable
          testId="alerts-table"
          minWidth={960}
          scroll="area"
          highlightOnHover
          columns={[
            t('alerts.severity'),
            t('alerts.kind'),
            t('alerts.what'),
            t('alerts.urgentOn'),
            t('alerts.since'),
            { label: <span className="sr-only">{t('alerts.actions')}</span> },
          ]}
        >
          {rows.map((alert) => (
            <AlertRow key={alert.id} alert={alert} onAction={action.mutate} />
          ))}
        </DataTable>
      ) : null}
      <LoadMore query={alerts} testId="alerts-load-more" />
    </Stack>
  );
}
