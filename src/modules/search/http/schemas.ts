import { z } from 'zod';
import { optionalFieldCode, optionalText } from '../../../platform/validation.ts';
import { MAX_PAGE_SIZE } from '../queries/search-public.ts';

/**
 * The query string of the search page and `GET /api/v1/search`. The words are only bounded here;
 * whether they can be searched (too short, only punctuation, too long) the use case answers in Chinese.
 */
export const SearchQuery = z.object({
  q: z
    .string()
    .max(4000, '检索词过长，请控制在100个字以内。')
    .default('')
    .meta({ description: '检索词（至少两个字，最多100个字）' }),
  org: optionalText.meta({ description: '发布单位代码（含下级单位）' }),
  field: optionalFieldCode,
  genre: optionalText.meta({ description: '体裁' }),
  validity: optionalText.meta({ description: '有效性：有效、失效、废止' }),
  topic: optionalText.meta({ description: '主题分类（如：劳动、人事、监察）' }),
  kind: z
    .enum(['document', 'catalog'])
    .optional()
    .or(z.literal('').transform(() => undefined))
    .meta({ description: 'document：政府信息；catalog：标准目录事项；不填为全部' }),
  from: optionalText.meta({ description: '发布日期起（YYYY-MM-DD）' }),
  to: optionalText.meta({ description: '发布日期止（YYYY-MM-DD）' }),
  sort: z.enum(['relevance', 'date']).default('relevance').meta({ description: 'relevance：相关度；date：发布日期' }),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** The query string of a result set's download: the search page's, less its paging. */
export const SearchExportQuery = SearchQuery.omit({ page: true, pageSize: true });

/** `GET /api/v1/search/export`: the search's parameters and the file format. */
export const SearchExportApiQuery = SearchExportQuery.extend({
  format: z.enum(['csv', 'xlsx']).meta({ description: 'csv：UTF-8（带 BOM）的 CSV；xlsx：Excel 工作簿' }),
});

export const SearchHitBody = z.object({
  id: z.string(),
  kind: z.enum(['document', 'catalog']).meta({ description: 'document：政府信息；catalog：标准目录事项' }),
  url: z.string().meta({ description: '信息页面或标准目录事项页面' }),
  titleHtml: z.string().meta({ description: '标题，HTML 已转义，命中处以 <mark> 标出' }),
  snippetHtml: z.string().meta({ description: '正文摘要，HTML 已转义，命中处以 <mark> 标出' }),
  matchedAttachment: z.string().nullable().meta({ description: '检索词只出现在附件中时，摘要所取自的附件名称' }),
  docNumber: z.string().nullable(),
  indexNumber: z.string().nullable(),
  org: z.string().meta({ description: '发布单位' }),
  genre: z.string(),
  field: z.string().nullable(),
  validity: z.string(),
  publishedOn: z.string(),
});

export const SearchFacetsBody = z
  .object({
    units: z.array(
      z.object({
        org: z.string().meta({ description: '发布单位代码（筛选参数 org）' }),
        name: z.string(),
        count: z.number().meta({ description: '该单位自身发布的命中数' }),
      }),
    ),
    fields: z.array(
      z.object({
        field: z.string().nullable().meta({ description: '试点领域代码（筛选参数 field），null 为未归入领域' }),
        name: z.string().nullable(),
        count: z.number(),
      }),
    ),
  })
  .nullable()
  .meta({ description: '按单位和领域的命中数；命中超过 20000 条时为 null' });
