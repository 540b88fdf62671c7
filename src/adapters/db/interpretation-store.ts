import type { Kysely } from 'kysely';
import type { GraphicBlock, InterpretationKind, InterpretationStore } from '../../modules/interpretation/index.ts';
import type { Database } from './schema.ts';

/** Interpretations' records per edition, and the policy documents each links to (migration 0018). */
export function createInterpretationStore(db: Kysely<Database>): InterpretationStore {
  return {
    async save(record) {
      await db.deleteFrom('interpretation_links').where('edition_id', '=', record.editionId).execute();
      await db.deleteFrom('interpretation_editions').where('edition_id', '=', record.editionId).execute();
      await db
        .insertInto('interpretation_editions')
        .values({
          edition_id: record.editionId,
          document_id: record.documentId,
          kind: record.kind,
          blocks: JSON.stringify(record.blocks),
          saved_at: record.savedAt,
        })
        .execute();
      if (record.policyDocumentIds.length === 0) return;
      await db
        .insertInto('interpretation_links')
        .values(
          record.policyDocumentIds.map((id, position) => ({
            edition_id: record.editionId,
            policy_document_id: id,
            position,
          })),
        )
        .execute();
    },
    async forEdition(editionId) {
      const row = await db
        .selectFrom('interpretation_editions')
        .selectAll()
        .where('edition_id', '=', editionId)
        .executeTakeFirst();
      if (!row) return undefined;
      const links = await db
        .selectFrom('interpretation_links')
        .select('policy_document_id')
        .where('edition_id', '=', editionId)
        .orderBy('position')
        .execute();
      return {
        editionId: row.edition_id,
        documentId: row.document_id,
        kind: row.kind as InterpretationKind,
        blocks: JSON.parse(row.blocks) as GraphicBlock[],
        policyDocumentIds: links.map((link) => link.policy_document_id),
        savedAt: row.saved_at,
      };
    },
    async publishedFor(policyDocumentId) {
      const rows = await db
        .selectFrom('interpretation_links as l')
        .innerJoin('editions as e', 'e.id', 'l.edition_id')
        .innerJoin('interpretation_editions as i', 'i.edition_id', 'l.edition_id')
        .select(['e.document_id', 'e.id', 'e.title', 'e.published_on', 'i.kind'])
        .where('l.policy_document_id', '=', policyDocumentId)
        .where('e.state', '=', 'published')
        .orderBy('e.published_on', 'desc')
        .orderBy('e.id')
        .execute();
      return rows.map((row) => ({
        documentId: row.document_id,
        editionId: row.id,
        title: row.title,
        kind: row.kind as InterpretationKind,
        publishedOn: row.published_on ?? '',
      }));
    },
    async publishedList({ orgIds, kind, offset, limit }) {
      if (orgIds !== null && orgIds.length === 0) return { items: [], total: 0 };
      let query = db
        .selectFrom('interpretation_editions as i')
        .innerJoin('editions as e', 'e.id', 'i.edition_id')
        .where('e.state', '=', 'published');
      if (orgIds !== null) query = query.where('e.org_id', 'in', [...orgIds]);
      if (kind) query = query.where('i.kind', '=', kind);
      const count = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      const rows = await query
        .select(['e.document_id', 'e.id', 'e.title', 'e.published_on', 'e.org_id', 'i.kind'])
        .orderBy('e.published_on', 'desc')
        .orderBy('e.id')
        .offset(offset)
        .limit(limit)
        .execute();
      return {
        items: rows.map((row) => ({
          documentId: row.document_id,
          editionId: row.id,
          title: row.title,
          kind: row.kind as InterpretationKind,
          publishedOn: row.published_on ?? '',
          orgId: row.org_id ?? '',
        })),
        total: Number(count?.n ?? 0),
      };
    },
    async coverageFacts(orgIds) {
      if (orgIds.length === 0) return { documents: [], interpreted: [] };
      const documents = await db
        .selectFrom('editions as e')
        .innerJoin('documents as d', 'd.id', 'e.document_id')
        .select(['e.document_id', 'd.org_id', 'e.title', 'e.published_on'])
        .where('e.state', '=', 'published')
        .where('e.is_normative', '=', 1)
        .where('e.validity', '=', '有效')
        .where('d.org_id', 'in', [...orgIds])
        .orderBy('e.published_on')
        .execute();
      const interpreted = await db
        .selectFrom('interpretation_links as l')
        .innerJoin('editions as e', 'e.id', 'l.edition_id')
        .innerJoin('interpretation_editions as i', 'i.edition_id', 'l.edition_id')
        .innerJoin('editions as p', (join) => join.onRef('p.document_id', '=', 'l.policy_document_id'))
        .innerJoin('documents as d', 'd.id', 'l.policy_document_id')
        .select(['l.policy_document_id', 'e.published_on'])
        .where('e.state', '=', 'published')
        .where('i.kind', '=', 'graphic')
        .where('p.state', '=', 'published')
        .where('d.org_id', 'in', [...orgIds])
        .execute();
      return {
        documents: documents.map((row) => ({
          documentId: row.document_id,
          orgId: row.org_id,
          title: row.title,
          publishedOn: row.published_on ?? '',
        })),
        interpreted: interpreted.map((row) => ({
          policyDocumentId: row.policy_document_id,
          publishedOn: row.published_on ?? '',
        })),
      };
    },
  };
}
