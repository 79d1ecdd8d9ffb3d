import type { AlertRecord } from '@stockwise/db/alerts/alerts.repository';
import type { AlertDto } from './alerts.schema';
import { AlertSchema } from './alerts.schema';

/** An alert as the API shows it. */
export function mapAlertDto(a: AlertRecord): AlertDto {
  const kind = AlertSchema.shape.kind.parse(a.kind);
  return {
    id: a.id,
    kind,
    severity: a.severity,
    sku: a.sku,
    location: a.location,
    code: kind,
    params: a.params,
    title: a.title,
    details: a.details,
    urgentOn: a.urgentOn,
    status: a.status,
    snoozedUntil: a.snoozedUntil?.toISOString() ?? null,
    firstSeenAt: a.firstSeenAt.toISOString(),
    lastSeenAt: a.lastSeenAt.toISOString(),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    notifiedAt: a.notifiedAt?.toISOString() ?? null,
  };
}
