import type { Kysely } from 'kysely';

/**
 * Photos of an online interview uploaded by staff (not only linked): the stored file's SHA-256 (its
 * key in the file storage), the content type sniffed from its bytes and its size. A linked photo
 * keeps the three empty. The public image route reads them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('interview_media').addColumn('file_sha256', 'text').execute();
  await db.schema.alterTable('interview_media').addColumn('content_type', 'text').execute();
  await db.schema.alterTable('interview_media').addColumn('size_bytes', 'integer').execute();
}
