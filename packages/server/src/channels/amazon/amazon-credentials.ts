import { DomainError } from '@stockwise/domain/errors';
import type { ChannelConnect } from '../channels.schema';
import type { StoredCredentials } from '../connectors';
import { AmazonConnector } from './amazon.client';

type AmazonConnect = Extract<ChannelConnect, { type: 'amazon' }>;

/** What is sealed for SP-API: all three secrets or none. */
export function amazonCredentials(input: AmazonConnect): StoredCredentials | null {
  if (input.clientId && input.clientSecret && input.refreshToken)
    return {
      sellerId: input.sellerId,
      marketplaceId: input.marketplaceId,
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      refreshToken: input.refreshToken,
      endpoint: input.endpoint,
      tokenUrl: input.tokenUrl,
    };
  if (input.clientId ?? input.clientSecret ?? input.refreshToken)
    throw new DomainError(
      'VALIDATION_FAILED',
      'SP-API needs clientId, clientSecret and refreshToken together',
      {
        field: 'refreshToken',
      },
    );
  return null;
}

export function amazonConnector(creds: Record<string, string | undefined>): AmazonConnector {
  return new AmazonConnector({
    sellerId: creds['sellerId'],
    marketplaceId: creds['marketplaceId'] ?? 'ATVPDKIKX0DER',
    clientId: creds['clientId'] ?? '',
    clientSecret: creds['clientSecret'] ?? '',
    refreshToken: creds['refreshToken'] ?? '',
    endpoint: creds['endpoint'],
    tokenUrl: creds['tokenUrl'],
  });
}
