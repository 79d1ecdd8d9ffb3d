import { Alert, Progress, Stack, Table, Text } from '@mantine/core';
import { ErrorAlert } from '../components/common/error-alert';
import { ImportRefused, useJob, type ImportReject, type ImportUpload } from './imports.hooks';
import { useI18n } from '../i18n/i18n-context';
import { rejectReason } from './reject-reason';
import { DataTable } from '../components/common/data-table';

/** The server's words for English readers (they name the value); the dictionary's for the others where it knows the reason. */
function ReasonCell({ message }: { message: string }) {
  const { t, locale } = useI18n();
  const known = locale === 'en' ? null : rejectReason(message);
  if (known) return <Table.Td>{t(known.key, known.vars)}</Table.Td>;
  return (
    <Table.Td translate="no" lang="en">
      {message}
    </Table.Td>
  );
}

function RejectsTable({ rejects, total }: { rejects: ImportReject[]; total: number }) {
  const { t, fmt } = useI18n();
  return (
    <Stack gap={4}>
      <DataTable
        testId="import-rejects"
        minWidth={480}
        columns={[{ label: t('imports.line'), numeric: true }, t('imports.field'), t('imports.reason')]}
      >
        {rejects.map((r) => (
          <Table.Tr key={`${r.line}-${r.field}`} data-testid={`reject-line-${r.line}`}>
            <Table.Td className="num">{fmt.int(r.line)}</Table.Td>
            <Table.Td ff="monospace" translate="no">
              {r.field}
            </Table.Td>
            <ReasonCell message={r.message} />
          </Table.Tr>
        ))}
      </DataTable>
      {total > rejects.length ? (
        <Text size="xs" c="dimmed">
          {t('imports.moreRejects', { shown: fmt.int(rejects.length), total: fmt.int(total) })}
        </Text>
      ) : null}
    </Stack>
  );
}

function JobProgress({ jobId }: { jobId: number }) {
  const { t, fmt } = useI18n();
  const job = useJob(jobId);
  if (!job.data) return null;
  const { status, progress } = job.data;
  const done = status === 'succeeded';
  return (
    <Stack gap={4} data-testid="import-job">
      <Text size="sm" data-testid="import-job-status">
        {t(`jobs.status.${status}`)}
      </Text>
      <Progress
        value={done ? 100 : progress * 100}
        color={status === 'failed' ? 'red' : done ? 'teal' : 'blue'}
        animated={!done && status !== 'failed'}
        aria-label={t('imports.progress', { percent: fmt.pct(done ? 1 : progress, 0) })}
      />
      {status === 'failed' ? (
        <Alert color="red" variant="light">
          {t('imports.jobFailed')}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** What happened to the last upload: refused with its bad lines, or staged and applied by a job (with skipped lines). */
export function ImportOutcome({ error, result }: { error: unknown; result: ImportUpload | null }) {
  const { t, fmt } = useI18n();
  if (error instanceof ImportRefused && error.rejects.length > 0) {
    return (
      <Stack gap="sm" data-testid="import-outcome">
        <Alert color="red" variant="light" title={t('imports.refusedTitle')}>
          {t('imports.refused', { count: fmt.int(error.invalidRows) })}
        </Alert>
        <RejectsTable rejects={error.rejects} total={error.invalidRows} />
      </Stack>
    );
  }
  if (error) return <ErrorAlert error={error} />;
  if (!result) return null;
  return (
    <Stack gap="sm" data-testid="import-outcome">
      <Alert color={result.rejected > 0 ? 'yellow' : 'teal'} variant="light">
        {result.status === 'unchanged'
          ? t('imports.unchanged')
          : t('imports.staged', {
              rows: fmt.int(result.rows - result.rejected),
              rejected: fmt.int(result.rejected),
            })}
      </Alert>
      {result.jobId !== null ? <JobProgress jobId={result.jobId} /> : null}
      {result.rejects.length > 0 ? <RejectsTable rejects={result.rejects} total={result.rejected} /> : null}
    </Stack>
  );
}
