import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { PageHeader } from '../../components/common/page-header';
import type { Supplier } from '../suppliers.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { BillsTable } from './components/bills-table';
import { SupplierEditModal } from './components/supplier-edit-modal';
import { SuppliersTable } from './components/suppliers-table';

/** Suppliers with their scorecards (on time, lead time, fill rate, open orders) and every bill that falls due. */
export default function SuppliersPage() {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Supplier | null>(null);
  return (
    <Stack gap="md">
      <PageHeader title={t('suppliers.title')} description={t('suppliers.subtitle')} />
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
        />
      ) : null}
    </Stack>
  );
}
