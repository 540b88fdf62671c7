import { z } from 'zod';
import { apiRoute, type ApiRoute } from '../../../platform/http/api.ts';
import { documentPath } from '../../documents/index.ts';
import { AUDIENCES, ITEM_TYPES, LIFE_EVENTS, MATERIAL_FORMS } from '../domain/vocabulary.ts';
import { publishedBundleView, publishedGuideView, serviceDirectory } from '../queries/directory.ts';
import { SERVICE_TEXT } from '../strings.ts';
import { bundlePath, guidePath } from '../views/paths.ts';
import type { ServiceWebDeps } from './deps.ts';
import { directoryFilters, ServiceIdParams } from './schemas.ts';

const T = SERVICE_TEXT.directory;

const ListQuery = z.object({
  ...directoryFilters,
  pageSize: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce
      .number({ error: T.badPageSize })
      .int({ error: T.badPageSize })
      .min(1, T.badPageSize)
      .max(100, T.badPageSize)
      .optional(),
  ),
});

const Unit = z.object({ code: z.string(), name: z.string() });

const GuideSummary = z.object({
  id: z.string().meta({ description: '办事指南编号（即其政府信息的编号）' }),
  name: z.string().meta({ description: '事项名称' }),
  itemType: z.enum(ITEM_TYPES).meta({ description: '事项类型' }),
  audiences: z.array(z.enum(AUDIENCES)).meta({ description: '服务对象：person 个人，corp 法人' }),
  events: z.array(z.enum(LIFE_EVENTS)).meta({ description: '所属主题' }),
  org: Unit.meta({ description: '实施单位' }),
  legalDays: z.number().int().meta({ description: '法定办结时限（工作日）' }),
  promisedDays: z.number().int().meta({ description: '承诺办结时限（工作日，0为即办）' }),
  publishedOn: z.string(),
  url: z.string(),
});

const GuideDetail = GuideSummary.extend({
  basis: z.string().meta({ description: '设定依据' }),
  conditions: z.string().meta({ description: '受理条件' }),
  materials: z
    .array(
      z.object({
        name: z.string(),
        form: z.enum(MATERIAL_FORMS),
        copies: z.number().int(),
        required: z.boolean().meta({ description: '是否必要；false 为容缺' }),
        notes: z.string(),
      }),
    )
    .meta({ description: '申请材料' }),
  steps: z.array(z.string()).meta({ description: '办理流程' }),
  fee: z
    .object({ standard: z.string(), basis: z.string() })
    .nullable()
    .meta({ description: '收费标准及依据；null 为不收费' }),
  place: z.string(),
  hours: z.string(),
  phone: z.string().meta({ description: '咨询电话' }),
  complaint: z.string().meta({ description: '监督投诉方式' }),
  faqs: z.array(z.object({ question: z.string(), answer: z.string() })).meta({ description: '常见问题' }),
  documentUrl: z.string().meta({ description: '政府信息公开栏目中的同一信息' }),
});

const BundleSummary = z.object({
  id: z.string(),
  name: z.string(),
  event: z.enum(LIFE_EVENTS),
  audiences: z.array(z.enum(AUDIENCES)),
  org: Unit,
  promisedDays: z.number().int().meta({ description: '整件事的承诺办结时限（工作日）' }),
  publishedOn: z.string(),
  url: z.string(),
});

const BundleDetail = BundleSummary.extend({
  summary: z.string(),
  services: z.array(z.object({ id: z.string(), name: z.string(), url: z.string() })).meta({
    description: '包含的办事指南，按办理顺序（仅列现已公开的）',
  }),
  materials: z
    .array(
      z.object({
        name: z.string(),
        forms: z.array(z.enum(MATERIAL_FORMS)),
        copies: z.number().int(),
        required: z.boolean(),
        neededBy: z.array(z.string()).meta({ description: '需要该材料的办事指南编号' }),
      }),
    )
    .meta({ description: '合并后的申请材料清单：多个事项都需要的材料只列一次' }),
  steps: z.array(z.string()),
});

const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** 办事服务 as the open API reads it: published guides and 一件事 bundles, filtered like the directory. */
export function serviceApiRoutes(ctx: ServiceWebDeps): ApiRoute[] {
  const origin = ctx.config.publicUrl;
  const unitOf = async (orgId: string) => {
    const org = await ctx.stores.orgs.getById(orgId);
    return { code: org?.code ?? '', name: org?.name ?? '' };
  };
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/services',
      summary: '已公开的办事指南，可按服务对象、实施单位（含下级）和主题筛选，最新发布的在前',
      tag: 'public',
      auth: 'public',
      query: ListQuery,
      response: Page(GuideSummary),
      handler: async ({ query }) => {
        const pageSize = query.pageSize ?? 20;
        const view = await serviceDirectory(
          ctx.stores,
          query,
          { offset: (query.page - 1) * pageSize, limit: pageSize },
          { offset: 0, limit: 0 },
        );
        const units = new Map(view.orgs.map((org) => [org.id, { code: org.code, name: org.name }]));
        return {
          items: view.guides.map((item) => ({
            id: item.documentId,
            name: item.title,
            itemType: item.record.itemType,
            audiences: item.record.audiences,
            events: item.record.events,
            org: units.get(item.orgId) ?? { code: '', name: '' },
            legalDays: item.record.legalDays,
            promisedDays: item.record.promisedDays,
            publishedOn: item.publishedOn,
            url: `${origin}${guidePath(item.documentId)}`,
          })),
          total: view.total,
          page: query.page,
          pageSize,
        };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/services/{id}',
      summary: '一个已公开的办事指南及其全部要素',
      tag: 'public',
      auth: 'public',
      params: ServiceIdParams,
      response: GuideDetail,
      handler: async ({ params }) => {
        const view = await publishedGuideView(ctx.stores, params.id);
        const { record: guide } = view;
        return {
          id: view.documentId,
          name: view.title,
          itemType: guide.itemType,
          audiences: guide.audiences,
          events: guide.events,
          org: { code: view.orgCode, name: view.orgName },
          legalDays: guide.legalDays,
          promisedDays: guide.promisedDays,
          publishedOn: view.publishedOn,
          url: `${origin}${guidePath(view.documentId)}`,
          basis: guide.basis,
          conditions: guide.conditions,
          materials: guide.materials,
          steps: guide.steps,
          fee: guide.fee,
          place: guide.place,
          hours: guide.hours,
          phone: guide.phone,
          complaint: guide.complaint,
          faqs: guide.faqs,
          documentUrl: `${origin}${documentPath(view.documentId)}`,
        };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/bundles',
      summary: '已公开的“一件事”套餐服务，可按服务对象、单位和主题筛选',
      tag: 'public',
      auth: 'public',
      query: ListQuery,
      response: Page(BundleSummary),
      handler: async ({ query }) => {
        const pageSize = query.pageSize ?? 20;
        const view = await serviceDirectory(
          ctx.stores,
          query,
          { offset: 0, limit: 0 },
          { offset: (query.page - 1) * pageSize, limit: pageSize },
        );
        const units = new Map(view.orgs.map((org) => [org.id, { code: org.code, name: org.name }]));
        return {
          items: view.bundles.map((item) => ({
            id: item.documentId,
            name: item.title,
            event: item.record.event,
            audiences: item.record.audiences,
            org: units.get(item.orgId) ?? { code: '', name: '' },
            promisedDays: item.record.promisedDays,
            publishedOn: item.publishedOn,
            url: `${origin}${bundlePath(item.documentId)}`,
          })),
          total: view.bundleTotal,
          page: query.page,
          pageSize,
        };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/bundles/{id}',
      summary: '一个已公开的“一件事”：包含的事项、合并后的材料清单、办理流程和承诺时限',
      tag: 'public',
      auth: 'public',
      params: ServiceIdParams,
      response: BundleDetail,
      handler: async ({ params }) => {
        const view = await publishedBundleView(ctx.stores, params.id);
        return {
          id: view.documentId,
          name: view.title,
          event: view.record.event,
          audiences: view.record.audiences,
          org: await unitOf(view.orgId),
          promisedDays: view.record.promisedDays,
          publishedOn: view.publishedOn,
          url: `${origin}${bundlePath(view.documentId)}`,
          summary: view.record.summary,
          services: view.services.map((s) => ({
            id: s.documentId,
            name: s.title,
            url: `${origin}${guidePath(s.documentId)}`,
          })),
          materials: view.materials.map((m) => ({
            name: m.name,
            forms: m.forms,
            copies: m.copies,
            required: m.required,
            neededBy: m.neededBy.map((s) => s.documentId),
          })),
          steps: view.record.steps,
        };
      },
    }),
  ];
}
