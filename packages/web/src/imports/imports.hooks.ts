import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, withQuery, type ProblemBody } from '../api/client';
import type { ImportFormat, ImportRecord, Job } from '../api/types';
export type { ImportRecord } from '../api/types';
import { jobKeys } from '../jobs/jobs.hooks';
import { queryKeysFactory } from '../api/query-key-factory';
import { useItemsQuery } from '../api/queries';

export type ImportKind = ImportFormat['kind'];

export interface ImportReject {
  line: number;
  field: string;
  message: string;
}

/** What an upload answered: staged for a job (202), or unchanged because this file was imported before (201). */
export interface ImportUpload {
  importId: number;
  status: 'queued' | 'unchanged' | 'applied';
  rows: number;
  rejected: number;
  rejects: ImportReject[];
  jobId: number | null;
}

/** A refused file: nothing was imported; `rejects` names each bad line (the first 100). */
export class ImportRefused extends ApiError {
  readonly rejects: ImportReject[];
  readonly invalidRows: number;

  constructor(status: number, problem: ProblemBody & { rejects?: ImportReject[]; invalidRows?: number }) {
    super(status, problem);
    this.rejects = problem.rejects ?? [];
    this.invalidRows = problem.invalidRows ?? this.rejects.length;
  }
}

export const importKeys = queryKeysFactory('imports');

/**
 * Sends the file as the request body (the server streams it) and asks for a background job, so the
 * page can show the job's progress. The JSON client cannot send a file, hence fetch here.
 */
async function upload(input: {
  kind: ImportKind;
  file: File;
  skipInvalid: boolean;
  /** sales-history: the column mapping as JSON. */
  mapping?: string;
  /** amazon-inventory: when the report was taken (an ISO instant; default now). */
  readAt?: string;
}): Promise<ImportUpload> {
  const path = withQuery(`/api/v1/imports/${input.kind}`, {
    async: 'true',
    mapping: input.mapping,
    readAt: input.readAt,
    skipInvalid: input.skipInvalid ? 'true' : undefined,
    fileName: input.file.name.slice(0, 255),
  });
  const tsv = input.kind.startsWith('amazon-');
  const response = await fetch(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': tsv ? 'text/tab-separated-values' : 'text/csv' },
    credentials: 'same-origin',
    body: input.file,
  });
  const text = await response.text();
  const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  if (!response.ok) {
    const problem =
      'code' in body && 'detail' in body
        ? (body as unknown as ProblemBody & { rejects?: ImportReject[] })
        : { code: 'HTTP_ERROR', detail: response.statusText };
    throw new ImportRefused(response.status, problem);
  }
  const result = body as unknown as Omit<ImportUpload, 'status' | 'jobId'> & {
    status?: 'unchanged' | 'applied';
    jobId?: number;
  };
  return {
    ...result,
    status: result.jobId === undefined ? (result.status ?? 'applied') : 'queued',
    jobId: result.jobId ?? null,
  };
}

export function useUploadImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: upload,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: importKeys.all });
      void client.invalidateQueries({ queryKey: jobKeys.all });
    },
  });
}

/** One job, polled every second until it has finished. */
export function useJob(id: number | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: jobKeys.detail(id ?? 0),
    queryFn: async () => {
      const job = await api.get<Job>(`/jobs/${String(id)}`);
      if (job.status === 'succeeded' || job.status === 'failed')
        void client.invalidateQueries({ queryKey: importKeys.all });
      return job;
    },
    enabled: id !== null,
    refetchInterval: (query) =>
      query.state.data && (query.state.data.status === 'succeeded' || query.state.data.status === 'failed')
        ? false
        : 1000,
  });
}

/** The import kinds, in the order to offer them, and the columns each reads (the server's one definition). */
export function useImportFormats() {
  return useItemsQuery<ImportFormat>(importKeys.detail('formats'), '/imports/formats');
}

export function useImports() {
  return useItemsQuery<ImportRecord>(importKeys.list(), '/imports');
}

/**
 * The instant a `datetime-local` field names, in the browser's time zone (the seller's clock when they
 * downloaded the report), as the API takes it; undefined when the field is empty or not a time.
 */
export function readAtInstant(local: string): string | undefined {
  if (local.trim() === '') return undefined;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}
