import { Readable } from 'node:stream';
import type { AmazonReportSpec } from '@stockwise/domain/channels/amazon/reports';
import {
  AMAZON_REPORTS,
  ledgerEventRow,
  reimbursementRow,
  reportRows,
} from '@stockwise/domain/channels/amazon/reports';
import { isDomainError } from '@stockwise/domain/errors';
import type { Sql } from '@stockwise/db/database';
import type { ChannelRecord } from '@stockwise/db/channels/channels.repository';
import { channelsRepository } from '@stockwise/db/channels/channels.repository';
import { amazonReportsRepository } from '@stockwise/db/channels/amazon-reports.repository';
import type { Actor } from '../../accounts/actor';
import { requirePermission } from '../../accounts/actor';
import type { AuthService } from '../../accounts/auth.service';
import type { ImportsService } from '../../imports/imports.service';
import type { JobsService } from '../../jobs/jobs.service';
import type { SecretBox } from '../../platform/secret-box';
import type { Transactor } from '../../platform/transactor';
import { failureText } from '../channel-sync';
import { amazonClientFor } from '../connectors';
import type { AmazonConnector } from './amazon.client';

/** What one report type did in a run. */
export interface ReportOutcome {
  reportType: string;
  reportId: string | null;
  status: string;
  documentId: string | null;
  /** 'imported' the first time a document comes, 'already imported' after; null before it is DONE. */
  document: 'imported' | 'already imported' | null;
  rows: number;
  rejected: number;
  message: string | null;
}

const DAY_MS = 86_400_000;

/**
 * Amazon's reports through the Reports API: createReport once per type while none is pending,
 * getReport until DONE, then getReportDocument (GZIP handled) imported once per document id
 * (docs/formulas.md, "Amazon reports"). Calls to Amazon run outside transactions; a document's rows
 * and its id commit together.
 */
export class AmazonReportsService {
  constructor(
    private readonly tx: Transactor,
    private readonly deps: { box: SecretBox; imports: ImportsService; now?: () => Date },
  ) {}

  async run(actor: Actor, record: ChannelRecord): Promise<ReportOutcome[]> {
    requirePermission(actor, 'inventory:write');
    const client = amazonClientFor(record, this.deps.box);
    const outcomes: ReportOutcome[] = [];
    for (const spec of AMAZON_REPORTS) {
      try {
        outcomes.push(await this.advance(actor, client, spec));
      } catch (error) {
        outcomes.push({
          reportType: spec.reportType,
          reportId: null,
          status: 'FAILED',
          documentId: null,
          document: null,
          rows: 0,
          rejected: 0,
          message: failureText(error),
        });
      }
    }
    return outcomes;
  }

  private async advance(
    actor: Actor,
    client: AmazonConnector,
    spec: AmazonReportSpec,
  ): Promise<ReportOutcome> {
    const sql = this.tx.sql;
    const [pending] = await amazonReportsRepository.open(sql, actor.accountId, spec.reportType);
    let reportId = pending?.reportId;
    if (!reportId) {
      const now = (this.deps.now ?? (() => new Date()))();
      reportId = await client.createReport({
        reportType: spec.reportType,
        dataStartTime:
          spec.lookbackDays === null
            ? null
            : new Date(now.getTime() - spec.lookbackDays * DAY_MS).toISOString(),
      });
      await amazonReportsRepository.record(sql, actor.accountId, {
        reportId,
        reportType: spec.reportType,
        status: 'IN_QUEUE',
        documentId: null,
      });
    }
    const report = await client.getReport(reportId);
    await amazonReportsRepository.record(sql, actor.accountId, {
      reportId,
      reportType: spec.reportType,
      ...report,
    });
    const outcome: ReportOutcome = {
      reportType: spec.reportType,
      reportId,
      status: report.status,
      documentId: report.documentId,
      document: null,
      rows: 0,
      rejected: 0,
      message: null,
    };
    if (report.status !== 'DONE' || !report.documentId) return outcome;
    return { ...outcome, ...(await this.importDocument(actor, client, spec, report.documentId)) };
  }

  /** Imports a report document once: a document id already imported changes nothing. */
  private async importDocument(
    actor: Actor,
    client: AmazonConnector,
    spec: AmazonReportSpec,
    documentId: string,
  ): Promise<Pick<ReportOutcome, 'document' | 'rows' | 'rejected'>> {
    if (await amazonReportsRepository.imported(this.tx.sql, actor.accountId, documentId))
      return { document: 'already imported', rows: 0, rejected: 0 };
    const text = await client.reportDocument(documentId);
    const use = spec.use;
    if (use.kind === 'import') {
      const result = await this.deps.imports.run(actor, {
        kind: use.importKind,
        source: Readable.from([Buffer.from(text, 'utf8')]),
        fileName: `amazon-${spec.reportType}-${documentId}.txt`,
        skipInvalid: true,
      });
      await this.claim(actor, spec, documentId, result.rows);
      return { document: 'imported', rows: result.rows, rejected: result.rejected };
    }
    if (use.kind === 'ledger-events') {
      const events = parseRows(reportRows(text), ledgerEventRow);
      return this.store(actor, { spec, documentId, parsed: events }, (sql) =>
        amazonReportsRepository.replaceLedgerEvents(sql, actor.accountId, documentId, events.rows),
      );
    }
    const reimbursements = parseRows(reportRows(text), reimbursementRow);
    return this.store(actor, { spec, documentId, parsed: reimbursements }, (sql) =>
      amazonReportsRepository.addReimbursements(sql, actor.accountId, documentId, reimbursements.rows),
    );
  }

  /** A document's rows and its id in one transaction: a second import of the id writes nothing. */
  private async store(
    actor: Actor,
    d: { spec: AmazonReportSpec; documentId: string; parsed: { rows: readonly unknown[]; rejected: number } },
    write: (sql: Sql) => Promise<void>,
  ): Promise<Pick<ReportOutcome, 'document' | 'rows' | 'rejected'>> {
    const claimed = await this.tx.run(async (sql) => {
      if (!(await this.claim(actor, d.spec, d.documentId, d.parsed.rows.length))) return false;
      await write(sql);
      return true;
    });
    return {
      document: claimed ? 'imported' : 'already imported',
      rows: claimed ? d.parsed.rows.length : 0,
      rejected: d.parsed.rejected,
    };
  }

  private claim(actor: Actor, spec: AmazonReportSpec, documentId: string, rows: number): Promise<boolean> {
    return amazonReportsRepository.claimDocument(this.tx.sql, actor.accountId, {
      documentId,
      reportType: spec.reportType,
      reportId: null,
      rows,
    });
  }
}

/** Parses every row; rows Amazon's format does not allow are counted, not fatal. */
function parseRows<T>(rows: readonly Record<string, string>[], parse: (row: Record<string, string>) => T) {
  const parsed: T[] = [];
  let rejected = 0;
  for (const row of rows) {
    try {
      parsed.push(parse(row));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      rejected += 1;
    }
  }
  return { rows: parsed, rejected };
}

/** The reports step's line in a sync's report. */
export function describeReports(outcomes: readonly ReportOutcome[]): string {
  return outcomes
    .map(
      (o) =>
        `${o.reportType}: ${o.status}${o.document ? `, document ${o.documentId ?? ''} ${o.document} (${o.rows} rows${o.rejected ? `, ${o.rejected} rejected` : ''})` : ''}${o.message ? ` (${o.message})` : ''}`,
    )
    .join('; ');
}

export const AMAZON_REPORTS_JOB = 'channel.amazon-reports';
const HOUR_MS = 3_600_000;

/** The job that advances an account's Amazon reports, and its hourly schedule over every connected account. */
export function registerAmazonReportJobs(
  jobs: JobsService,
  deps: { reports: AmazonReportsService; auth: AuthService; tx: Transactor },
): void {
  jobs.register(AMAZON_REPORTS_JOB, async ({ actor }) => {
    const record = await channelsRepository.find(deps.tx.sql, actor.accountId, 'amazon');
    return record ? { reports: await deps.reports.run(actor, record) } : { reports: [] };
  });
  jobs.addSchedule(async () => {
    const hour = Math.floor(Date.now() / HOUR_MS);
    for (const accountId of await amazonReportsRepository.amazonAccounts(deps.tx.sql)) {
      const actor = await deps.auth.ownerOf(accountId);
      await jobs.enqueueOnce(actor, AMAZON_REPORTS_JOB, {}, `${AMAZON_REPORTS_JOB}:${accountId}:${hour}`);
    }
  }, HOUR_MS);
}
