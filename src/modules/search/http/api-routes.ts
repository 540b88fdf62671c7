import { z } from 'zod';
import { apiRoute, type ApiRoute } from '../../../platform/http/api.ts';
import { TABLE_MEDIA_TYPES } from '../../../platform/table-file.ts';
import { exportSearchResults, EXPORT_MAX_ROWS } from '../queries/export-search-results.ts';
import { searchPublic } from '../queries/search-public.ts';
import type { SearchWebDeps } from './deps.ts';
import { sendResultSet } from './result-file.ts';
import { SearchExportApiQuery, SearchHitBody, SearchQuery } from './schemas.ts';

/** Public search through the API: the same use case as the page. */
export function searchApiRoutes(deps: SearchWebDeps): ApiRoute[] {
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/search',
      summary:
        '全文检索公开的政府信息（标题、文号、索引号、正文）：两个字以上的检索词找到所有包含它的信息；可按单位（含下级）、领域、体裁、发布日期筛选，按相关度或日期排序',
      tag: 'public',
      auth: 'public',
      query: SearchQuery,
      response: z.object({ items: z.array(SearchHitBody), total: z.number(), totalExact: z.boolean() }),
      handler: async ({ query }) => {
        const result = await searchPublic({ index: deps.stores.searchIndex, orgs: deps.stores.orgs }, query);
        return {
          total: result.total,
          totalExact: result.totalExact,
          items: result.items.map((hit) => ({
            id: hit.documentId,
            url: `${deps.config.publicUrl}/xxgk/doc/${hit.documentId}`,
            titleHtml: hit.titleHtml,
            snippetHtml: hit.snippetHtml,
            docNumber: hit.docNumber,
            indexNumber: hit.indexNumber,
            org: hit.orgName,
            genre: hit.genre,
            field: hit.fieldCode,
            validity: hit.validity,
            publishedOn: hit.publishedOn,
          })),
        };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/search/export',
      summary: `下载检索结果的信息目录（标题、文号、索引号、发布机构、发布日期、有效性、体裁、领域、链接）为 CSV 或 XLSX 文件，参数与 /api/v1/search 相同（不分页）；最多 ${EXPORT_MAX_ROWS} 条，超出时文件末行说明，响应头 X-Result-Total 为检索到的总数`,
      tag: 'public',
      auth: 'public',
      query: SearchExportApiQuery,
      response: z.unknown(),
      produces: [TABLE_MEDIA_TYPES.csv, TABLE_MEDIA_TYPES.xlsx],
      handler: async ({ query, reply }) => {
        const result = await exportSearchResults({ index: deps.stores.searchIndex, orgs: deps.stores.orgs }, query, {
          documentUrl: (id) => `${deps.config.publicUrl}/xxgk/doc/${id}`,
        });
        sendResultSet(reply, { format: query.format, q: query.q, clock: deps.clock, openXlsx: deps.openXlsx, result });
      },
    }),
  ];
}
