import { z } from 'zod';
import { apiRoute, type ApiRoute } from '../../../platform/http/api.ts';
import { searchPublic } from '../queries/search-public.ts';
import type { SearchWebDeps } from './deps.ts';
import { SearchHitBody, SearchQuery } from './schemas.ts';

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
  ];
}
