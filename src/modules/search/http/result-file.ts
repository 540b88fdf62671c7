import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { attachmentDisposition, safeFileName } from '../../../platform/http/download.ts';
import { openCsvTable, TABLE_MEDIA_TYPES, type OpenTable, type TableFormat } from '../../../platform/table-file.ts';
import type { ResultSetExport } from '../queries/export-search-results.ts';
import { EXPORT_TEXT } from '../strings.ts';

/** Column widths of the XLSX download, in characters, in the order of `EXPORT_TEXT.columns`. */
const WIDTHS = [48, 22, 24, 24, 12, 8, 12, 16, 48];

/**
 * Answers with a result set as a CSV or XLSX file, streamed: the headers go first, then the rows
 * batch by batch as the index hands them over. A failure after the first byte can no longer become
 * an error page, so it ends the connection (the browser shows the download as failed) and is logged.
 */
export function sendResultSet(
  reply: FastifyReply,
  options: { format: TableFormat; q: string; clock: Clock; openXlsx: OpenTable; result: ResultSetExport },
): FastifyReply {
  const { format, result } = options;
  const body = new PassThrough();
  const writer =
    format === 'csv'
      ? openCsvTable(body)
      : options.openXlsx(body, { sheetName: EXPORT_TEXT.sheetName, widths: WIDTHS });
  const date = chinaDate(options.clock.now());
  const fileName = EXPORT_TEXT.fileName(safeFileName(options.q, 20), date, format);
  void (async () => {
    try {
      await writer.row(result.header);
      for await (const batch of result.batches) for (const row of batch) await writer.row(row);
      const ending = result.ending();
      if (ending.note) {
        await writer.row([]);
        await writer.row([ending.note]);
      }
      await writer.end();
    } catch (error) {
      if (!body.destroyed) reply.log.error({ err: error }, 'result set download failed');
      body.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return reply
    .header('content-type', TABLE_MEDIA_TYPES[format])
    .header('content-disposition', attachmentDisposition(fileName, `search-results-${date}.${format}`))
    .header('cache-control', 'no-store')
    .header('x-result-total', String(result.total))
    .send(body);
}
