import type { Kysely, Selectable } from 'kysely';
import type { FilePurpose, RequestFile } from '../../modules/requests/domain/files.ts';
import type { RequestFileStore } from '../../modules/requests/ports.ts';
import type { Database, FoiFileRow } from './schema.ts';

/** The files kept with disclosure requests (their bytes are in the file storage, by SHA-256). */
export function createRequestFileStore(db: Kysely<Database>): RequestFileStore {
  return {
    async insert(file) {
      await db
        .insertInto('foi_files')
        .values({
          id: file.id,
          request_id: file.requestId,
          purpose: file.purpose,
          file_name: file.fileName,
          media_type: file.mediaType,
          size_bytes: file.sizeBytes,
          sha256: file.sha256,
          created_at: file.createdAt,
          created_by: file.createdBy,
        })
        .execute();
    },
    async filesOf(requestId, purpose) {
      let query = db.selectFrom('foi_files').selectAll().where('request_id', '=', requestId);
      if (purpose) query = query.where('purpose', '=', purpose);
      const rows = await query.orderBy('created_at').orderBy('id').execute();
      return rows.map(fromRow);
    },
    async getById(id) {
      const row = await db.selectFrom('foi_files').selectAll().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },
  };
}

function fromRow(row: Selectable<FoiFileRow>): RequestFile {
  return {
    id: row.id,
    requestId: row.request_id,
    purpose: row.purpose as FilePurpose,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
