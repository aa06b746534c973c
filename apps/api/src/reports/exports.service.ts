import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG, type Config } from '@resonance/config';
import type { ThreadExportRow } from '@resonance/contracts';
import type { HttpResponse } from '../common/http';
import { csvHeader, csvLine, toCsv } from './csv';
import { ExportSlots, TooManyExportsException, type ExportSlot } from './export-slots';
import type { ReportParams } from './report-query';
import { ReportsRepository } from './reports.repository';
import { StreamedDownload } from './streamed-download';
import { THREAD_EXPORT_COLUMNS, threadExportBatches } from './thread-export.query';

const CSV_TYPE = 'text/csv; charset=utf-8';
const attachment = (name: string) => `attachment; filename="resonance-${name}.csv"`;

/**
 * Every data export of the reports: each takes an export slot (bounded per workspace and per
 * process, 429 beyond), the thread export streams from a database cursor to the client.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(
    @Inject(ReportsRepository) private readonly reports: ReportsRepository,
    @Inject(ExportSlots) private readonly slots: ExportSlots,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** A report's rows as a CSV attachment (a report has at most a few thousand rows). */
  async reportCsv(workspaceId: string, res: HttpResponse, name: string, rows: () => Promise<unknown[]>): Promise<string> {
    const slot = this.acquire(workspaceId, res);
    try {
      const csv = toCsv(await rows());
      res.setHeader('Content-Type', CSV_TYPE);
      res.setHeader('Content-Disposition', attachment(name));
      return csv;
    } finally {
      slot.release();
    }
  }

  /**
   * One row per thread started in the period, as CSV or as JSON ({ params, rows }), written to the
   * response batch by batch while the cursor reads. Errors before the first byte answer as usual;
   * after it the download is cut off, so the client never takes a truncated file for a whole one.
   */
  async streamThreads(workspaceId: string, p: ReportParams, res: HttpResponse): Promise<void> {
    const slot = this.acquire(workspaceId, res);
    const batches = threadExportBatches(this.reports, workspaceId, p);
    const download = new StreamedDownload(res, this.config.EXPORT_STALL_TIMEOUT_MS);
    try {
      // The first batch before the headers: a failing query still answers with a status code.
      let next = await batches.next();
      download.start(
        p.csv ? { 'Content-Type': CSV_TYPE, 'Content-Disposition': attachment('threads') } : { 'Content-Type': 'application/json; charset=utf-8' },
      );
      const head = p.csv ? csvHeader(THREAD_EXPORT_COLUMNS) : `{"params":${JSON.stringify(p)},"rows":[`;
      if (!(await download.write(head))) return;
      let first = true;
      while (!next.done) {
        const chunk = p.csv ? next.value.map((row) => csvLine(THREAD_EXPORT_COLUMNS, row)).join('') : jsonRows(next.value, first);
        first = false;
        if (!(await download.write(chunk))) return;
        next = await batches.next();
      }
      if (!p.csv && !(await download.write(']}'))) return;
      download.end();
    } catch (error) {
      if (!res.headersSent) throw error;
      this.logger.error(`thread export of workspace ${workspaceId} failed after its first bytes: ${(error as Error).message}`);
      download.abort();
    } finally {
      // Closes the cursor and returns its connection when the export stopped early.
      await batches.return(undefined);
      slot.release();
    }
  }

  private acquire(workspaceId: string, res: HttpResponse): ExportSlot {
    try {
      return this.slots.acquire(workspaceId);
    } catch (error) {
      if (error instanceof TooManyExportsException) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }
}

function jsonRows(rows: ThreadExportRow[], first: boolean): string {
  return (first ? '' : ',') + rows.map((row) => JSON.stringify(row)).join(',');
}
