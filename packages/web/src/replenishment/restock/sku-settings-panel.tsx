import { Button, Group, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import type { RestockRecommendation, RestockSkuSettings } from '../../api/types';
import { usePermission } from '../../accounts/use-permission';
import { ErrorAlert, FailureAlert } from '../../components/common/error-alert';
import { useI18n } from '../../i18n/i18n-context';
import { useSaveSkuSettings, useSkuSettings } from '../restock.hooks';

type NumberField = 'serviceLevel' | 'reviewDays' | 'minCoverDays' | 'maxCoverDays';
type SwitchField = 'allowExcess' | 'buyDespiteClearance' | 'buyDespiteLoss';
const SWITCHES: SwitchField[] = ['allowExcess', 'buyDespiteClearance', 'buyDespiteLoss'];

/** An empty box is null: the SKU follows the account's default. */
const numberOrNull = (value: string | number): number | null =>
  value === '' || !Number.isFinite(Number(value)) ? null : Number(value);

function SettingsForm({ rec, stored }: { rec: RestockRecommendation; stored: RestockSkuSettings }) {
  const { t, fmt } = useI18n();
  const canEdit = usePermission('catalog:write');
  const save = useSaveSkuSettings(rec.sku);
  const [form, setForm] = useState<RestockSkuSettings>(stored);
  const set = (changes: Partial<RestockSkuSettings>) => {
    setForm((current) => ({ ...current, ...changes }));
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    save.mutate(form);
  };
  // What the plan used for this line is the placeholder: an empty box keeps it.
  const numbers: { field: NumberField; placeholder: string; min: number; max: number; scale: number }[] = [
    { field: 'serviceLevel', placeholder: fmt.pct(rec.serviceLevel), min: 50, max: 99.9, scale: 100 },
    { field: 'reviewDays', placeholder: t('skuSettings.accountDefault'), min: 0, max: 365, scale: 1 },
    { field: 'minCoverDays', placeholder: fmt.int(rec.coverLowDays), min: 0, max: 365, scale: 1 },
    { field: 'maxCoverDays', placeholder: fmt.int(rec.coverHighDays), min: 1, max: 730, scale: 1 },
  ];
  return (
    <form onSubmit={submit} noValidate data-testid={`sku-settings-${rec.sku}`}>
      <Stack gap="xs">
        <Title order={3} size="h6">
          {t('skuSettings.title')} · <span translate="no">{rec.sku}</span>
        </Title>
        <Text size="xs" c="dimmed">
          {t('skuSettings.explain')}
        </Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {numbers.map(({ field, placeholder, min, max, scale }) => {
            const value = form[field];
            return (
              <NumberInput
                key={field}
                label={t(`skuSettings.${field}`)}
                placeholder={placeholder}
                value={value === null ? '' : Math.round(value * scale * 10) / 10}
                onChange={(v) => {
                  const n = numberOrNull(v);
                  set({ [field]: n === null ? null : n / scale });
                }}
                min={min}
                max={max}
                decimalScale={scale === 100 ? 1 : 0}
                allowNegative={false}
                disabled={!canEdit}
                w={150}
                data-testid={`sku-setting-${field}`}
              />
            );
          })}
        </Group>
        <Group gap="md" wrap="wrap">
          {SWITCHES.map((field) => (
            <Switch
              key={field}
              label={t(`skuSettings.${field}`)}
              checked={form[field]}
              onChange={(event) => {
                set({ [field]: event.currentTarget.checked });
              }}
              disabled={!canEdit}
              data-testid={`sku-setting-${field}`}
            />
          ))}
        </Group>
        <FailureAlert of={save} />
        {canEdit ? (
          <Group gap="sm">
            <Button type="submit" size="xs" loading={save.isPending} data-testid="sku-settings-save">
              {t('skuSettings.save')}
            </Button>
            {save.isSuccess ? (
              <Text size="sm" role="status" data-testid="sku-settings-saved">
                {t('skuSettings.saved')}
              </Text>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

/**
 * The settings the planning uses for this SKU (service level, review period, cover band, the
 * overrides), in the restock row's drawer; saved through PUT /restock/settings/{sku}, after which the
 * plan and the projection are fetched again.
 */
export function SkuSettingsPanel({ rec }: { rec: RestockRecommendation }) {
  const settings = useSkuSettings(rec.sku);
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  if (!settings.data) return null;
  // The form holds the settings alone: the SKU is the address, not part of the body.
  const { sku: _sku, ...stored } = settings.data;
  return <SettingsForm rec={rec} stored={stored} />;
}
