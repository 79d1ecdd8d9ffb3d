import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import type { PurchaseOrder } from '../../../api/types';
import { DataTable } from '../../../components/common/data-table';
import { FormActions } from '../../../components/common/form-actions';
import { useI18n } from '../../../i18n/i18n-context';
import { useUpdatePurchaseOrder } from '../../purchasing.hooks';
import { useSuppliers } from '../../suppliers.hooks';
import { MutationForm } from '../../../components/common/mutation-form';

interface DraftLine {
  sku: string;
  quantity: number;
  unitCost?: number;
}

/** The order's lines as the form edits them: quantity, and the unit cost kept while the supplier stays. */
const draftLines = (order: PurchaseOrder): DraftLine[] =>
  order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity, unitCost: line.unitCost }));

function LinesEditor({ lines, onChange }: { lines: DraftLine[]; onChange: (lines: DraftLine[]) => void }) {
  const { t } = useI18n();
  const [sku, setSku] = useState('');
  const add = () => {
    const wanted = sku.trim();
    if (!wanted || lines.some((line) => line.sku === wanted)) return;
    onChange([...lines, { sku: wanted, quantity: 1 }]);
    setSku('');
  };
  return (
    <Stack gap="xs">
      <DataTable minWidth={320} columns={[t('field.sku'), { label: t('po.ordered'), numeric: true }, '']}>
        {lines.map((line, i) => (
          <Table.Tr key={line.sku}>
            <Table.Td translate="no">{line.sku}</Table.Td>
            <Table.Td>
              <NumberInput
                aria-label={t('po.quantityOf', { sku: line.sku })}
                min={1}
                max={10_000_000}
                allowDecimal={false}
                value={line.quantity}
                onChange={(value) => {
                  const quantity = Math.max(1, Math.round(Number(value) || 1));
                  onChange(lines.map((l, k) => (k === i ? { ...l, quantity } : l)));
                }}
                w={110}
              />
            </Table.Td>
            <Table.Td>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('po.removeLine', { sku: line.sku })}
                onClick={() => {
                  onChange(lines.filter((_, k) => k !== i));
                }}
              >
                ×
              </ActionIcon>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {lines.length === 0 ? (
        <Text size="sm" c="red.8" role="alert">
          {t('po.noLines')}
        </Text>
      ) : null}
      <Group gap="xs" align="flex-end">
        <TextInput
          label={t('po.addSku')}
          value={sku}
          onChange={(e) => {
            setSku(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          maxLength={100}
          translate="no"
        />
        <Button variant="default" onClick={add} disabled={!sku.trim()}>
          {t('po.addLine')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Edits a draft purchase order: supplier, expected date, lines and quantities (PATCH /purchase-orders/{number}).
 * With another supplier the lines go without unit costs, so the server prices them on that supplier's terms.
 */
export function EditOrderModal({ order, onClose }: { order: PurchaseOrder; onClose: () => void }) {
  const { t } = useI18n();
  const update = useUpdatePurchaseOrder(order.number);
  const suppliers = useSuppliers();
  const [supplier, setSupplier] = useState(order.supplier.code);
  const [expectedOn, setExpectedOn] = useState(order.expectedOn ?? '');
  const [lines, setLines] = useState(() => draftLines(order));
  const changedSupplier = supplier !== order.supplier.code;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (lines.length === 0) return;
    update.mutate(
      {
        supplier,
        expectedOn: expectedOn || null,
        lines: lines.map(({ sku, quantity, unitCost }) =>
          changedSupplier || unitCost === undefined ? { sku, quantity } : { sku, quantity, unitCost },
        ),
      },
      { onSuccess: onClose },
    );
  };
  const options = (suppliers.data ?? []).map((s) => ({ value: s.code, label: `${s.name} · ${s.code}` }));
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('po.editTitle', { number: order.number })}
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
    >
      <MutationForm onSubmit={submit} of={update} testId="po-edit-form" gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={t('po.supplier')}
            data={options.length > 0 ? options : [{ value: supplier, label: supplier }]}
            value={supplier}
            onChange={(value) => {
              if (value) setSupplier(value);
            }}
            allowDeselect={false}
            searchable
            data-testid="po-edit-supplier"
          />
          <TextInput
            label={t('po.expectedOn')}
            type="date"
            value={expectedOn}
            onChange={(e) => {
              setExpectedOn(e.currentTarget.value);
            }}
            data-testid="po-edit-expected"
          />
        </SimpleGrid>
        {changedSupplier ? (
          <Text size="sm" c="dimmed">
            {t('po.supplierChange')}
          </Text>
        ) : null}
        <LinesEditor lines={lines} onChange={setLines} />
        <FormActions
          onCancel={onClose}
          loading={update.isPending}
          disabled={lines.length === 0}
          submitLabel={t('commerce.save')}
          submitTestId="po-edit-save"
        />
      </MutationForm>
    </Modal>
  );
}
