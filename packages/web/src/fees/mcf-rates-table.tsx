import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { ErrorAlert } from '../components/common/error-alert';
import { SaveActions } from '../components/common/form-actions';
import { useI18n } from '../i18n/i18n-context';
import { MessageWithData } from '../i18n/message-with-data';
import { useUpdateFeeSchedule, type FeeSchedule, type McfRate } from './fees.hooks';
import { MCF_TIERS, mcfBand, newMcfRow, nonNegative, sortedMcf, unitsInOrder } from './mcf-form';

type NumberField = 'maxWeightLb' | 'fee' | 'perLbAbove' | 'baseWeightLb';

interface RowProps {
  row: McfRate;
  index: number;
  band: { units: number; orMore: boolean };
  currency: string;
  editable: boolean;
  onChange: (patch: Partial<McfRate>) => void;
  onRemove: () => void;
}

/** One rate row: read-only text, or inputs on the seller's own schedule. */
function McfRow({ row, index, band, currency, editable, onChange, onRemove }: RowProps) {
  const { t, fmt } = useI18n();
  const shown = (field: NumberField, value: number | null) => {
    if (field === 'maxWeightLb')
      return value === null ? t('fees.mcfAnyWeight') : t('fees.mcfUpTo', { lb: fmt.num(value, 3) });
    if (field === 'fee' || field === 'perLbAbove') return fmt.money(value ?? 0, currency);
    return fmt.num(value ?? 0, 3);
  };
  const cell = (field: NumberField) => (
    <Table.Td className="num">
      {editable ? (
        <NumberInput
          size="xs"
          min={0}
          decimalScale={4}
          value={row[field] ?? ''}
          placeholder={field === 'maxWeightLb' ? t('fees.mcfAnyWeight') : undefined}
          aria-label={t(`fees.mcf.${field}`)}
          onChange={(v) => {
            onChange({ [field]: field === 'maxWeightLb' && v === '' ? null : nonNegative(v) });
          }}
          data-testid={`mcf-${field}-${String(index)}`}
        />
      ) : (
        shown(field, row[field])
      )}
    </Table.Td>
  );
  return (
    <Table.Tr data-testid="mcf-row">
      <Table.Td>
        {editable ? (
          <Select
            size="xs"
            data={MCF_TIERS.map((tier) => ({ value: tier, label: t(`sizeTier.${tier}`) }))}
            value={row.sizeTier}
            allowDeselect={false}
            aria-label={t('product.sizeTier')}
            onChange={(v) => {
              const tier = MCF_TIERS.find((x) => x === v);
              if (tier) onChange({ sizeTier: tier });
            }}
          />
        ) : (
          t(`sizeTier.${row.sizeTier}`)
        )}
      </Table.Td>
      {cell('maxWeightLb')}
      <Table.Td className="num">
        {editable ? (
          <NumberInput
            size="xs"
            min={1}
            allowDecimal={false}
            value={row.minUnitsInOrder}
            aria-label={t('fees.mcf.minUnitsInOrder')}
            onChange={(v) => {
              onChange({ minUnitsInOrder: unitsInOrder(v) });
            }}
            data-testid={`mcf-minUnitsInOrder-${String(index)}`}
          />
        ) : (
          t(band.orMore ? 'fees.mcfUnitsOrMore' : 'fees.mcfUnits', { units: fmt.int(band.units) })
        )}
      </Table.Td>
      {cell('fee')}
      {cell('perLbAbove')}
      {cell('baseWeightLb')}
      {editable ? (
        <Table.Td>
          <ActionIcon variant="subtle" color="red" aria-label={t('fees.mcfRemove')} onClick={onRemove}>
            ×
          </ActionIcon>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

/**
 * The Multi-Channel Fulfilment table of a schedule (standard shipping): fee per unit by size tier,
 * weight and units in the order. The seller's own schedule is edited here; an empty table says the
 * marketplace has none (those fees are unknown in the profit report, never 0).
 */
export function McfRatesTable({ schedule, editable }: { schedule: FeeSchedule; editable: boolean }) {
  const { t } = useI18n();
  const update = useUpdateFeeSchedule();
  const [rows, setRows] = useState<McfRate[]>(() => sortedMcf(schedule.mcf));
  const [saved, setSaved] = useState(false);
  const edit = (next: (all: McfRate[]) => McfRate[]) => {
    setSaved(false);
    setRows(next);
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setSaved(false);
    update.mutate(
      { id: schedule.id, patch: { mcf: rows } },
      {
        onSuccess: (s) => {
          setRows(sortedMcf(s.mcf));
          setSaved(true);
        },
      },
    );
  };
  const heads = ['maxWeightLb', 'minUnitsInOrder', 'fee', 'perLbAbove', 'baseWeightLb'] as const;
  return (
    <form onSubmit={submit} noValidate data-testid="mcf-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          <MessageWithData k="fees.mcfExplain" vars={{ shopify: 'Shopify' }} data={['shopify']} />
        </Text>
        {update.isError ? <ErrorAlert error={update.error} /> : null}
        {rows.length === 0 ? (
          <Text size="sm" data-testid="mcf-none">
            {t('fees.mcfNone')}
          </Text>
        ) : (
          <Paper withBorder radius="md">
            <Table.ScrollContainer type="native" minWidth={720} tabIndex={0}>
              <Table striped fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('product.sizeTier')}</Table.Th>
                    {heads.map((h) => (
                      <Table.Th key={h} className="num">
                        {t(`fees.mcf.${h}`)}
                      </Table.Th>
                    ))}
                    {editable ? <Table.Th /> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r, i) => (
                    <McfRow
                      key={i}
                      row={r}
                      index={i}
                      band={mcfBand(rows, r)}
                      currency={schedule.currency}
                      editable={editable}
                      onChange={(patch) => {
                        edit((all) => all.map((x, j) => (j === i ? { ...x, ...patch } : x)));
                      }}
                      onRemove={() => {
                        edit((all) => all.filter((_, j) => j !== i));
                      }}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
        {editable ? (
          <Group gap="sm">
            <Button
              variant="default"
              onClick={() => {
                edit((all) => [...all, newMcfRow()]);
              }}
              data-testid="mcf-add"
            >
              {t('fees.mcfAdd')}
            </Button>
            <SaveActions loading={update.isPending} saved={saved} testId="mcf-save" savedTestId="mcf-saved" />
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
