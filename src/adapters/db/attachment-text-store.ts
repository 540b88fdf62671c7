import { sql, type Kysely } from 'kysely';
import type { AttachmentTextRecord, AttachmentTextStore } from '../../modules/documents/index.ts';
import type { Database } from './schema.ts';

type Row = { sha256: string; status: string; text: string; detail: string | null; extracted_at: string };

/** Attachment texts in `attachment_texts`, one row per file content. */
export function createAttachmentTextStore(db: Kysely<Database>): AttachmentTextStore {
  return {
    async textsOf(sha256s) {
      const found = new Map<string, AttachmentTextRecord>();
      if (sha256s.length === 0) return found;
      const rows = await sql<Row>`select sha256, status, text, detail, extracted_at from attachment_texts
        where sha256 in (${sql.join([...new Set(sha256s)])})`.execute(db);
      for (const row of rows.rows) {
        found.set(row.sha256, {
          sha256: row.sha256,
          status: row.status === 'extracted' ? 'extracted' : 'failed',
          text: row.text,
          detail: row.detail,
          extractedAt: row.extracted_at,
        });
      }
      return found;
    },
    async save(record) {
      await sql`insert into attachment_texts (sha256, status, text, detail, extracted_at)
        values (${record.sha256}, ${record.status}, ${record.text}, ${record.detail}, ${record.extractedAt})
        on conflict (sha256) do update set status = excluded.status, text = excluded.text,
          detail = excluded.detail, extracted_at = excluded.extracted_at`.execute(db);
    },
  };
}
