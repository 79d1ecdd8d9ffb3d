import { Stack } from '@mantine/core';
import { StatusBadge } from '../components/common/status-badge';
import { NothingHere } from '../components/common/not-available';
import { channelState, useChannels, type ChannelState } from './channels.hooks';
import { useI18n } from '../i18n/i18n-context';
import { ConnectChannelModal } from './connect-channel-modal';
import { ChannelName } from './channel-name';
import { QueryTable } from '../components/common/query-table';
import { useDialogAction } from '../components/common/dialog-action';
import { ExplainBar } from '../components/common/explain-bar';

const STATE_COLORS: Record<ChannelState, string> = {
  live: 'teal',
  webhooks: 'blue',
  api: 'blue',
  manual: 'gray',
  incomplete: 'orange',
};

export function ChannelsTab() {
  const { t, fmt } = useI18n();
  const channels = useChannels();
  const connect = useDialogAction('catalog:write', t('channels.connect'), 'connect-channel');
  return (
    <Stack gap="sm">
      <ExplainBar action={connect.button}>{t('channels.explain')}</ExplainBar>
      <QueryTable
        query={channels}
        empty={<NothingHere title={t('channels.empty')} />}
        testId="channels-table"
        minWidth={680}
        rowKey={(c) => c.channel}
        rowData={(c) => ({ 'data-testid': `channel-${c.channel}` })}
        columns={[
          { label: t('orders.channel'), cell: (c) => <ChannelName t={t} channel={c.channel} /> },
          { label: t('channels.account'), text: 'verbatim', cell: (c) => c.shopDomain ?? c.name },
          { label: t('field.location'), text: 'verbatim', cell: (c) => c.location ?? '—' },
          { label: t('channels.safetyBuffer'), numeric: true, cell: (c) => fmt.int(c.safetyBuffer) },
          {
            label: t('channels.lastSync'),
            cell: (c) => (c.pullCursor ? t('channels.synced') : t('channels.neverSynced')),
          },
          {
            label: t('settings.status'),
            cell: (c) => {
              const state = channelState(c);
              return (
                <StatusBadge color={STATE_COLORS[state]} testId="channel-state">
                  {t(`channels.state.${state}`)}
                </StatusBadge>
              );
            },
          },
        ]}
      />
      {connect.allowed && connect.opened ? <ConnectChannelModal onClose={connect.close} /> : null}
    </Stack>
  );
}
