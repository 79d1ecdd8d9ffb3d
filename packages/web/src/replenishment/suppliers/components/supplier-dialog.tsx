import { Modal, NumberInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n-context';

/** The supplier dialogs' frame: a modal whose close button reads "close" in the reader's language. */
export function SupplierDialog({
  opened = true,
  onClose,
  title,
  children,
}: {
  opened?: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('suppliers.close') }}
    >
      {children}
    </Modal>
  );
}

/** A number of whole days from 0 to 365 (payment terms, lead-time stages): anything else typed becomes one. */
export function DaysInput({
  label,
  description,
  value,
  onChange,
  testId,
}: {
  label: string;
  description?: string;
  value: number;
  onChange: (days: number) => void;
  testId?: string;
}) {
  return (
    <NumberInput
      label={label}
      description={description}
      min={0}
      max={365}
      allowDecimal={false}
      value={value}
      onChange={(v) => {
        onChange(Math.max(0, Math.round(Number(v) || 0)));
      }}
      data-testid={testId}
    />
  );
}
