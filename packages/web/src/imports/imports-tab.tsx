import { Button, Checkbox, FileInput, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { readAtInstant, useImportFormats, useUploadImport, type ImportKind } from './imports.hooks';
import { usePermission } from '../accounts/use-permission';
import { OneOfSelect } from '../components/common/one-of-select';
import { useI18n } from '../i18n/i18n-context';
import { ImportHint } from './import-hint';
import { ImportOutcome } from './import-outcome';
import { RecentImports } from './recent-imports';
import { rememberedMapping, rememberMapping, SalesHistoryMappingStep } from './sales-history-mapping';

/** Upload a file for one import kind; a job applies it while the page shows its progress and any rejected lines. */
export function ImportsTab() {
  const { t } = useI18n();
  const upload = useUploadImport();
  const canImport = usePermission('inventory:write');
  const formats = useImportFormats();
  const [kind, setKind] = useState<ImportKind>('orders');
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [mapping, setMapping] = useState(rememberedMapping);
  const [readAt, setReadAt] = useState('');
  const format = formats.data?.find((f) => f.kind === kind);
  // Which kinds take a column mapping or a report time is the server's rule (`parameters` of /imports/formats).
  const mapped = format?.parameters.includes('mapping') ?? false;
  const readsAt = format?.parameters.includes('readAt') ?? false;
  // The Manage FBA Inventory report is a read of Amazon's figures at the time it was taken (decision 59).
  const read = readsAt ? readAtInstant(readAt) : undefined;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!file) return;
    if (mapped) rememberMapping(mapping);
    upload.mutate({
      kind,
      file,
      skipInvalid,
      ...(mapped ? { mapping: JSON.stringify(mapping) } : {}),
      ...(read ? { readAt: read } : {}),
    });
  };
  return (
    <Stack gap="md">
      {canImport ? (
        <Paper withBorder radius="md" p="md">
          <form onSubmit={submit} noValidate data-testid="import-form">
            <Stack gap="sm">
              <ImportHint kind={kind} format={mapped ? undefined : format} />
              <Group gap="sm" align="flex-end" wrap="wrap">
                <OneOfSelect
                  label={t('imports.kind')}
                  data={(formats.data ?? []).map((f) => ({
                    value: f.kind,
                    label: t(`imports.kind.${f.kind}`),
                  }))}
                  value={kind}
                  onChange={setKind}
                  w={240}
                  testId="import-kind"
                />
                <FileInput
                  label={t('imports.file')}
                  value={file}
                  onChange={setFile}
                  accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
                  w={260}
                  data-testid="import-file"
                />
              </Group>
              {readsAt ? (
                <TextInput
                  type="datetime-local"
                  label={t('imports.readAt')}
                  description={t('imports.readAtHint')}
                  value={readAt}
                  onChange={(e) => {
                    setReadAt(e.currentTarget.value);
                  }}
                  w={260}
                  data-testid="import-read-at"
                />
              ) : null}
              {mapped ? (
                <SalesHistoryMappingStep file={file} format={format} value={mapping} onChange={setMapping} />
              ) : null}
              <Checkbox
                label={t('imports.skipInvalid')}
                description={t('imports.skipInvalidHint')}
                checked={skipInvalid}
                onChange={(e) => {
                  setSkipInvalid(e.currentTarget.checked);
                }}
                data-testid="import-skip-invalid"
              />
              <Group>
                <Button type="submit" disabled={!file} loading={upload.isPending} data-testid="import-submit">
                  {t('imports.upload')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : null}
      {upload.isError || upload.data ? (
        <ImportOutcome error={upload.error} result={upload.data ?? null} />
      ) : null}
      <RecentImports />
    </Stack>
  );
}
