import type { AlertRecord } from '@stockwise/db/alerts/alerts.repository';
import type { AlertDto } from './alerts.schema';
import { AlertSchema } from './alerts.schema';

/** An alert as the API shows it. */
export function mapAlertDto(a: AlertRecord): AlertDto {
  return {
    id: a.id,
    kind: AlertSchema.shape.kind.parse(a.kind),
    severity: a.severity,
    sku: a.sku,
    location: a.location,
    title: a.title,
    details: a.details,
    status: a.status,
    snoozedUntil: a.snoozedUntil?.toISOString() ?? null,
    firstSeenAt: a.firstSeenAt.toISOString(),
    lastSeenAt: a.lastSeenAt.toISOString(),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    notifiedAt: a.notifiedAt?.toISOString() ?? null,
  };
}
