import { Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ImportFormat } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/translate';

/** The mapping a sales history upload sends as `?mapping=`: field → the file's column (server checks it). */
export type SalesHistoryMapping = Record<string, string | boolean>;

const STORAGE_KEY = 'stockwise.salesHistoryMapping';

/** The mapping last used in this browser (the next file of the same export needs the same one). */
export function rememberedMapping(): SalesHistoryMapping {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as unknown;
    return typeof stored === 'object' && stored !== null ? (stored as SalesHistoryMapping) : {};
  } catch {
    return {};
  }
}

export function rememberMapping(mapping: SalesHistoryMapping): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(mapping));
}

/** The header line's column names (the first 64 KB are plenty for one line), as the server compares them. */
async function headerOf(file: File): Promise<string[]> {
  const text = await file.slice(0, 65_536).text();
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  return line
    .split(',')
    .map((c) =>
      c
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim()
        .toLowerCase(),
    )
    .filter((c) => c !== '');
}

/**
 * The mapping step of a sales history: one select per field of the format (required ones first), over
 * the columns of the chosen file's header, plus the cancellation prefix and whether to create SKUs.
 */
export function SalesHistoryMappingStep({
  file,
  format,
  value,
  onChange,
}: {
  file: File | null;
  format: ImportFormat | undefined;
  value: SalesHistoryMapping;
  onChange: (mapping: SalesHistoryMapping) => void;
}) {
  const { t } = useI18n();
  const [columns, setColumns] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    if (file)
      void headerOf(file).then((c) => {
        if (live) setColumns(c);
      });
    return () => {
      live = false;
    };
  }, [file]);
  const set = (field: string, v: string | boolean | null) => {
    const rest = Object.fromEntries(Object.entries(value).filter(([k]) => k !== field));
    onChange(v === null || v === '' ? rest : { ...rest, [field]: v });
  };
  const fields = [...(format?.required ?? []), ...(format?.optional ?? [])];
  const required = new Set(format?.required ?? []);
  const options = [...new Set([...columns, ...Object.values(value).filter((v) => typeof v === 'string')])];
  return (
    <Stack gap="xs" data-testid="sales-history-mapping">
      <Text size="sm" fw={500}>
        {t('imports.mapping.heading')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('imports.mapping.hint')}
      </Text>
      <Group gap="sm" wrap="wrap" align="flex-end">
        {fields.map((field) => (
          <Select
            key={field}
            label={t(`imports.mapping.${field}` as MessageKey)}
            withAsterisk={required.has(field)}
            data={options}
            value={typeof value[field] === 'string' ? value[field] : null}
            onChange={(v) => {
              set(field, v);
            }}
            placeholder={t('imports.mapping.none')}
            clearable={!required.has(field)}
            searchable
            w={200}
            data-testid={`mapping-${field}`}
          />
        ))}
        <TextInput
          label={t('imports.mapping.cancelPrefix')}
          value={typeof value['cancelPrefix'] === 'string' ? value['cancelPrefix'] : ''}
          onChange={(e) => {
            set('cancelPrefix', e.currentTarget.value);
          }}
          maxLength={20}
          w={200}
          data-testid="mapping-cancelPrefix"
        />
      </Group>
      <Checkbox
        label={t('imports.mapping.createProducts')}
        checked={value['createProducts'] === true}
        onChange={(e) => {
          set('createProducts', e.currentTarget.checked);
        }}
        data-testid="mapping-createProducts"
      />
    </Stack>
  );
}
