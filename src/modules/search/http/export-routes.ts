import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../../platform/validation.ts';
import { exportSearchResults } from '../queries/export-search-results.ts';
import { searchDeps, type SearchWebDeps } from './deps.ts';
import { sendResultSet } from './result-file.ts';
import { SearchExportQuery } from './schemas.ts';

/**
 * The downloads of a search's result set, `/search/results.csv` and `/search/results.xlsx`, with
 * the search page's parameters. Files, not pages: never kept in the shared page cache. A search
 * that cannot be run is answered with the error page in Chinese (400) before any byte of a file.
 */
export function registerSearchExportRoutes(app: FastifyInstance, deps: SearchWebDeps): void {
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/search/results.${format}`,
      { config: { pageCache: false, rateLimit: { max: 60, timeWindow: '1 minute' } } },
      async (request, reply) => {
        const query = parseInput(SearchExportQuery, request.query);
        const result = await exportSearchResults(searchDeps(deps), query, { publicUrl: deps.config.publicUrl });
        return sendResultSet(reply, { format, q: query.q, clock: deps.clock, openXlsx: deps.openXlsx, result });
      },
    );
  }
}
