import { Alert, Button, Code, CopyButton, Group, Modal, Stack, TextInput } from '@mantine/core';
import { StatusBadge } from '../components/common/status-badge';
import { useState, type SyntheticEvent } from 'react';
import type { ApiToken, ApiTokenCreated } from '../api/types';
import { NothingHere } from '../components/common/not-available';
import { useCreateToken, useRevokeToken, useTokens } from './tokens.hooks';
import { useI18n } from '../i18n/i18n-context';
import { QueryTable } from '../components/common/query-table';
import { useDialogAction } from '../components/common/dialog-action';
import { ExplainBar } from '../components/common/explain-bar';
import { FormActions } from '../components/common/form-actions';
import { ConfirmButton } from '../components/common/confirm-button';
import { MutationForm } from '../components/common/mutation-form';
import { useFormFields } from '../components/common/use-form-fields';

/** Creates a token and shows its secret exactly once; closing the dialog forgets it. */
function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const create = useCreateToken();
  const { values, field, reset } = useFormFields({ name: '' });
  const name = values.name;
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const close = () => {
    reset();
    setCreated(null);
    create.reset();
    onClose();
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(name.trim(), { onSuccess: setCreated });
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('tokens.createdTitle') : t('tokens.new')}
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack>
          <Alert color="yellow" variant="light">
            {t('tokens.shownOnce')}
          </Alert>
          <Code block data-testid="token-secret" translate="no" style={{ wordBreak: 'break-all' }}>
            {created.token}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <MutationForm onSubmit={submit} of={create}>
          <TextInput
            label={t('tokens.name')}
            description={t('tokens.nameHint')}
            required
            {...field('name')}
            data-autofocus
            maxLength={100}
            data-testid="token-name"
          />
          <FormActions onCancel={close} loading={create.isPending} disabled={!name.trim()} />
        </MutationForm>
      )}
    </Modal>
  );
}

function RevokeButton({ token }: { token: ApiToken }) {
  const revoke = useRevokeToken(token.id);
  return <ConfirmButton action="tokens.revoke" vars={{ name: token.name }} mutation={revoke} />;
}

export function TokensTab() {
  const { t, fmt } = useI18n();
  const tokens = useTokens();
  // Viewers only read: token creation is offered to the roles that change stock.
  const create = useDialogAction('inventory:write', t('tokens.new'), 'new-token');
  return (
    <Stack gap="sm">
      <ExplainBar action={create.button}>{t('tokens.explain')}</ExplainBar>
      <QueryTable
        query={tokens}
        empty={<NothingHere title={t('tokens.empty')} />}
        testId="tokens-table"
        minWidth={640}
        scroll="area"
        rowKey={(token) => token.id}
        columns={[
          { label: t('tokens.name'), text: 'verbatim', cell: (token) => token.name },
          { label: t('tokens.prefix'), text: 'code', cell: (token) => `${token.prefix}…` },
          { label: t('tokens.created'), cell: (token) => fmt.date(token.createdAt) },
          {
            label: t('tokens.lastUsed'),
            cell: (token) => (token.lastUsedAt ? fmt.dateTime(token.lastUsedAt) : t('tokens.never')),
          },
          {
            label: t('settings.status'),
            cell: (token) => (
              <StatusBadge color={token.revokedAt ? 'gray' : 'teal'}>
                {t(token.revokedAt ? 'tokens.revoked' : 'settings.active')}
              </StatusBadge>
            ),
          },
          {
            label: null,
            cell: (token) => (token.revokedAt || !create.allowed ? null : <RevokeButton token={token} />),
          },
        ]}
      />
      {create.allowed ? <CreateTokenModal opened={create.opened} onClose={create.close} /> : null}
    </Stack>
  );
}
