import { Paper, Progress, Stack, Text } from '@mantine/core';
import { StatusBadge } from '../components/common/status-badge';
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
        rowKey={(job) => job.id}
        columns={[
          { label: t('jobs.id'), numeric: true, cell: (job) => job.id },
          { label: t('jobs.kind'), text: 'code', cell: (job) => job.kind },
          {
            label: t('jobs.status'),
            cell: (job) => (
              <StatusBadge color={STATUS_COLORS[job.status]}>{t(`jobs.status.${job.status}`)}</StatusBadge>
            ),
          },
          {
            label: t('jobs.progress'),
            miw: 160,
            cell: (job) => (
              <>
                <Progress
                  value={Math.round(job.progress * 100)}
                  size="sm"
                  aria-label={t('jobs.progressOf', { percent: fmt.pct(job.progress, 0) })}
                />
                <Text size="xs" c="dimmed">
                  {fmt.pct(job.progress, 0)}
                </Text>
              </>
            ),
          },
          { label: t('jobs.created'), cell: (job) => fmt.dateTime(job.createdAt) },
          { label: t('jobs.finished'), cell: (job) => (job.finishedAt ? fmt.dateTime(job.finishedAt) : '—') },
        ]}
      />
    </Stack>
  );
}
