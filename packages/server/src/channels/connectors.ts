import { DomainError } from '@stockwise/domain/errors';
import type { ChannelRecord } from '@stockwise/db/channels/channels.repository';
import type { SecretBox } from '../platform/secret-box';
import { amazonConnector } from './amazon/amazon-credentials';
import type { AmazonConnector } from './amazon/amazon.client';
import type { ChannelConnector } from './connector';
import { shopifyConnector } from './shopify/shopify-credentials';

/** A channel's API credentials as sealed at rest (JSON). */
export type StoredCredentials = Record<string, unknown>;

function openCredentials(record: ChannelRecord, box: SecretBox): Record<string, string | undefined> {
  if (!record.credentialsEnc)
    throw new DomainError('VALIDATION_FAILED', `the ${record.channel} channel has no API credentials`, {
      field: 'channel',
    });
  return JSON.parse(box.open(record.credentialsEnc)) as Record<string, string | undefined>;
}

/** The SP-API client of a connected Amazon channel (FBA inventory, reports). */
export function amazonClientFor(record: ChannelRecord, box: SecretBox): AmazonConnector {
  return amazonConnector(openCredentials(record, box));
}

/** The API client for a channel, from its sealed credentials. */
export function connectorFor(record: ChannelRecord, box: SecretBox): ChannelConnector {
  const creds = openCredentials(record, box);
  if (record.channel === 'shopify') return shopifyConnector(creds);
  if (record.channel === 'amazon') return amazonConnector(creds);
  throw new DomainError('VALIDATION_FAILED', `the ${record.channel} channel has no connector`, {
    field: 'channel',
  });
}
