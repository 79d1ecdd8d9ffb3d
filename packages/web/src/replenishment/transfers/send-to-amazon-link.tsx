import { Button } from '@mantine/core';
import type { TransferDraft } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';

/** Where a saved transfer draft's Send to Amazon upload file downloads (the server names the file). */
export const sendToAmazonFileUrl = (id: number) =>
  `/api/v1/channels/amazon/transfer-drafts/${String(id)}/send-to-amazon-file`;

/** Downloads a saved draft as the file Seller Central's Send to Amazon workflow uploads. */
export function SendToAmazonLink({ draft }: { draft: TransferDraft }) {
  const { t } = useI18n();
  return (
    <Button
      component="a"
      href={sendToAmazonFileUrl(draft.id)}
      download
      size="compact-sm"
      variant="light"
      aria-label={t('transferDrafts.sendFileNamed', { id: String(draft.id) })}
    >
      {t('transferDrafts.sendFile')}
    </Button>
  );
}
