import type { Kysely } from 'kysely';

/**
 * Files kept with disclosure requests — the applicant's attachments, the information released with
 * the reply, the proof of service — by SHA-256 in the file storage; and the service of the reply
 * (送达: means, day, proof) on the request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('foi_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('foi_requests.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('foi_files_request').on('foi_files').columns(['request_id', 'purpose']).execute();
  await db.schema.alterTable('foi_requests').addColumn('service', 'text').execute();
}
