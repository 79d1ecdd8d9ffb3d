import { Badge, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import type { JobStatus } from '../api/types';
import { NothingHere } from '../components/common/not-available';
import { PageHeader } from '../components/common/page-header';
import { QueryTable } from '../components/common/query-table';
import { useJobs } from './jobs.hooks';
import { useI18n } from '../i18n/i18n-context';

const STATUS_COLORS: Record<JobStatus, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
};

export default function JobsPage() {
  const { t, fmt } = useI18n();
  const jobs = useJobs();
  return (
    <Stack gap="md">
      <PageHeader title={t('jobs.title')} description={t('jobs.subtitle')} />
      <QueryTable
        query={jobs}
        empty={
          <Paper withBorder radius="md">
            <NothingHere title={t('jobs.empty')} description={t('jobs.emptyHint')} />
          </Paper>
        }
        testId="jobs-table"
        minWidth={720}
        scroll="area"
        columns={[
          { label: t('jobs.id'), numeric: true },
          t('jobs.kind'),
          t('jobs.status'),
          { label: t('jobs.progress'), miw: 160 },
          t('jobs.created'),
          t('jobs.finished'),
        ]}
        row={(job) => (
          <Table.Tr key={job.id}>
            <Table.Td className="num">{job.id}</Table.Td>
            <Table.Td translate="no" ff="monospace">
              {job.kind}
            </Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLORS[job.status]} variant="light">
                {t(`jobs.status.${job.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Progress
                value={Math.round(job.progress * 100)}
                size="sm"
                aria-label={t('jobs.progressOf', { percent: fmt.pct(job.progress, 0) })}
              />
              <Text size="xs" c="dimmed">
                {fmt.pct(job.progress, 0)}
              </Text>
            </Table.Td>
            <Table.Td>{fmt.dateTime(job.createdAt)}</Table.Td>
            <Table.Td>{job.finishedAt ? fmt.dateTime(job.finishedAt) : '—'}</Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
