import { Alert, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useDialogAction } from '../../components/common/dialog-action';
import { PageHeader } from '../../components/common/page-header';
import type { Supplier } from '../suppliers.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { BillsTable } from './components/bills-table';
import { SupplierCreateModal } from './components/supplier-create-modal';
import { SupplierEditModal } from './components/supplier-edit-modal';
import { SuppliersTable } from './components/suppliers-table';

/** Suppliers with their scorecards (on time, lead time, fill rate, open orders) and every bill that falls due. */
export default function SuppliersPage() {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Supplier | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const create = useDialogAction('catalog:write', t('suppliers.new'), 'supplier-new');
  return (
    <Stack gap="md">
      <PageHeader
        title={t('suppliers.title')}
        description={t('suppliers.subtitle')}
        actions={create.button ? <Group>{create.button}</Group> : null}
      />
      {outcome ? (
        <Alert
          color="teal"
          role="status"
          withCloseButton
          closeButtonLabel={t('suppliers.close')}
          onClose={() => {
            setOutcome(null);
          }}
          data-testid="supplier-outcome"
        >
          {outcome}
        </Alert>
      ) : null}
      <SuppliersTable onEdit={setEditing} />
      <Title order={2} size="h4">
        {t('suppliers.billsTitle')}
      </Title>
      <BillsTable />
      {editing ? (
        <SupplierEditModal
          supplier={editing}
          onClose={() => {
            setEditing(null);
          }}
          onDeleted={(message) => {
            setEditing(null);
            setOutcome(message);
          }}
        />
      ) : null}
      {create.allowed ? <SupplierCreateModal opened={create.opened} onClose={create.close} /> : null}
    </Stack>
  );
}
