/**
 * A transfer draft (a send-to-Amazon shipment in the making; the `transfer` movement of docs/vocabulary.md posts it): stock to move
 * from one location to another, a quantity per SKU, saved from the restock planner's transfer lines.
 * It moves nothing: the movement is posted when the shipment leaves. Two states: draft → sent.
 * Pure: the checks throw a DomainError naming the field; the service applies the answer.
 */
import { DomainError } from '../errors';

export const TRANSFER_DRAFT_STATUSES = ['draft', 'sent'] as const;
export type TransferDraftStatus = (typeof TRANSFER_DRAFT_STATUSES)[number];

/** The most lines one draft holds (a planner selection of one route fits many times over). */
export const MAX_TRANSFER_DRAFT_LINES = 5000;

export interface TransferDraftLine {
  sku: string;
  quantity: number;
}

export interface TransferDraft {
  id: number;
  fromLocation: string;
  toLocation: string;
  lines: TransferDraftLine[];
  status: TransferDraftStatus;
  createdAt: string;
  /** When it was marked sent; null while a draft. */
  sentAt: string | null;
}

/**
 * A new draft's rules: two different locations, at least one line, each SKU once, whole positive
 * quantities.
 * @example checkTransferDraft({ fromLocation: 'WH1', toLocation: 'FBA-US', lines: [{ sku: 'MUG-1', quantity: 40 }] })
 */
export function checkTransferDraft(input: {
  fromLocation: string;
  toLocation: string;
  lines: readonly TransferDraftLine[];
}): void {
  if (input.fromLocation === input.toLocation)
    throw new DomainError('VALIDATION_FAILED', 'a transfer goes to another location', {
      field: 'toLocation',
    });
  if (input.lines.length === 0)
    throw new DomainError('VALIDATION_FAILED', 'a transfer draft needs at least one line', {
      field: 'lines',
    });
  if (input.lines.length > MAX_TRANSFER_DRAFT_LINES)
    throw new DomainError('VALIDATION_FAILED', `at most ${String(MAX_TRANSFER_DRAFT_LINES)} lines`, {
      field: 'lines',
    });
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    if (seen.has(line.sku))
      throw new DomainError('VALIDATION_FAILED', `${line.sku} is listed twice`, {
        field: `lines.${String(i)}.sku`,
      });
    seen.add(line.sku);
    if (!Number.isInteger(line.quantity) || line.quantity < 1)
      throw new DomainError('VALIDATION_FAILED', 'a quantity is a whole number of units, at least 1', {
        field: `lines.${String(i)}.quantity`,
      });
  });
}

/** Only a draft may be deleted or sent; a sent one is a record of what left. */
export function checkDraftOpen(draft: { id: number; status: TransferDraftStatus }): void {
  if (draft.status !== 'draft')
    throw new DomainError('CONFLICT', `transfer draft ${String(draft.id)} was already sent`, {
      field: 'status',
    });
}
