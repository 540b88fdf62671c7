import type { Writable } from 'node:stream';
import { finished, writeWithBackpressure } from './streams.ts';

/** The file formats a table can be downloaded in. */
export type TableFormat = 'csv' | 'xlsx';

/** A table written row by row to a byte stream; each row waits while the stream is full (backpressure). */
export interface TableWriter {
  row(cells: readonly string[]): Promise<void>;
  /** Writes what is left and ends the stream. */
  end(): Promise<void>;
}

/** How a table is laid out: the worksheet's name and its column widths, in characters. */
export type TableLayout = { sheetName: string; widths: readonly number[] };

/** Opens a table of one format over a byte stream (the XLSX writer is an adapter, exceljs). */
export type OpenTable = (output: Writable, layout: TableLayout) => TableWriter;

/** Media types of the table formats. */
export const TABLE_MEDIA_TYPES: Readonly<Record<TableFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
 * before one) gets a leading apostrophe, so opening a download never runs what someone typed into
 * a title (CSV injection, OWASP).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field (RFC 4180): formula-safe, quoted when it holds a comma, quote, line break or edge space. */
export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record with its CRLF. */
export function csvRecord(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** UTF-8's byte order mark: without it Excel reads a CSV file in the local code page and garbles Chinese. */
const BOM = '\uFEFF';

/**
 * A CSV table (UTF-8 with BOM, CRLF) written straight to the stream, one record at a time.
 */
export function openCsvTable(output: Writable): TableWriter {
  let started = false;
  return {
    async row(cells) {
      const record = csvRecord(cells);
      await writeWithBackpressure(output, started ? record : BOM + record);
      started = true;
    },
    async end() {
      if (!started) await writeWithBackpressure(output, BOM);
      output.end();
      await finished(output);
    },
  };
}
