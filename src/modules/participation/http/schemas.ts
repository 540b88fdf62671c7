import { z } from 'zod';
import { MESSAGE_TEXT } from '../domain/message-strings.ts';
import { CONSULTATION_TEXT } from '../strings.ts';

const { badId: BAD_ID, badVersion: BAD_VERSION, badPage: BAD_PAGE, badParagraph: BAD_PARAGRAPH } = CONSULTATION_TEXT;

const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const versionNumber = z.coerce
  .number({ error: BAD_VERSION })
  .int(BAD_VERSION)
  .min(1, BAD_VERSION)
  .max(10_000, BAD_VERSION);

/** A consultation's id in a path: an id as the product makes them. */
export const ConsultationIdParams = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/, BAD_ID) });

export const PageQuery = z.object({
  page: optional(z.coerce.number({ error: BAD_PAGE }).int(BAD_PAGE).min(1, BAD_PAGE).max(100_000, BAD_PAGE)).transform(
    (page) => page ?? 1,
  ),
});

/**
 * The consultation page: the current version unless another is asked for, a page of its comments,
 * and optionally only the comments on one paragraph of that version (`p=0`: on the whole draft).
 */
export const VersionQuery = z.object({
  v: optional(versionNumber),
  page: PageQuery.shape.page,
  p: optional(
    z.coerce.number({ error: BAD_PARAGRAPH }).int(BAD_PARAGRAPH).min(0, BAD_PARAGRAPH).max(10_000, BAD_PARAGRAPH),
  ),
});

export const CompareQuery = z.object({ from: versionNumber, to: versionNumber });

/** The comment form's paragraph, from its link (`?p=3`) or its hidden field. */
export const ParagraphValue = optional(
  z.coerce.number({ error: BAD_PARAGRAPH }).int(BAD_PARAGRAPH).min(1, BAD_PARAGRAPH).max(10_000, BAD_PARAGRAPH),
).transform((p) => p ?? null);

/** A message's id in a path. */
export const MessageIdParams = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/, MESSAGE_TEXT.badId) });

/** The back office's message list: a page, and optionally the states to show. */
export const MessageListQuery = z.object({
  page: PageQuery.shape.page,
  state: optional(z.enum(['received', 'accepted', 'answered', 'declined'], { error: MESSAGE_TEXT.badState })),
});
