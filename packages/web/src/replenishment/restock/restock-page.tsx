import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { RestockRecommendation } from '../../api/types';
import { ErrorAlert } from '../../components/common/error-alert';
import { NotAvailablePanel, NothingHere } from '../../components/common/not-available';
import { PageHeader } from '../../components/common/page-header';
import { PageLoader } from '../../components/common/page-loader';
import { type SupplyMode, useRestockPlan } from '../restock.hooks';
import { lineKey, useCreatePurchaseOrders } from '../purchasing.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { LineCounts, ModePicker } from './mode-picker';
import { RestockTable, type RestockSelection } from './restock-table';

/** The ticked purchases and typed quantities; a line is chosen when ticked with a quantity above zero. */
function useRestockSelection(purchasable: readonly RestockRecommendation[]) {
  const [edits, setEdits] = useState<Map<string, number>>(() => new Map());
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const quantityOf = (key: string, fallback: number) => edits.get(key) ?? fallback;
  const allSelected =
    purchasable.length > 0 && purchasable.every((rec) => selected.has(lineKey(rec.sku, rec.location)));
  const selection: RestockSelection = {
    selected,
    allSelected,
    quantityOf,
    toggle: (key) => {
      const next = new Set(selected);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      setSelected(next);
    },
    toggleAll: () => {
      setSelected(
        allSelected ? new Set() : new Set(purchasable.map((rec) => lineKey(rec.sku, rec.location))),
      );
    },
    setQuantity: (key, quantity) => {
      const next = new Map(edits);
      next.set(key, quantity);
      setEdits(next);
    },
  };
  const chosen = purchasable.filter((rec) => {
    const key = lineKey(rec.sku, rec.location);
    return selected.has(key) && quantityOf(key, rec.recommendedQuantity) > 0;
  });
  // Rows not chosen count as zero, so a SKU chosen at one location is not ordered for another.
  const quantities = () =>
    new Map(
      purchasable.map((rec) => {
        const key = lineKey(rec.sku, rec.location);
        return [key, selected.has(key) ? quantityOf(key, rec.recommendedQuantity) : 0] as const;
      }),
    );
  return { selection, chosen, quantities };
}

/** The plan's lines: ticked purchases become purchase orders; transfers and held-back rows are shown. */
function RestockLines({ rows }: { rows: readonly RestockRecommendation[] }) {
  const { t, fmt } = useI18n();
  const create = useCreatePurchaseOrders();
  const navigate = useNavigate();
  const purchasable = rows.filter((rec) => rec.action === 'purchase');
  const { selection, chosen, quantities } = useRestockSelection(purchasable);
  const createOrders = () => {
    create.mutate(
      { skus: [...new Set(chosen.map((rec) => rec.sku))], quantities: quantities() },
      {
        onSuccess: (orders) => {
          const [first] = orders;
          void navigate(
            orders.length === 1 && first
              ? `/purchase-orders/${encodeURIComponent(first.number)}`
              : '/purchase-orders',
          );
        },
      },
    );
  };
  return (
    <>
      {purchasable.length > 0 ? (
        <Group justify="flex-end">
          <Button
            onClick={createOrders}
            loading={create.isPending}
            disabled={chosen.length === 0}
            data-testid="create-pos"
          >
            {t('restock.createPos', { count: fmt.int(chosen.length) })}
          </Button>
        </Group>
      ) : null}
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <RestockTable rows={rows} selection={selection} />
    </>
  );
}

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
      {restock.isError ? <ErrorAlert error={restock.error} /> : null}
      {plan === null ? <NotAvailablePanel description={t('restock.notAvailable')} /> : null}
      {plan && rows.length === 0 ? <NothingHere title={t('restock.empty')} /> : null}
      {plan && rows.length > 0 ? <LineCounts rows={rows} /> : null}
      {/* A new mode is a new plan: the selection and typed quantities start afresh. */}
      {plan && rows.length > 0 ? <RestockLines key={plan.mode} rows={rows} /> : null}
    </Stack>
  );
}
