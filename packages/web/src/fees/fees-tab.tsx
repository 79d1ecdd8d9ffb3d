import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { ErrorAlert, FailureAlert } from '../components/common/error-alert';
import { NothingHere } from '../components/common/not-available';
import { PageLoader } from '../components/common/page-loader';
import { useDeleteFeeSchedule, useFeeSchedules, type FeeSchedule } from './fees.hooks';
import { usePermission } from '../accounts/use-permission';
import { useI18n } from '../i18n/i18n-context';
import { FeeRatesForm } from './fee-rates-form';
import { preferredSchedule } from './fee-form-schema';
import { NewFeeScheduleModal } from './new-fee-schedule-modal';
import { McfRatesTable } from './mcf-rates-table';

function AgedSurcharge({ schedule }: { schedule: FeeSchedule }) {
  const { t, fmt } = useI18n();
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer type="native" minWidth={420} tabIndex={0}>
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fees.ageDays')}</Table.Th>
              <Table.Th className="num">{t('fees.perCubicFoot')}</Table.Th>
              <Table.Th className="num">{t('fees.perUnit')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schedule.agedSurcharge.map((b) => (
              <Table.Tr key={b.minDays}>
                <Table.Td>
                  {b.maxDays === null
                    ? t('fees.daysPlus', { days: fmt.int(b.minDays) })
                    : t('fees.daysRange', { from: fmt.int(b.minDays), to: fmt.int(b.maxDays) })}
                </Table.Td>
                <Table.Td className="num">{fmt.money(b.perCubicFoot, schedule.currency)}</Table.Td>
                <Table.Td className="num">{fmt.money(b.perUnit, schedule.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** The dated fee table per marketplace: pick a schedule, edit your own, or start one from a date. */
export function FeesTab() {
  const { t, fmt } = useI18n();
  const schedules = useFeeSchedules();
  const remove = useDeleteFeeSchedule();
  const canEdit = usePermission('catalog:write');
  const [chosen, setChosen] = useState<number | null>(null);
  const [opened, modal] = useDisclosure(false);
  if (schedules.isPending) return <PageLoader />;
  if (schedules.isError) return <ErrorAlert error={schedules.error} />;
  const list = schedules.data;
  const current = list.find((s) => s.id === chosen) ?? preferredSchedule(list);
  const label = (s: FeeSchedule) =>
    t(s.source === 'default' ? 'fees.optionDefault' : 'fees.optionOwn', {
      marketplace: s.marketplace,
      date: fmt.date(s.effectiveFrom),
    });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('fees.schedule')}
          data={list.map((s) => ({ value: String(s.id), label: label(s) }))}
          value={current ? String(current.id) : null}
          onChange={(v) => {
            if (v) setChosen(Number(v));
          }}
          allowDeselect={false}
          w={320}
          data-testid="fee-schedule"
        />
        {canEdit ? (
          <Button onClick={modal.open} data-testid="fee-new">
            {t('fees.new')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t('fees.explain')}
      </Text>
      <FailureAlert of={remove} />
      {!current ? (
        <NothingHere title={t('fees.empty')} />
      ) : (
        <>
          <Group gap="xs">
            <Badge variant="light" color={current.source === 'default' ? 'gray' : 'teal'}>
              {t(current.source === 'default' ? 'fees.sourceDefault' : 'fees.sourceOwn')}
            </Badge>
            <Text size="sm">{t('fees.effectiveFrom', { date: fmt.date(current.effectiveFrom) })}</Text>
            {canEdit && current.source === 'account' ? (
              <Button
                size="compact-sm"
                color="red"
                variant="subtle"
                loading={remove.isPending}
                onClick={() => {
                  remove.mutate(current.id, {
                    onSuccess: () => {
                      setChosen(null);
                    },
                  });
                }}
              >
                {t('fees.delete')}
              </Button>
            ) : null}
          </Group>
          {current.source === 'default' && canEdit ? (
            <Text size="sm" c="dimmed">
              {t('fees.defaultReadOnly')}
            </Text>
          ) : null}
          <FeeRatesForm
            key={current.id}
            schedule={current}
            editable={canEdit && current.source === 'account'}
          />
          <Title order={3} size="h5">
            {t('fees.agedTitle')}
          </Title>
          <AgedSurcharge schedule={current} />
          <Title order={3} size="h5">
            {t('fees.mcfTitle')}
          </Title>
          <McfRatesTable
            key={`mcf-${String(current.id)}`}
            schedule={current}
            editable={canEdit && current.source === 'account'}
          />
        </>
      )}
      {canEdit && opened ? (
        <NewFeeScheduleModal
          onClose={modal.close}
          onCreated={(s) => {
            setChosen(s.id);
            modal.close();
          }}
        />
      ) : null}
    </Stack>
  );
}
