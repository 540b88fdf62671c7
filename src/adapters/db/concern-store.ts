import { sql, type Kysely } from 'kysely';
import type { Concern, ConcernStore } from '../../modules/interpretation/index.ts';
import type { ConcernRow, Database } from './schema.ts';

/** Concerns and the records of their responses' editions (migration 0019). */
export function createConcernStore(db: Kysely<Database>): ConcernStore {
  return {
    async insert(concern) {
      await db
        .insertInto('concerns')
        .values({
          id: concern.id,
          org_id: concern.orgId,
          title: concern.title,
          summary: concern.summary,
          source: concern.source,
          reported_at: concern.reportedAt,
          created_at: concern.createdAt,
          created_by: concern.createdBy,
        })
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom('concerns').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toConcern(row) : undefined;
    },
    async list({ orgIds, publishedOnly, limit }) {
      if (orgIds !== null && orgIds.length === 0) return [];
      const published = db
        .selectFrom('concern_responses as r')
        .innerJoin('editions as e', 'e.id', 'r.edition_id')
        .where('e.state', '=', 'published')
        .groupBy('r.concern_id')
        .select((eb) => [
          'r.concern_id',
          eb.fn.min('e.published_at').as('first_at'),
          eb.fn.max('e.published_at').as('last_at'),
          eb.fn.countAll().as('n'),
        ]);
      const joined = publishedOnly
        ? db.selectFrom('concerns as c').innerJoin(published.as('p'), 'p.concern_id', 'c.id')
        : db.selectFrom('concerns as c').leftJoin(published.as('p'), 'p.concern_id', 'c.id');
      let query = joined.selectAll('c').select(['p.first_at', 'p.last_at', 'p.n']);
      if (orgIds !== null) query = query.where('c.org_id', 'in', [...orgIds]);
      const rows = await query
        .orderBy(sql`coalesce(p.last_at, c.reported_at)`, 'desc')
        .orderBy('c.id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        concern: toConcern(row),
        firstResponseAt: row.first_at ?? null,
        lastResponseAt: row.last_at ?? null,
        publishedResponses: Number(row.n ?? 0),
      }));
    },
    async saveResponse(record) {
      await db.deleteFrom('concern_responses').where('edition_id', '=', record.editionId).execute();
      await db
        .insertInto('concern_responses')
        .values({
          edition_id: record.editionId,
          document_id: record.documentId,
          concern_id: record.concernId,
          linked_document_ids: JSON.stringify(record.linkedDocumentIds),
          saved_at: record.savedAt,
        })
        .execute();
    },
    async responseForEdition(editionId) {
      const row = await db
        .selectFrom('concern_responses')
        .selectAll()
        .where('edition_id', '=', editionId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        editionId: row.edition_id,
        documentId: row.document_id,
        concernId: row.concern_id,
        linkedDocumentIds: JSON.parse(row.linked_document_ids) as string[],
        savedAt: row.saved_at,
      };
    },
    async responsesOf(concernId) {
      const rows = await db
        .selectFrom('concern_responses as r')
        .innerJoin('editions as e', 'e.id', 'r.edition_id')
        .selectAll('r')
        .select(['e.state', 'e.title', 'e.body_html', 'e.published_at', 'e.updated_at'])
        .where('r.concern_id', '=', concernId)
        .orderBy(sql`coalesce(e.published_at, e.updated_at)`)
        .orderBy('e.id')
        .execute();
      return rows.map((row) => ({
        editionId: row.edition_id,
        documentId: row.document_id,
        concernId: row.concern_id,
        linkedDocumentIds: JSON.parse(row.linked_document_ids) as string[],
        savedAt: row.saved_at,
        state: row.state,
        title: row.title,
        bodyHtml: row.body_html,
        publishedAt: row.published_at,
        updatedAt: row.updated_at,
      }));
    },
  };
}

function toConcern(row: ConcernRow): Concern {
  return {
    id: row.id,
    orgId: row.org_id,
    title: row.title,
    summary: row.summary,
    source: row.source as Concern['source'],
    reportedAt: row.reported_at,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
