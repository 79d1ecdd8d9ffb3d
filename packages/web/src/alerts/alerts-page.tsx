import { Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { AlertItem } from '../api/types';
import { ErrorAlert } from '../components/common/error-alert';
import { NothingHere } from '../components/common/not-available';
import { PageHeader } from '../components/common/page-header';
import { DataTable } from '../components/common/data-table';
import { SkuLink } from '../components/common/entity-link';
import { QueryStates } from '../components/common/query-states';
import { useAlertAction, useAlerts, type AlertFilter } from './alerts.hooks';
import { useI18n } from '../i18n/i18n-context';

const SEVERITY_COLORS: Record<AlertItem['severity'], string> = {
  info: 'blue',
  warning: 'orange',
  critical: 'red',
};

function AlertRow({
  alert,
  onAction,
}: {
  alert: AlertItem;
  onAction: (request: { id: AlertItem['id']; action: 'acknowledge' | 'snooze' }) => void;
}) {
  const { t, fmt } = useI18n();
  return (
    <Table.Tr>
      <Table.Td>
        <Badge color={SEVERITY_COLORS[alert.severity]} variant="light" miw="max-content">
          {t(`alerts.severity.${alert.severity}`)}
        </Badge>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`alerts.kind.${alert.kind}`)}</Table.Td>
      <Table.Td>
        {alert.sku ? <SkuLink sku={alert.sku} /> : null}
        {alert.location ? <Text span size="sm" translate="no">{` · ${alert.location}`}</Text> : null}
        <Text size="xs" c="dimmed" translate="no">
          {alert.title}
        </Text>
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
        {alert.status !== 'resolved' ? (
          <Group gap={4} wrap="nowrap">
            {alert.status === 'open' ? (
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => {
                  onAction({ id: alert.id, action: 'acknowledge' });
                }}
              >
                {t('alerts.acknowledge')}
              </Button>
            ) : null}
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                onAction({ id: alert.id, action: 'snooze' });
              }}
            >
              {t('alerts.snooze')}
            </Button>
          </Group>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

/** Alerts the server raised; acknowledging keeps one until its condition clears, snoozing hides it for a week. */
export default function AlertsPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AlertFilter>('active');
  const alerts = useAlerts(filter);
  const action = useAlertAction();
  const rows = alerts.data ?? [];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('alerts.title')}
        description={t('alerts.subtitle')}
        actions={
          <SegmentedControl
            value={filter}
            onChange={(value) => {
              setFilter(value);
            }}
            data={(['active', 'acknowledged', 'resolved'] as const).map((value) => ({
              value,
              label: t(`alerts.filter.${value}`),
            }))}
          />
        }
      />
      {action.isError ? <ErrorAlert error={action.error} /> : null}
      <QueryStates
        query={alerts}
        isEmpty={alerts.data && rows.length === 0}
        empty={<NothingHere title={t('alerts.empty')} />}
      />
      {rows.length > 0 ? (
        <DataTable
          minWidth={860}
          scroll="area"
          highlightOnHover
          columns={[
            t('alerts.severity'),
            t('alerts.kind'),
            t('alerts.what'),
            t('alerts.since'),
            { label: <span className="sr-only">{t('alerts.actions')}</span> },
          ]}
        >
          {rows.map((alert) => (
            <AlertRow key={alert.id} alert={alert} onAction={action.mutate} />
          ))}
        </DataTable>
      ) : null}
    </Stack>
  );
}
