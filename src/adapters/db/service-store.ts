import type { Kysely } from 'kysely';
import type {
  Published,
  ServiceBundle,
  ServiceFilter,
  ServiceGuide,
  ServiceStore,
} from '../../modules/services/index.ts';
import type { Database } from './schema.ts';

/** Service guides' and bundles' records per edition (migration 0020). */
export function createServiceStore(db: Kysely<Database>): ServiceStore {
  const live = <T>(row: {
    document_id: string;
    id: string;
    title: string;
    org_id: string | null;
    published_on: string | null;
    elements: string;
  }): Published<T> => ({
    documentId: row.document_id,
    editionId: row.id,
    title: row.title,
    orgId: row.org_id ?? '',
    publishedOn: row.published_on ?? '',
    record: JSON.parse(row.elements) as T,
  });
  const audienceColumn = (audience: ServiceFilter['audience']) =>
    audience === 'person' ? ('s.for_person' as const) : ('s.for_corp' as const);

  return {
    async saveGuide(record) {
      await db.deleteFrom('service_guide_events').where('edition_id', '=', record.editionId).execute();
      await db.deleteFrom('service_guide_editions').where('edition_id', '=', record.editionId).execute();
      await db
        .insertInto('service_guide_editions')
        .values({
          edition_id: record.editionId,
          document_id: record.documentId,
          item_type: record.guide.itemType,
          for_person: record.guide.audiences.includes('person') ? 1 : 0,
          for_corp: record.guide.audiences.includes('corp') ? 1 : 0,
          elements: JSON.stringify(record.guide),
          saved_at: record.savedAt,
        })
        .execute();
      if (record.guide.events.length === 0) return;
      await db
        .insertInto('service_guide_events')
        .values(record.guide.events.map((event) => ({ edition_id: record.editionId, event })))
        .execute();
    },
    async guideForEdition(editionId) {
      const row = await db
        .selectFrom('service_guide_editions')
        .selectAll()
        .where('edition_id', '=', editionId)
        .executeTakeFirst();
      return row
        ? {
            editionId: row.edition_id,
            documentId: row.document_id,
            guide: JSON.parse(row.elements) as ServiceGuide,
            savedAt: row.saved_at,
          }
        : undefined;
    },
    async saveBundle(record) {
      await db.deleteFrom('service_bundle_editions').where('edition_id', '=', record.editionId).execute();
      await db
        .insertInto('service_bundle_editions')
        .values({
          edition_id: record.editionId,
          document_id: record.documentId,
          event: record.bundle.event,
          for_person: record.bundle.audiences.includes('person') ? 1 : 0,
          for_corp: record.bundle.audiences.includes('corp') ? 1 : 0,
          elements: JSON.stringify(record.bundle),
          saved_at: record.savedAt,
        })
        .execute();
    },
    async bundleForEdition(editionId) {
      const row = await db
        .selectFrom('service_bundle_editions')
        .selectAll()
        .where('edition_id', '=', editionId)
        .executeTakeFirst();
      return row
        ? {
            editionId: row.edition_id,
            documentId: row.document_id,
            bundle: JSON.parse(row.elements) as ServiceBundle,
            savedAt: row.saved_at,
          }
        : undefined;
    },
    async publishedGuide(documentId) {
      const row = await db
        .selectFrom('service_guide_editions as s')
        .innerJoin('editions as e', 'e.id', 's.edition_id')
        .select(['e.document_id', 'e.id', 'e.title', 'e.org_id', 'e.published_on', 's.elements'])
        .where('s.document_id', '=', documentId)
        .where('e.state', '=', 'published')
        .executeTakeFirst();
      return row ? live<ServiceGuide>(row) : undefined;
    },
    async publishedGuides({ orgIds, audience, event, offset, limit }) {
      if (orgIds !== null && orgIds.length === 0) return { items: [], total: 0 };
      let query = db
        .selectFrom('service_guide_editions as s')
        .innerJoin('editions as e', 'e.id', 's.edition_id')
        .where('e.state', '=', 'published');
      if (orgIds !== null) query = query.where('e.org_id', 'in', [...orgIds]);
      if (audience) query = query.where(audienceColumn(audience), '=', 1);
      if (event) {
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('service_guide_events as v')
              .select('v.edition_id')
              .whereRef('v.edition_id', '=', 's.edition_id')
              .where('v.event', '=', event),
          ),
        );
      }
      const count = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      const rows = await query
        .select(['e.document_id', 'e.id', 'e.title', 'e.org_id', 'e.published_on', 's.elements'])
        .orderBy('e.published_on', 'desc')
        .orderBy('e.document_id')
        .offset(offset)
        .limit(limit)
        .execute();
      return { items: rows.map((row) => live<ServiceGuide>(row)), total: Number(count?.n ?? 0) };
    },
    async publishedBundle(documentId) {
      const row = await db
        .selectFrom('service_bundle_editions as s')
        .innerJoin('editions as e', 'e.id', 's.edition_id')
        .select(['e.document_id', 'e.id', 'e.title', 'e.org_id', 'e.published_on', 's.elements'])
        .where('s.document_id', '=', documentId)
        .where('e.state', '=', 'published')
        .executeTakeFirst();
      return row ? live<ServiceBundle>(row) : undefined;
    },
    async publishedBundles({ orgIds, audience, event, offset, limit }) {
      if (orgIds !== null && orgIds.length === 0) return { items: [], total: 0 };
      let query = db
        .selectFrom('service_bundle_editions as s')
        .innerJoin('editions as e', 'e.id', 's.edition_id')
        .where('e.state', '=', 'published');
      if (orgIds !== null) query = query.where('e.org_id', 'in', [...orgIds]);
      if (audience) query = query.where(audienceColumn(audience), '=', 1);
      if (event) query = query.where('s.event', '=', event);
      const count = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      const rows = await query
        .select(['e.document_id', 'e.id', 'e.title', 'e.org_id', 'e.published_on', 's.elements'])
        .orderBy('e.published_on', 'desc')
        .orderBy('e.document_id')
        .offset(offset)
        .limit(limit)
        .execute();
      return { items: rows.map((row) => live<ServiceBundle>(row)), total: Number(count?.n ?? 0) };
    },
  };
}
