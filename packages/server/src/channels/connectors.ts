import { DomainError } from '@stockwise/domain/errors';
import type { ChannelRecord } from '@stockwise/db/channels/channels.repository';
import type { SecretBox } from '../platform/secret-box';
import { amazonConnector } from './amazon/amazon-credentials';
import type { ChannelConnector } from './connector';
import { shopifyConnector } from './shopify/shopify-credentials';

/** A channel's API credentials as sealed at rest (JSON). */
export type StoredCredentials = Record<string, unknown>;

/** The API client for a channel, from its sealed credentials. */
export function connectorFor(record: ChannelRecord, box: SecretBox): ChannelConnector {
  if (!record.credentialsEnc)
    throw new DomainError('VALIDATION_FAILED', `the ${record.channel} channel has no API credentials`, {
      field: 'channel',
    });
  const creds = JSON.parse(box.open(record.credentialsEnc)) as Record<string, string | undefined>;
  if (record.channel === 'shopify') return shopifyConnector(creds);
  if (record.channel === 'amazon') return amazonConnector(creds);
  throw new DomainError('VALIDATION_FAILED', `the ${record.channel} channel has no connector`, {
    field: 'channel',
  });
}
