import { z } from 'zod';
import { apiRoute, type ApiRoute } from '../../../platform/http/api.ts';
import { TABLE_MEDIA_TYPES } from '../../../platform/table-file.ts';
import { exportSearchResults, EXPORT_MAX_ROWS } from '../queries/export-search-results.ts';
import { searchPublic } from '../queries/search-public.ts';
import { searchDeps, type SearchWebDeps } from './deps.ts';
import { presentFacets } from './present.ts';
import { sendResultSet } from './result-file.ts';
import { SearchExportApiQuery, SearchFacetsBody, SearchHitBody, SearchQuery } from './schemas.ts';

/** Public search through the API: the same use case as the page. */
export function searchApiRoutes(deps: SearchWebDeps): ApiRoute[] {
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/search',
      summary:
        '全文检索公开的政府信息（标题、文号、索引号、正文和附件文字）和已发布标准目录的事项：两个字以上的检索词找到所有包含它或其同义词的条目；可按单位（含下级）、领域、体裁、有效性、主题分类、类别、发布日期筛选，按相关度或日期排序；facets 为按单位和领域的命中数',
      tag: 'public',
      auth: 'public',
      query: SearchQuery,
      response: z.object({
        items: z.array(SearchHitBody),
        total: z.number(),
        totalExact: z.boolean(),
        facets: SearchFacetsBody,
      }),
      handler: async ({ query }) => {
        const result = await searchPublic(searchDeps(deps), query);
        const facets = presentFacets(result.facets, result.facets ? await deps.stores.orgs.listAll() : []);
        return {
          total: result.total,
          totalExact: result.totalExact,
          facets: facets && {
            units: facets.units.map((unit) => ({ org: unit.code, name: unit.name, count: unit.count })),
            fields: facets.fields.map((field) => ({ field: field.code, name: field.name, count: field.count })),
          },
          items: result.items.map((hit) => ({
            id: hit.documentId,
            kind: hit.kind,
            url: `${deps.config.publicUrl}${hit.href}`,
            titleHtml: hit.titleHtml,
            snippetHtml: hit.snippetHtml,
            matchedAttachment: hit.matchedAttachment,
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
        const result = await exportSearchResults(searchDeps(deps), query, { publicUrl: deps.config.publicUrl });
        sendResultSet(reply, { format: query.format, q: query.q, clock: deps.clock, openXlsx: deps.openXlsx, result });
      },
    }),
  ];
}
