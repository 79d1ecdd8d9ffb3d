import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Invitation, Role } from '../api/types';
import { ConfirmButton } from '../components/common/confirm-button';
import { FailureAlert } from '../components/common/error-alert';
import { NothingHere } from '../components/common/not-available';
import { QueryTable } from '../components/common/query-table';
import { useI18n } from '../i18n/i18n-context';
import {
  useAcceptInvitation,
  useDeclineInvitation,
  useMyInvitations,
  usePendingInvitations,
  useWithdrawInvitation,
} from './users.hooks';

function MyInvitation({ invitation }: { invitation: Invitation }) {
  const { t } = useI18n();
  const accept = useAcceptInvitation(invitation.id);
  const decline = useDeclineInvitation(invitation.id);
  const busy = accept.isPending || decline.isPending;
  return (
    <Paper withBorder p="sm" data-testid="my-invitation">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm">
            {t('invitations.invitedYou', {
              account: invitation.accountName,
              role: t(`role.${invitation.role}`),
            })}
          </Text>
          <Group gap="xs">
            <Button
              size="compact-sm"
              variant="default"
              disabled={busy}
              loading={decline.isPending}
              onClick={() => {
                decline.mutate();
              }}
            >
              {t('invitations.decline')}
            </Button>
            <Button
              size="compact-sm"
              disabled={busy}
              loading={accept.isPending}
              onClick={() => {
                accept.mutate();
              }}
              data-testid="accept-invitation"
            >
              {t('invitations.accept')}
            </Button>
          </Group>
        </Group>
        <FailureAlert of={accept} />
        <FailureAlert of={decline} />
      </Stack>
    </Paper>
  );
}

/** Invitations into other accounts for the signed-in user, to accept or decline; nothing when there are none. */
export function MyInvitations() {
  const { t } = useI18n();
  const mine = useMyInvitations();
  if (!mine.data?.length) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('invitations.forYou')}
      </Title>
      {mine.data.map((invitation) => (
        <MyInvitation key={invitation.id} invitation={invitation} />
      ))}
    </Stack>
  );
}

function WithdrawButton({ invitation }: { invitation: Invitation }) {
  const withdraw = useWithdrawInvitation(invitation.id);
  return (
    <ConfirmButton action="invitations.withdraw" vars={{ email: invitation.email }} mutation={withdraw} />
  );
}

/** A member's or an invitation's role. */
export function RoleBadge({ role }: { role: Role }) {
  const { t } = useI18n();
  return <Badge variant="light">{t(`role.${role}`)}</Badge>;
}

/** The invitations into this account still waiting for an answer, each with a way to withdraw it (owners). */
export function PendingInvitations() {
  const { t, fmt } = useI18n();
  const pending = usePendingInvitations();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('invitations.pending')}
      </Title>
      <QueryTable
        query={pending}
        empty={<NothingHere title={t('invitations.nonePending')} />}
        testId="invitations-table"
        minWidth={520}
        rowKey={(invitation) => invitation.id}
        columns={[
          { label: t('login.email'), text: 'verbatim', cell: (invitation) => invitation.email },
          { label: t('settings.role'), cell: (invitation) => <RoleBadge role={invitation.role} /> },
          { label: t('invitations.sent'), cell: (invitation) => fmt.date(invitation.createdAt) },
          { label: null, cell: (invitation) => <WithdrawButton invitation={invitation} /> },
        ]}
      />
    </Stack>
  );
}
