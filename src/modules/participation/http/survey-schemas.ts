import { z } from 'zod';
import { SURVEY_PAGE_TEXT } from '../survey-page-strings.ts';

const { badId: BAD_ID, badPage: BAD_PAGE } = SURVEY_PAGE_TEXT;

const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** A survey's id in a path: an id as the product makes them. */
export const SurveyIdParams = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/, BAD_ID) });

export const SurveyPageQuery = z.object({
  page: optional(z.coerce.number({ error: BAD_PAGE }).int(BAD_PAGE).min(1, BAD_PAGE).max(100_000, BAD_PAGE)).transform(
    (page) => page ?? 1,
  ),
});
