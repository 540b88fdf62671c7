import { AUDIENCES, GENRES, MAX_BODY_CHARACTERS, POLICY_TAGS } from '../domain/metadata.ts';
import { z } from 'zod';
import { optionalFieldCode, optionalText } from '../../../platform/validation.ts';
import { EDITION_STATES } from '../domain/workflow.ts';

/** Query string of public document lists. */
export const PublicListQuery = z.object({
  org: optionalText.meta({ description: '发布单位代码（含下级单位）' }),
  field: optionalFieldCode,
  topic: optionalText.meta({ description: '主题分类' }),
  genre: optionalText.meta({ description: '体裁' }),
  q: optionalText.meta({ description: '标题、文号或索引号中包含的文字' }),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublicListQuery = z.infer<typeof PublicListQuery>;

/** Query string of a feed of the 法定主动公开内容 list: which part of it, and which genre. */
export const FeedQuery = PublicListQuery.pick({ org: true, field: true, topic: true }).extend({
  genre: z
    .enum(GENRES, { error: '没有这种体裁的信息。' })
    .optional()
    .meta({ description: '体裁，例如政策解读、回应关切' }),
});
export type FeedQuery = z.infer<typeof FeedQuery>;

/** Query string of the staff document list. */
export const StaffListQuery = PublicListQuery.extend({
  state: z
    .enum(EDITION_STATES)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  mine: z.enum(['1']).optional(),
  flagged: z.enum(['1']).optional(),
});
export type StaffListQuery = z.infer<typeof StaffListQuery>;

export const IdParams = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/, '编号格式不正确') });

/** The metadata and body of an edition as the API and the edit form send them. */
export const EditionContentBody = z.object({
  title: z.string().max(300).meta({ description: '标题' }),
  docNumber: z
    .string()
    .max(60)
    .nullish()
    .meta({ description: '文号，例如 示政办发〔2026〕12号；[2026] (2026) 会被规范为〔2026〕' }),
  issuer: z.string().max(100).default('').meta({ description: '发布机构；留空则为发布单位名称' }),
  writtenOn: z.string().max(10).nullish().meta({ description: '成文日期 YYYY-MM-DD' }),
  publishedOn: z.string().max(10).nullish().meta({ description: '发布日期 YYYY-MM-DD；留空则为实际发布当天' }),
  topic: z.string().max(40).meta({ description: '主题分类' }),
  genre: z.string().max(20).meta({ description: '体裁' }),
  isNormative: z.boolean().default(false).meta({ description: '是否行政规范性文件' }),
  validity: z.string().max(4).default('有效').meta({ description: '有效 / 失效 / 废止' }),
  validityOn: z.string().max(10).nullish().meta({ description: '生效日期，或失效、废止日期' }),
  fieldCode: z.string().max(2).nullish().meta({ description: '试点领域代码 01–26' }),
  keywords: z
    .union([z.string().max(300), z.array(z.string().max(40)).max(20)])
    .optional()
    .meta({ description: '关键词' }),
  audiences: z
    .array(z.string().max(20))
    .max(AUDIENCES.length)
    .optional()
    .meta({ description: `服务对象：${AUDIENCES.join('、')}` }),
  policyTags: z
    .array(z.string().max(20))
    .max(POLICY_TAGS.length)
    .optional()
    .meta({ description: `政策标签：${POLICY_TAGS.join('、')}` }),
  bodyHtml: z
    .string()
    .max(MAX_BODY_CHARACTERS)
    .meta({ description: '正文 HTML（最多50万字符），服务器端会清理不安全的标签' }),
  changeNote: z.string().max(1000).nullish().meta({ description: '更新说明（重大更新必填）' }),
  isMajor: z.boolean().default(true).meta({ description: '是否重大更新' }),
  catalogEntryKey: z.string().max(40).nullish().meta({ description: '所属标准目录事项（目录事项的 key）' }),
  formedOn: z.string().max(10).nullish().meta({ description: '信息形成或变更日期 YYYY-MM-DD（归入目录事项时必填）' }),
});
export type EditionContentBody = z.infer<typeof EditionContentBody>;
