import { pilotField } from '../../../reference/pilot-fields.ts';
import type { SearchEntry, SearchIndex } from '../ports.ts';
import { EXPORT_TEXT } from '../strings.ts';
import { resolveSearch, type ResolveSearchDeps, type SearchInput } from './resolve-search.ts';

/** The most rows a download of a result set holds; beyond it the file says what was left out. */
export const EXPORT_MAX_ROWS = 5_000;
/** Rows read from the index at a time, so no more than this many bodies are in memory at once. */
export const EXPORT_BATCH_ROWS = 200;

/** A result set as a table: its header, its rows read batch by batch, and how it ended. */
export type ResultSetExport = {
  /** How many the search found (the first batch's count). */
  total: number;
  maxRows: number;
  header: readonly string[];
  /** Batches of rows, in the order of the search, at most `maxRows` in all. */
  batches: AsyncIterable<string[][]>;
  /** Once `batches` has been read through: whether rows were left out, and the sentence saying so. */
  ending(): { rows: number; truncated: boolean; note: string | undefined };
};

/**
 * The metadata of everything a search finds, for a CSV or XLSX download (条例 Art. 23: disclosed
 * information made easy to find and use): the same search as the page, read in batches of
 * EXPORT_BATCH_ROWS, at most EXPORT_MAX_ROWS rows. The search is checked and its first batch read
 * before this returns, so a bad query fails before a single byte of the file is sent; between later
 * batches the event loop is given back to other requests.
 * @throws DomainError `validation_failed`, as `searchPublic`.
 */
export async function exportSearchResults(
  deps: ResolveSearchDeps & { index: SearchIndex },
  input: SearchInput,
  /** `publicUrl`: the site's address, before each hit's own path. */
  options: { publicUrl: string; maxRows?: number; batchRows?: number },
): Promise<ResultSetExport> {
  const { criteria } = await resolveSearch(deps, input);
  const maxRows = options.maxRows ?? EXPORT_MAX_ROWS;
  const batchRows = options.batchRows ?? EXPORT_BATCH_ROWS;
  // One row past the bound is asked for at the end: it tells a cut-off set from one that just fits.
  const limitAt = (offset: number) => Math.min(batchRows, maxRows + 1 - offset);
  const first = await deps.index.search({ ...criteria, offset: 0, limit: limitAt(0) });
  let written = 0;
  let truncated = false;
  const toRow = (entry: SearchEntry): string[] => [
    entry.title,
    entry.docNumber ?? '',
    entry.indexNumber ?? '',
    entry.orgName,
    entry.publishedOn,
    entry.validity,
    entry.genre,
    entry.fieldCode ? (pilotField(entry.fieldCode)?.name ?? entry.fieldCode) : '',
    `${options.publicUrl}${entry.href}`,
  ];

  async function* batches(): AsyncGenerator<string[][]> {
    let items = first.items;
    for (;;) {
      const asked = limitAt(written);
      const kept = items.slice(0, maxRows - written);
      if (kept.length > 0) yield kept.map(toRow);
      written += kept.length;
      if (items.length > kept.length) {
        truncated = true;
        return;
      }
      if (items.length < asked) return;
      await new Promise((resolve) => setImmediate(resolve));
      items = (await deps.index.search({ ...criteria, offset: written, limit: limitAt(written) })).items;
    }
  }

  return {
    total: first.total,
    maxRows,
    header: EXPORT_TEXT.columns,
    batches: batches(),
    ending: () => ({
      rows: written,
      truncated,
      note: truncated
        ? EXPORT_TEXT.truncated(Math.max(first.total, written + 1), maxRows, first.totalExact)
        : undefined,
    }),
  };
}
