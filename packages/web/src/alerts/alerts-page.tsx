import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AlertItem } from '../api/types';
import { ErrorAlert } from '../components/common/error-alert';
import { NothingHere } from '../components/common/not-available';
import { PageHeader } from '../components/common/page-header';
import { PageLoader } from '../components/common/page-loader';
import { useAlertAction, useAlerts, type AlertFilter } from './alerts.hooks';
import { useI18n } from '../i18n/i18n-context';

const SEVERITY_COLORS: Record<AlertItem['severity'], string> = {
  info: 'blue',
  warning: 'orange',
  critical: 'red',
};

/** Alerts the server raised; acknowledging keeps one until its condition clears, snoozing hides it for a week. */
export default function AlertsPage() {
  const { t, fmt } = useI18n();
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
      {alerts.isPending ? <PageLoader /> : null}
      {alerts.isError ? <ErrorAlert error={alerts.error} /> : null}
      {action.isError ? <ErrorAlert error={action.error} /> : null}
      {alerts.data && rows.length === 0 ? <NothingHere title={t('alerts.empty')} /> : null}
      {rows.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={860}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('alerts.severity')}</Table.Th>
                  <Table.Th>{t('alerts.kind')}</Table.Th>
                  <Table.Th>{t('alerts.what')}</Table.Th>
                  <Table.Th>{t('alerts.since')}</Table.Th>
                  <Table.Th>
                    <span className="sr-only">{t('alerts.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((alert) => (
                  <Table.Tr key={alert.id}>
                    <Table.Td>
                      <Badge color={SEVERITY_COLORS[alert.severity]} variant="light" miw="max-content">
                        {t(`alerts.severity.${alert.severity}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`alerts.kind.${alert.kind}`)}</Table.Td>
                    <Table.Td>
                      {alert.sku ? (
                        <Anchor
                          component={Link}
                          to={`/products/${encodeURIComponent(alert.sku)}`}
                          ff="monospace"
                          size="sm"
                          translate="no"
                        >
                          {alert.sku}
                        </Anchor>
                      ) : null}
                      {alert.location ? (
                        <Text span size="sm" translate="no">{` · ${alert.location}`}</Text>
                      ) : null}
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
                                action.mutate({ id: alert.id, action: 'acknowledge' });
                              }}
                            >
                              {t('alerts.acknowledge')}
                            </Button>
                          ) : null}
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() => {
                              action.mutate({ id: alert.id, action: 'snooze' });
                            }}
                          >
                            {t('alerts.snooze')}
                          </Button>
                        </Group>
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
  );
}
