import { Badge, Button, Stack, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NothingHere } from '../components/common/not-available';
import { channelState, useChannels, type ChannelState } from './channels.hooks';
import { usePermission } from '../accounts/use-permission';
import { useI18n } from '../i18n/i18n-context';
import { ConnectChannelModal } from './connect-channel-modal';
import { ChannelName } from './channel-name';
import { DataTable } from '../components/common/data-table';
import { QueryStates } from '../components/common/query-states';
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
  const canConnect = usePermission('catalog:write');
  const [opened, modal] = useDisclosure(false);
  return (
    <Stack gap="sm">
      <ExplainBar
        action={
          canConnect ? (
            <Button onClick={modal.open} data-testid="connect-channel">
              {t('channels.connect')}
            </Button>
          ) : null
        }
      >
        {t('channels.explain')}
      </ExplainBar>
      <QueryStates
        query={channels}
        isEmpty={channels.data && channels.data.length === 0}
        empty={<NothingHere title={t('channels.empty')} />}
      />
      {channels.data && channels.data.length > 0 ? (
        <DataTable
          testId="channels-table"
          minWidth={680}
          columns={[
            t('orders.channel'),
            t('channels.account'),
            t('field.location'),
            { label: t('channels.safetyBuffer'), numeric: true },
            t('channels.lastSync'),
            t('settings.status'),
          ]}
        >
          {channels.data.map((c) => {
            const state = channelState(c);
            return (
              <Table.Tr key={c.channel} data-testid={`channel-${c.channel}`}>
                <Table.Td>
                  <ChannelName t={t} channel={c.channel} />
                </Table.Td>
                <Table.Td translate="no">{c.shopDomain ?? c.name}</Table.Td>
                <Table.Td translate="no">{c.location ?? '—'}</Table.Td>
                <Table.Td className="num">{fmt.int(c.safetyBuffer)}</Table.Td>
                <Table.Td>{c.pullCursor ? t('channels.synced') : t('channels.neverSynced')}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={STATE_COLORS[state]}
                    miw="max-content"
                    data-testid="channel-state"
                  >
                    {t(`channels.state.${state}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      ) : null}
      {canConnect && opened ? <ConnectChannelModal onClose={modal.close} /> : null}
    </Stack>
  );
}
