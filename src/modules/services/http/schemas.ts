import { z } from 'zod';
import { AUDIENCES, LIFE_EVENTS } from '../domain/vocabulary.ts';
import { SERVICE_TEXT } from '../strings.ts';

const T = SERVICE_TEXT.directory;

/** An optional query value: left empty (a filter form's "all") reads as absent. */
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The directory's filters, shared by its page and the open API; a bad value is a 400 in Chinese. */
export const directoryFilters = {
  audience: optional(z.enum(AUDIENCES, { error: T.badAudience })).meta({
    description: '服务对象：person（个人办事）或 corp（法人办事）',
  }),
  org: optional(z.string({ error: T.badOrg }).regex(/^[0-9A-Za-z_.-]{1,40}$/, T.badOrg)).meta({
    description: '实施单位代码（含其下级单位）',
  }),
  event: optional(z.enum(LIFE_EVENTS, { error: T.badEvent })).meta({ description: '主题（生命周期事件）' }),
  page: optional(
    z.coerce.number({ error: T.badPage }).int({ error: T.badPage }).min(1, T.badPage).max(100_000, T.badPage),
  ).transform((page) => page ?? 1),
};

/** The directory page's query. */
export const DirectoryQuery = z.object(directoryFilters);

/** A guide's or bundle's id in a path: a document id as the product makes them. */
export const ServiceIdParams = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/, T.badId) });
