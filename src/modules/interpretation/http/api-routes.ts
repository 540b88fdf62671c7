import { z } from 'zod';
import type { InterpretationWebDeps } from './deps.ts';
import { apiRoute, type ApiRoute } from '../../../platform/http/api.ts';
import { CONCERN_SOURCES } from '../domain/concern.ts';
import { concernView, publicConcerns } from '../queries/concern-views.ts';
import { documentPath } from '../../documents/index.ts';
import { concernPath } from '../views/concerns.tsx';

const ConcernSummaryView = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string().meta({ description: '公众关注的问题' }),
  source: z.enum(CONCERN_SOURCES),
  org: z.string().meta({ description: '回应单位' }),
  reportedAt: z.string().meta({ description: '首次发现时间' }),
  firstResponseAt: z.string().nullable(),
  delay: z.string().nullable().meta({ description: '从首次发现到首次回应所用时间' }),
  publishedResponses: z.number().int(),
  url: z.string(),
});

const ConcernDetailView = ConcernSummaryView.omit({ firstResponseAt: true, publishedResponses: true }).extend({
  responses: z.array(
    z.object({
      documentId: z.string(),
      title: z.string(),
      publishedAt: z.string().nullable(),
      linked: z
        .array(
          z.object({ documentId: z.string(), title: z.string(), docNumber: z.string().nullable(), url: z.string() }),
        )
        .meta({ description: '回应所关联的政策文件和解读' }),
      url: z.string(),
    }),
  ),
});

const ConcernIdParams = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/, '编号格式不正确') });

/** 回应关切 as the open API reads them: concerns with a published response, and one with its timeline. */
export function concernApiRoutes(ctx: InterpretationWebDeps): ApiRoute[] {
  const origin = ctx.config.publicUrl;
  const docUrl = (id: string) => `${origin}${documentPath(id)}`;
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/concerns',
      summary: '回应关切：已有公开回应的公众关切，最近回应的在前（最多200条）',
      tag: 'public',
      auth: 'public',
      response: z.object({ items: z.array(ConcernSummaryView), total: z.number().int() }),
      handler: async () => {
        const items = (await publicConcerns(ctx.stores)).map((item) => ({
          id: item.concern.id,
          title: item.concern.title,
          summary: item.concern.summary,
          source: item.concern.source,
          org: item.orgName,
          reportedAt: item.concern.reportedAt,
          firstResponseAt: item.firstResponseAt,
          delay: item.delay,
          publishedResponses: item.publishedResponses,
          url: `${origin}${concernPath(item.concern.id, false)}`,
        }));
        return { items, total: items.length };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/concerns/{id}',
      summary: '一项公众关切及其已公开的回应（时间线）',
      tag: 'public',
      auth: 'public',
      params: ConcernIdParams,
      response: ConcernDetailView,
      handler: async ({ params }) => {
        const view = await concernView(ctx.stores, { concernId: params.id, actor: null });
        return {
          id: view.concern.id,
          title: view.concern.title,
          summary: view.concern.summary,
          source: view.concern.source,
          org: view.orgName,
          reportedAt: view.concern.reportedAt,
          delay: view.delay,
          url: `${origin}${concernPath(view.concern.id, false)}`,
          responses: view.responses.map((response) => ({
            documentId: response.documentId,
            title: response.title,
            publishedAt: response.publishedAt,
            linked: response.linked.map((l) => ({ ...l, url: docUrl(l.documentId) })),
            url: docUrl(response.documentId),
          })),
        };
      },
    }),
  ];
}
