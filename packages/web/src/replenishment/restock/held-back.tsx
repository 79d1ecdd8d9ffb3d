import { Text } from '@mantine/core';
import type { RestockRecommendation } from '../../api/types';
import type { Formatters } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey, Translate, Vars } from '../../i18n/translate';

export type HeldBack = NonNullable<RestockRecommendation['reasoning']['heldBack']>;
type Reason = HeldBack['reason'];

type DetailKey = Extract<MessageKey, `restock.heldBackDetail.${string}`>;
type Detail = { key: DetailKey; vars: Vars } | null;
type Figures = Record<string, number>;

/**
 * Each reason's detail sentence, filled from the server's `figures` (formatted for the reader) and
 * the row; null when a figure the sentence needs is missing, and then only the reason's label shows.
 * The server decides why a row is held back (docs/formulas.md); this only words it.
 */
const DETAILS: Record<Reason, (f: Figures, rec: RestockRecommendation, fmt: Formatters) => Detail> = {
  capacity: (f, rec, fmt): Detail => {
    if (f['plannedQuantity'] === undefined || f['unconstrainedQuantity'] === undefined) return null;
    const vars = {
      planned: fmt.int(f['plannedQuantity']),
      wanted: fmt.int(f['unconstrainedQuantity']),
      location: rec.location,
    };
    // What does not fit is bought for the warehouse instead, or waits at the warehouse it ships from.
    if (f['movedToHubQuantity'] !== undefined)
      return {
        key: 'restock.heldBackDetail.capacityToHub',
        vars: { ...vars, moved: fmt.int(f['movedToHubQuantity']) },
      };
    if (rec.action === 'transfer' && rec.source)
      return { key: 'restock.heldBackDetail.capacityWaits', vars: { ...vars, from: rec.source } };
    return { key: 'restock.heldBackDetail.capacity', vars };
  },
  // A transfer held back for its warehouse's purchase carries that purchase's figures: the warehouse's.
  clearance: (f, rec, fmt) =>
    f['excessUnits'] === undefined || f['quantity'] === undefined
      ? null
      : {
          key: 'restock.heldBackDetail.clearance',
          vars: {
            excess: fmt.int(f['excessUnits']),
            quantity: fmt.int(f['quantity']),
            location: rec.action === 'transfer' && rec.source ? rec.source : rec.location,
          },
        },
  unprofitable: (f, _rec, fmt) =>
    f['marginPerUnit'] === undefined || f['marginRate'] === undefined
      ? null
      : {
          key: 'restock.heldBackDetail.unprofitable',
          vars: { loss: fmt.num(-f['marginPerUnit'], 2), rate: fmt.pct(f['marginRate']) },
        },
  // A purchase without a supplier says its quantity; a transfer its warehouse cannot fill, what is missing.
  no_supplier: (f, rec, fmt): Detail => {
    const quantity = f['missingQuantity'] ?? f['quantity'];
    return quantity === undefined
      ? null
      : {
          key: 'restock.heldBackDetail.no_supplier',
          vars: { quantity: fmt.int(quantity), location: rec.location },
        };
  },
  covered_by_transfer: (f, rec, fmt): Detail => {
    if (f['followingQuantity'] !== undefined && rec.source)
      return {
        key: 'restock.heldBackDetail.covered_by_transfer',
        vars: { following: fmt.int(f['followingQuantity']), from: rec.source },
      };
    if (f['echelonAvailable'] !== undefined && f['echelonInbound'] !== undefined)
      return {
        key: 'restock.heldBackDetail.echelon',
        vars: {
          available: fmt.int(Math.max(0, f['echelonAvailable'])),
          inbound: fmt.int(f['echelonInbound']),
        },
      };
    if (f['inbound'] !== undefined && f['orderUpTo'] !== undefined)
      return {
        key: 'restock.heldBackDetail.inbound',
        vars: { inbound: fmt.int(f['inbound']), orderUpTo: fmt.int(f['orderUpTo']) },
      };
    return null;
  },
  seller_setting: (f, _rec, fmt) =>
    f['orderUpTo'] === undefined || f['serviceLevel'] === undefined
      ? null
      : {
          key: 'restock.heldBackDetail.seller_setting',
          vars: { orderUpTo: fmt.int(f['orderUpTo']), serviceLevel: fmt.pct(f['serviceLevel']) },
        },
};

/** Placeholders whose values are seller codes (locations, suppliers): shown untranslated. */
const CODE_VARS = new Set(['location', 'from']);
const MARK = '\u0000';

/**
 * "Held back: capacity — 120 of 300 fit at FBA-US", in the reader's language; the detail is split
 * into text and codes so the codes can be marked as data (translate="no").
 */
export function heldBackText(
  heldBack: HeldBack,
  rec: RestockRecommendation,
  t: Translate,
  fmt: Formatters,
): { label: string; detail: { text: string; code: boolean }[] | null } {
  const label = t('restock.heldBack', { reason: t(`restock.heldBack.${heldBack.reason}`) });
  const detail = DETAILS[heldBack.reason](heldBack.figures, rec, fmt);
  if (!detail) return { label, detail: null };
  const marked = Object.fromEntries(
    Object.entries(detail.vars).map(([name, value]) => [
      name,
      CODE_VARS.has(name) ? `${MARK}${value}${MARK}` : value,
    ]),
  );
  const parts = t(detail.key, marked).split(MARK);
  return { label, detail: parts.map((text, i) => ({ text, code: i % 2 === 1 })).filter((p) => p.text) };
}

/** The held-back note on a restock row; location and supplier codes inside it are seller data. */
export function HeldBackNote({ heldBack, rec }: { heldBack: HeldBack; rec: RestockRecommendation }) {
  const { t, fmt } = useI18n();
  const { label, detail } = heldBackText(heldBack, rec, t, fmt);
  return (
    <Text
      size="xs"
      mt={4}
      pl={6}
      style={{ whiteSpace: 'normal', borderLeft: '3px solid var(--mantine-color-orange-6)' }}
      maw={320}
      data-testid={`held-back-${rec.sku}-${rec.location}`}
      data-reason={heldBack.reason}
    >
      <Text span fw={600} inherit>
        {label}
      </Text>
      {detail ? ' — ' : null}
      {detail?.map((part, i) =>
        part.code ? (
          <span key={i} translate="no">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </Text>
  );
}
