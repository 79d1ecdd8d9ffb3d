import { Autocomplete, Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { WhatIfAction, WhatIfResult } from '../api/types';
import { FailureAlert } from '../components/common/error-alert';
import { ScrollTable } from '../components/common/data-table';
import { TitledPanel } from '../components/common/titled-panel';
import { OneOfSelect } from '../components/common/one-of-select';
import { useI18n } from '../i18n/i18n-context';
import { FACTORS, showFactor } from './factor-format';
import { useHealthSkus, useWhatIf } from './health.hooks';

type Kind = WhatIfAction['kind'];
const KINDS: Kind[] = ['remove', 'restock', 'fixListing'];

function WhatIfResultView({ result }: { result: WhatIfResult }) {
  const { t, fmt } = useI18n();
  const signed = (n: number) => (n > 0 ? `+${fmt.int(n)}` : fmt.int(n));
  return (
    <Stack gap="xs" data-testid="what-if-result">
      <Text fw={600} data-testid="what-if-summary">
        {t('whatIf.summary', {
          before: fmt.int(result.before.score),
          after: fmt.int(result.after.score),
          change: signed(result.change),
        })}
      </Text>
      <ScrollTable
        minWidth={360}
        fz="sm"
        columns={[
          t('whatIf.factor'),
          { label: t('whatIf.before'), numeric: true },
          { label: t('whatIf.after'), numeric: true },
        ]}
      >
        {FACTORS.map((name) => (
          <Table.Tr key={name}>
            <Table.Td>{t(`health.factor.${name}`)}</Table.Td>
            <Table.Td className="num">{showFactor(fmt, name, result.before.factors[name])}</Table.Td>
            <Table.Td className="num">{showFactor(fmt, name, result.after.factors[name])}</Table.Td>
          </Table.Tr>
        ))}
      </ScrollTable>
    </Stack>
  );
}

function ActionList({ actions, onDrop }: { actions: WhatIfAction[]; onDrop: (index: number) => void }) {
  const { t, fmt } = useI18n();
  if (actions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('whatIf.none')}
      </Text>
    );
  return (
    <ScrollTable
      minWidth={360}
      fz="sm"
      testId="what-if-actions"
      columns={[t('field.sku'), t('whatIf.action'), { label: t('whatIf.units'), numeric: true }, '']}
    >
      {actions.map((a, i) => (
        <Table.Tr key={`${a.kind}-${a.sku}-${String(i)}`}>
          <Table.Td ff="monospace" translate="no">
            {a.sku}
          </Table.Td>
          <Table.Td>{t(`whatIf.kind.${a.kind}`)}</Table.Td>
          <Table.Td className="num">{'units' in a ? fmt.int(a.units) : '—'}</Table.Td>
          <Table.Td>
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => {
                onDrop(i);
              }}
              aria-label={t('whatIf.drop', { sku: a.sku })}
            >
              {t('whatIf.dropShort')}
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </ScrollTable>
  );
}

/**
 * The what-if simulator: the seller lists actions (remove or restock units of a SKU, fix its listing)
 * and the server computes the proxy and factors after them (docs/formulas.md IPI proxy); nothing changes.
 */
export function WhatIfPanel() {
  const { t } = useI18n();
  const skus = useHealthSkus();
  const run = useWhatIf();
  const [sku, setSku] = useState('');
  const [kind, setKind] = useState<Kind>('remove');
  const [units, setUnits] = useState<number | string>(10);
  const [actions, setActions] = useState<WhatIfAction[]>([]);
  const known = skus.data?.items.map((i) => i.sku) ?? [];
  const unitCount = typeof units === 'number' ? units : Number(units);
  const canAdd =
    known.includes(sku) && (kind === 'fixListing' || (Number.isInteger(unitCount) && unitCount >= 1));
  const add = () => {
    const action: WhatIfAction = kind === 'fixListing' ? { kind, sku } : { kind, sku, units: unitCount };
    setActions((list) => [...list, action]);
    run.reset();
  };
  return (
    <TitledPanel title={t('whatIf.title')} description={t('whatIf.subtitle')} testId="what-if">
      <Group align="flex-end" wrap="wrap">
        <Autocomplete
          label={t('field.sku')}
          data={known}
          limit={20}
          value={sku}
          onChange={setSku}
          w={200}
          data-testid="what-if-sku"
        />
        <OneOfSelect
          label={t('whatIf.action')}
          data={KINDS.map((k) => ({ value: k, label: t(`whatIf.kind.${k}`) }))}
          value={kind}
          onChange={setKind}
          w={190}
          testId="what-if-kind"
        />
        {kind === 'fixListing' ? null : (
          <NumberInput
            label={t('whatIf.units')}
            min={1}
            allowDecimal={false}
            value={units}
            onChange={setUnits}
            w={120}
            data-testid="what-if-units"
          />
        )}
        <Button variant="default" disabled={!canAdd} onClick={add} data-testid="what-if-add">
          {t('whatIf.add')}
        </Button>
      </Group>
      <ActionList
        actions={actions}
        onDrop={(index) => {
          setActions((list) => list.filter((_, i) => i !== index));
          run.reset();
        }}
      />
      <Button
        disabled={actions.length === 0}
        loading={run.isPending}
        onClick={() => {
          run.mutate({ actions });
        }}
        style={{ alignSelf: 'flex-start' }}
        data-testid="what-if-run"
      >
        {t('whatIf.run')}
      </Button>
      <FailureAlert of={run} />
      {run.data ? <WhatIfResultView result={run.data} /> : null}
    </TitledPanel>
  );
}
