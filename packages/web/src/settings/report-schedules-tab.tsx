import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import type { ReportSchedule, ReportScheduleCreate } from '../api/types';
import { usePermission } from '../accounts/use-permission';
import { RemoveButton } from '../components/common/remove-button';
import { ScrollTable } from '../components/common/data-table';
import { FailureAlert } from '../components/common/error-alert';
import { QueryStates } from '../components/common/query-states';
import { OneOfSelect } from '../components/common/one-of-select';
import { useI18n } from '../i18n/i18n-context';
import { useFormFields } from '../components/common/use-form-fields';
import { recipientsOf } from '../lib/recipients';
import type { MessageKey } from '../i18n/translate';
import {
  useCreateReportSchedule,
  useDeleteReportSchedule,
  useReportSchedules,
} from './report-schedules.hooks';

type Kind = ReportScheduleCreate['kind'];
type Frequency = NonNullable<ReportScheduleCreate['frequency']>;
type Format = NonNullable<ReportScheduleCreate['format']>;
const KINDS: Kind[] = ['inventory', 'inventory-age', 'excess', 'stranded', 'storage', 'profit'];
const FREQUENCIES: Frequency[] = ['daily', 'weekly'];
const FORMATS: Format[] = ['xlsx', 'csv'];

const kindKey = (kind: string) => `schedules.kind.${kind}` as MessageKey;
const frequencyKey = (f: string) => `schedules.frequency.${f}` as MessageKey;

function NewSchedule() {
  const { t } = useI18n();
  const create = useCreateReportSchedule();
  const [kind, setKind] = useState<Kind>('inventory-age');
  const [frequency, setFrequency] = useState<Frequency>('weekly');
  const [format, setFormat] = useState<Format>('xlsx');
  const { values, set, field } = useFormFields({ recipients: '' });
  const recipients = values.recipients;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    create.mutate(
      { kind, frequency, format, recipients: recipientsOf(recipients) },
      {
        onSuccess: () => {
          set('recipients', '');
        },
      },
    );
  };
  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h5">
            {t('schedules.new')}
          </Title>
          <FailureAlert of={create} />
          <Group align="flex-end" wrap="wrap">
            <OneOfSelect
              label={t('schedules.report')}
              data={KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))}
              value={kind}
              onChange={setKind}
              w={200}
              testId="schedule-kind"
            />
            <OneOfSelect
              label={t('schedules.every')}
              data={FREQUENCIES.map((f) => ({ value: f, label: t(frequencyKey(f)) }))}
              value={frequency}
              onChange={setFrequency}
              w={140}
              testId="schedule-frequency"
            />
            <OneOfSelect
              label={t('schedules.format')}
              data={FORMATS.map((f) => ({ value: f, label: f.toUpperCase() }))}
              value={format}
              onChange={setFormat}
              w={110}
              testId="schedule-format"
            />
          </Group>
          <TextInput
            label={t('schedules.recipients')}
            description={t('schedules.recipientsHint')}
            required
            {...field('recipients')}
            data-testid="schedule-recipients"
          />
          <Button
            type="submit"
            loading={create.isPending}
            disabled={recipientsOf(recipients).length === 0}
            style={{ alignSelf: 'flex-start' }}
            data-testid="schedule-add"
          >
            {t('schedules.add')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function StopButton({ schedule }: { schedule: ReportSchedule }) {
  const { t } = useI18n();
  const remove = useDeleteReportSchedule();
  return (
    <RemoveButton
      label={t('schedules.stop')}
      ariaLabel={t('schedules.stopNamed', { report: t(kindKey(schedule.kind)) })}
      mutation={remove}
      variables={schedule.id}
    />
  );
}

/** Settings › Report schedules: reports e-mailed daily or weekly through the notification settings' SMTP. */
export function ReportSchedulesTab() {
  const { t, fmt } = useI18n();
  const schedules = useReportSchedules();
  const canEdit = usePermission('catalog:write');
  const items = schedules.data?.items ?? [];
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('schedules.explain')}
      </Text>
      {canEdit ? <NewSchedule /> : null}
      <QueryStates query={schedules} />
      {schedules.data && items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="schedules-empty">
          {t('schedules.empty')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <ScrollTable
          minWidth={640}
          fz="sm"
          testId="schedules-table"
          items={items}
          rowKey={(s) => s.id}
          columns={[
            { label: t('schedules.report'), cell: (s) => t(kindKey(s.kind)) },
            { label: t('schedules.every'), cell: (s) => t(frequencyKey(s.frequency)) },
            { label: t('schedules.format'), text: 'verbatim', cell: (s) => s.format.toUpperCase() },
            { label: t('schedules.recipients'), text: 'verbatim', cell: (s) => s.recipients.join(', ') },
            {
              label: t('schedules.lastSent'),
              cell: (s) => (s.lastSentOn ? fmt.date(s.lastSentOn) : t('schedules.notYet')),
            },
            { label: '', cell: (s) => (canEdit ? <StopButton schedule={s} /> : null) },
          ]}
        />
      ) : null}
    </Stack>
  );
}
