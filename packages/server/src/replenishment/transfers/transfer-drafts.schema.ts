import { z } from '@hono/zod-openapi';
import {
  MAX_TRANSFER_DRAFT_LINES,
  TRANSFER_DRAFT_STATUSES,
} from '@stockwise/domain/replenishment/transfer-draft';
import { LocationCodeSchema, SkuSchema, strictBody } from '../../http/common.schema';

const LineSchema = z
  .object({ sku: SkuSchema, quantity: z.number().int().min(1).max(1_000_000) })
  .strict()
  .openapi('TransferDraftLine');

export const TransferDraftCreateSchema = strictBody('TransferDraftCreate', {
  fromLocation: LocationCodeSchema,
  toLocation: LocationCodeSchema,
  lines: z.array(LineSchema).min(1).max(MAX_TRANSFER_DRAFT_LINES),
});

export const TransferDraftSchema = z
  .object({
    id: z.number().int(),
    fromLocation: z.string(),
    toLocation: z.string(),
    lines: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
    status: z.enum(TRANSFER_DRAFT_STATUSES),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('TransferDraft');
export type TransferDraftDto = z.infer<typeof TransferDraftSchema>;

export const TransferDraftListQuerySchema = z
  .object({
    status: z
      .enum(TRANSFER_DRAFT_STATUSES)
      .optional()
      .openapi({ description: 'only drafts in this state (draft: the open ones)' }),
  })
  .strict();
