import { Button, Group } from '@mantine/core';
import { StatusBadge } from '../../components/common/status-badge';
import type { TransferDraft } from '../../api/types';
import { usePermission } from '../../accounts/use-permission';
import { ScrollTable } from '../../components/common/data-table';
import { FailureAlert } from '../../components/common/error-alert';
import { RemoveButton } from '../../components/common/remove-button';
import { TitledPanel } from '../../components/common/titled-panel';
import { useI18n } from '../../i18n/i18n-context';
import { SendToAmazonLink } from './send-to-amazon-link';
import { useDeleteTransferDraft, useMarkTransferDraftSent, useTransferDrafts } from './transfer-drafts.hooks';

function DraftActions({ draft }: { draft: TransferDraft }) {
  const { t } = useI18n();
  const remove = useDeleteTransferDraft();
  const sent = useMarkTransferDraftSent();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="compact-sm"
        variant="light"
        loading={sent.isPending}
        onClick={() => {
          sent.mutate(draft.id);
        }}
        aria-label={t('transferDrafts.markSentNamed', { id: String(draft.id) })}
      >
        {t('transferDrafts.markSent')}
      </Button>
      <RemoveButton
        label={t('transferDrafts.delete')}
        ariaLabel={t('transferDrafts.deleteNamed', { id: String(draft.id) })}
        mutation={remove}
        variables={draft.id}
      />
      <FailureAlert of={remove} />
      <FailureAlert of={sent} />
    </Group>
  );
}

/**
 * The open transfer (send-to-Amazon) shipment drafts saved from the planner: route, lines, units,
 * status; each can be marked sent (it then leaves this list) or deleted.
 */
export function SavedTransferDrafts() {
  const { t, fmt } = useI18n();
  const drafts = useTransferDrafts();
  const canEdit = usePermission('inventory:write');
  const items = drafts.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <TitledPanel
      title={t('transferDrafts.title')}
      description={t('transferDrafts.explain')}
      testId="transfer-drafts"
    >
      <ScrollTable
        minWidth={600}
        fz="sm"
        testId="transfer-drafts-table"
        items={items}
        rowKey={(d) => d.id}
        rowData={(d) => ({ 'data-draft': String(d.id) })}
        columns={[
          {
            label: t('transferDrafts.route'),
            text: 'verbatim',
            cell: (d) => `${d.fromLocation} → ${d.toLocation}`,
          },
          { label: t('transferDrafts.lines'), numeric: true, cell: (d) => fmt.int(d.lines.length) },
          {
            label: t('transferDrafts.units'),
            numeric: true,
            cell: (d) => fmt.int(d.lines.reduce((s, l) => s + l.quantity, 0)),
          },
          {
            label: t('transferDrafts.status'),
            cell: (d) => (
              <StatusBadge color={d.status === 'draft' ? 'gray' : 'teal'}>
                {t(`transferDrafts.statusName.${d.status}`)}
              </StatusBadge>
            ),
          },
          { label: t('transferDrafts.created'), cell: (d) => fmt.dateTime(d.createdAt) },
          {
            label: '',
            cell: (d) => (
              <Group gap="xs" wrap="nowrap">
                <SendToAmazonLink draft={d} />
                {canEdit && d.status === 'draft' ? <DraftActions draft={d} /> : null}
              </Group>
            ),
          },
        ]}
      />
    </TitledPanel>
  );
}
