import { Stack } from '@mantine/core';
import { useState } from 'react';
import { FailureAlert } from '../../components/common/error-alert';
import { NotAvailablePanel, NothingHere } from '../../components/common/not-available';
import { PageHeader } from '../../components/common/page-header';
import { PageLoader } from '../../components/common/page-loader';
import { type SupplyMode, useRestockPlan } from '../restock.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { LineCounts, ModePicker } from './mode-picker';
import { RestockPlanner } from './restock-planner';
import { CapacityBars } from './restock-totals';
import { SavedTransferDrafts } from '../transfers/saved-transfer-drafts';

/**
 * Restock recommendations in the mode the seller picks; until they pick, the server's default (shown
 * as such). A 404 (no restock endpoint) shows an empty state.
 */
export default function RestockPage() {
  const { t } = useI18n();
  const [chosenMode, setChosenMode] = useState<SupplyMode | undefined>(undefined);
  const defaultPlan = useRestockPlan();
  const chosenPlan = useRestockPlan(chosenMode, { enabled: chosenMode !== undefined });
  const restock = chosenMode === undefined ? defaultPlan : chosenPlan;
  const plan = restock.data;
  const rows = plan?.items ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={t('restock.title')} description={t('restock.subtitle')} />
      {defaultPlan.data ? (
        <ModePicker
          value={chosenMode ?? defaultPlan.data.mode}
          defaultMode={defaultPlan.data.mode}
          onChange={(mode) => {
            // The default mode is the plan already loaded: no second request for it.
            setChosenMode(mode === defaultPlan.data?.mode ? undefined : mode);
          }}
          loading={restock.isFetching}
        />
      ) : null}
      {restock.isPending ? <PageLoader /> : null}
      <FailureAlert of={restock} />
      {plan === null ? <NotAvailablePanel description={t('restock.notAvailable')} /> : null}
      {plan && rows.length === 0 ? <NothingHere title={t('restock.empty')} /> : null}
      {plan && rows.length > 0 ? <LineCounts rows={rows} /> : null}
      {plan ? <CapacityBars capacity={plan.capacity} /> : null}
      {/* A new mode is a new plan: the selection and typed quantities start afresh. */}
      {plan && rows.length > 0 ? <RestockPlanner key={plan.mode} rows={rows} /> : null}
      <SavedTransferDrafts />
    </Stack>
  );
}
