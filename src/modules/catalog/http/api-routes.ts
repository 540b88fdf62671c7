import { z } from 'zod';
import type { CatalogWebDeps } from './deps.ts';
import { apiRoute, type ApiRoute } from '../../../platform/http/api.ts';
import { BASIS_KINDS, CHANNELS, FIVE_OPEN, fieldName, type CatalogEntry } from '../domain/entry.ts';
import { formatTimeLimit } from '../domain/cell-text.ts';
import { getPublicCatalog } from '../queries/catalog-views.ts';
import { catalogPath } from '../views/catalog-links.ts';
import { DISCLOSURE_LEVELS } from '../../../reference/disclosure-levels.ts';

const LegalBasisView = z.object({
  kind: z.enum(BASIS_KINDS),
  title: z.string(),
  docNumber: z.string().nullable(),
  article: z.string().nullable(),
});

const EntryView = z.object({
  key: z.string().meta({ description: '事项标识，各版本不变；文件按它归入目录' }),
  fieldCode: z.string(),
  fieldName: z.string().nullable(),
  itemL1: z.string().meta({ description: '一级事项' }),
  itemL2: z.string().meta({ description: '二级事项' }),
  contentElements: z.array(z.string()).meta({ description: '公开内容（要素）' }),
  legalBasis: z.array(LegalBasisView).meta({ description: '公开依据' }),
  timeLimit: z.string().meta({ description: '公开时限' }),
  publisher: z.string().meta({ description: '公开主体' }),
  channels: z.array(z.string()).meta({ description: `公开渠道和载体（${CHANNELS.length}项之一或其他）` }),
  audience: z.object({ public: z.boolean(), specificGroup: z.boolean() }).meta({ description: '公开对象' }),
  mode: z.object({ proactive: z.boolean(), onRequest: z.boolean() }).meta({ description: '公开方式' }),
  levels: z.array(z.enum(DISCLOSURE_LEVELS)).meta({ description: '公开层级' }),
  fiveOpen: z.array(z.enum(FIVE_OPEN)),
  retention: z.string().nullable().meta({ description: '公开时长' }),
  documentCount: z.number().int().meta({ description: '归入该事项的已公开文件数' }),
});

const CatalogView = z.object({
  org: z.object({ code: z.string(), name: z.string() }),
  version: z.number().int(),
  current: z.boolean().meta({ description: '是否为现行版本（否则为已被替代的历史版本）' }),
  publishedAt: z.string().nullable(),
  entries: z.array(EntryView),
  negative: z
    .array(z.object({ item: z.string(), legalBasis: z.array(LegalBasisView), note: z.string().nullable() }))
    .meta({ description: '不予公开事项清单（条例第十四至十六条）' }),
  url: z.string(),
});

/** The standard catalogs (国办发〔2019〕54号) as the open API reads them: a unit's published version. */
export function catalogApiRoutes(ctx: CatalogWebDeps & { config: { publicUrl: string } }): ApiRoute[] {
  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/catalogs/{orgCode}',
      summary: '一个单位已公开的标准目录（现行版本，或以 version 指定的历史版本），含不予公开事项清单',
      tag: 'public',
      auth: 'public',
      params: z.object({ orgCode: z.string().max(32) }),
      query: z.object({ version: z.coerce.number().int().min(1).max(10_000).optional() }),
      response: CatalogView,
      handler: async ({ params, query }) => {
        const view = await getPublicCatalog({
          stores: ctx.stores,
          orgCode: params.orgCode,
          versionNumber: query.version,
        });
        const entry = (e: CatalogEntry): z.infer<typeof EntryView> => ({
          key: e.key,
          fieldCode: e.fieldCode,
          fieldName: fieldName(e.fieldCode, view.localFields) ?? null,
          itemL1: e.itemL1,
          itemL2: e.itemL2,
          contentElements: e.contentElements,
          legalBasis: e.legalBasis,
          timeLimit: formatTimeLimit(e.timeLimit),
          publisher: e.publisher,
          channels: [...e.channels, ...e.otherChannels],
          audience: e.audience,
          mode: e.mode,
          levels: e.levels,
          fiveOpen: e.fiveOpen,
          retention: e.retention,
          documentCount: view.documentCounts.get(e.key) ?? 0,
        });
        return {
          org: { code: view.org.code, name: view.org.name },
          version: view.version.number,
          current: view.version.state === 'published',
          publishedAt: view.version.publishedAt,
          entries: view.entries.map(entry),
          negative: view.negative.map((n) => ({ item: n.item, legalBasis: n.legalBasis, note: n.note })),
          url: `${ctx.config.publicUrl}${catalogPath(view.org.code, view.version.state === 'published' ? undefined : view.version.number)}`,
        };
      },
    }),
  ];
}
