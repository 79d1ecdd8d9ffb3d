import { amazonMarketplace } from '@stockwise/domain/channels/amazon/marketplaces';
import type { FbaSummary } from '@stockwise/domain/channels/amazon/fba-inventory';
import { planFbaSync } from '@stockwise/domain/channels/amazon/fba-inventory';
import type { PageStop } from '@stockwise/domain/channels/paging';
import { isDomainError } from '@stockwise/domain/errors';
import type { ChannelRecord } from '@stockwise/db/channels/channels.repository';
import type { FbaLocation } from '@stockwise/db/channels/amazon-inventory.repository';
import { amazonInventoryRepository } from '@stockwise/db/channels/amazon-inventory.repository';
import type { Actor } from '../../accounts/actor';
import { requirePermission } from '../../accounts/actor';
import type { LedgerService } from '../../ledger/ledger.service';
import type { SecretBox } from '../../platform/secret-box';
import type { Transactor } from '../../platform/transactor';
import { failureText } from '../channel-sync';
import { amazonClientFor } from '../connectors';
import { isolated } from './isolated';

/** What one Amazon location's inventory sync did. */
export interface FbaLocationSync {
  location: string;
  marketplaceId: string;
  skus: number;
  movements: number;
  unknownSkus: string[];
  failed: { sku: string; message: string }[];
  stopped: PageStop | null;
}

/**
 * FBA inventory in: Amazon's getInventorySummaries per Amazon location (its marketplace), each SKU's
 * buckets brought to Amazon's figures through ledger movements that name their source
 * (planFbaSync), one SKU per unit of work so one refusal does not block the rest.
 */
export class AmazonInventoryService {
  constructor(
    private readonly tx: Transactor,
    private readonly deps: { ledger: LedgerService; box: SecretBox; now?: () => Date },
  ) {}

  /**
   * Whether this sync reads inventory before orders: while an Amazon location's stock was never read, so
   * the orders Amazon shipped before find their location's figures known (docs/decisions.md 47). Once
   * known, orders come first, so an order shipped since the last read leaves through the ledger before
   * the next read brings the balance to Amazon's figure.
   */
  async readFirst(actor: Actor): Promise<boolean> {
    return amazonInventoryRepository.someLocationUnread(this.tx.sql, actor.accountId);
  }

  async sync(actor: Actor, record: ChannelRecord): Promise<FbaLocationSync[]> {
    requirePermission(actor, 'inventory:write');
    const client = amazonClientFor(record, this.deps.box);
    const locations = await amazonInventoryRepository.fbaLocations(this.tx.sql, actor.accountId);
    const results: FbaLocationSync[] = [];
    for (const location of locations) {
      const marketplaceId =
        amazonMarketplace(location.marketplace)?.marketplaceId ?? client.creds.marketplaceId;
      // The call to Amazon runs before any write, outside a transaction (docs/architecture.md).
      const read = await client.forMarketplace(marketplaceId).inventorySummaries(marketplaceId);
      results.push(await this.follow(actor, location, { marketplaceId, ...read }));
    }
    return results;
  }

  private async follow(
    actor: Actor,
    location: FbaLocation,
    read: { marketplaceId: string; summaries: FbaSummary[]; stopped: PageStop | null },
  ): Promise<FbaLocationSync> {
    const result: FbaLocationSync = {
      location: location.code,
      marketplaceId: read.marketplaceId,
      skus: 0,
      movements: 0,
      unknownSkus: [],
      failed: [],
      stopped: read.stopped,
    };
    const ids = await amazonInventoryRepository.productIds(
      this.tx.sql,
      actor.accountId,
      read.summaries.map((s) => s.sku),
    );
    const syncedAt = (this.deps.now ?? (() => new Date()))();
    for (const summary of read.summaries) {
      const productId = ids.get(summary.sku);
      if (productId === undefined) {
        result.unknownSkus.push(summary.sku);
        continue;
      }
      try {
        result.movements += await isolated(this.tx, async (sql) => {
          const item = { productId, locationId: location.id };
          const ledger = await amazonInventoryRepository.lockedBuckets(sql, actor.accountId, item);
          const previous = await amazonInventoryRepository.previous(sql, actor.accountId, item);
          const moves = planFbaSync({ summary, ledger, previous });
          if (moves.length > 0)
            await this.deps.ledger.post(
              actor,
              moves.map((m) => ({
                sku: summary.sku,
                location: location.code,
                request: m.request,
                occurredAt: syncedAt,
                referenceType: 'amazon-fba-summary',
                referenceId: m.source,
              })),
              { kind: 'channel.amazon-inventory', note: `Amazon FBA inventory (${read.marketplaceId})` },
            );
          await amazonInventoryRepository.save(sql, actor.accountId, { ...item, summary, syncedAt });
          return moves.length;
        });
        result.skus += 1;
      } catch (error) {
        if (!isDomainError(error)) throw error;
        result.failed.push({ sku: summary.sku, message: failureText(error) });
      }
    }
    return result;
  }
}

/** The inventory step's line in a sync's report. */
export function describeFbaSync(results: readonly FbaLocationSync[]): string {
  if (results.length === 0) return 'no active amazon_fba location to follow';
  return results
    .map((r) => {
      const parts = [`${r.location}: ${r.skus} SKUs followed with ${r.movements} movements`];
      if (r.unknownSkus.length > 0)
        parts.push(`${r.unknownSkus.length} unknown SKUs (${r.unknownSkus.slice(0, 5).join(', ')})`);
      if (r.failed.length > 0)
        parts.push(
          `${r.failed.length} refused (${r.failed
            .map((f) => `${f.sku}: ${f.message}`)
            .slice(0, 3)
            .join('; ')})`,
        );
      if (r.stopped) parts.push(`the summaries stopped early (${r.stopped})`);
      return parts.join(', ');
    })
    .join('; ');
}
