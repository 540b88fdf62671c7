import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Audience, Genre, PolicyTag, Topic, Validity } from '../../modules/documents/domain/metadata.ts';
import type { Edition, EditionState, GovDocument } from '../../modules/documents/domain/workflow.ts';
import type { Attachment, DocumentStore, EditionFilter, EditionListItem } from '../../modules/documents/ports.ts';
import { DomainError } from '../../platform/errors.ts';
import { pathInSubtrees } from './access.ts';
import { escapeLike, toCount, type DialectQuirks } from './dialect.ts';
import type { AttachmentRow, Database, DocumentRow, EditionRow } from './schema.ts';

/** What narrows a list of editions, already resolved against the reader's scope. */
type EditionConditions = { states: EditionState[] | undefined; filter: EditionFilter; pathSets: string[][] };

/**
 * The where-clause over `editions` for a list and its count. One state is one index range ordered
 * by date; units become `org_id in (units under these paths)`, answered from the path index.
 */
function editionConditions(
  eb: ExpressionBuilder<Database, 'editions'>,
  { states, filter, pathSets }: EditionConditions,
): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (states)
    all.push(states.length === 1 ? eb('editions.state', '=', states[0]!) : eb('editions.state', 'in', states));
  for (const paths of pathSets) {
    all.push(
      eb(
        'editions.org_id',
        'in',
        eb
          .selectFrom('orgs')
          .select('orgs.id')
          .where((inner) => pathInSubtrees(inner, 'orgs.path', paths)),
      ),
    );
  }
  if (filter.orgId) all.push(eb('editions.org_id', '=', filter.orgId));
  if (filter.fieldCode) all.push(eb('editions.field_code', '=', filter.fieldCode));
  if (filter.topic) all.push(eb('editions.topic', '=', filter.topic));
  if (filter.genre) all.push(eb('editions.genre', '=', filter.genre));
  if (filter.createdBy) all.push(eb('editions.created_by', '=', filter.createdBy));
  if (filter.publishedFrom) all.push(eb('editions.published_on', '>=', filter.publishedFrom));
  if (filter.publishedTo) all.push(eb('editions.published_on', '<=', filter.publishedTo));
  if (filter.catalogEntryKeys) {
    all.push(
      filter.catalogEntryKeys.length === 0
        ? eb.lit(false)
        : eb('editions.catalog_entry_key', 'in', [...filter.catalogEntryKeys]),
    );
  }
  if (filter.awaitingRetrospectiveApproval) {
    all.push(eb('editions.force_published', '=', 1), eb('editions.retro_approved_by', 'is', null));
  }
  return eb.and(all);
}

/** Filters the kept counts per unit and state answer (migration 0016); any other makes a list count its rows. */
const TALLIED_FILTERS = new Set<keyof EditionFilter>(['states', 'orgId', 'orgSubtreeOf']);

function tallied(filter: EditionFilter): boolean {
  return Object.entries(filter).every(
    ([key, value]) => value === undefined || TALLIED_FILTERS.has(key as keyof EditionFilter),
  );
}

/** The states the public may see: the live edition, and a withdrawn one with its notice. */
const PUBLIC_STATES: EditionState[] = ['published', 'withdrawn'];
/** States in which an edition always has its 发布日期. */
const DATED_STATES: EditionState[] = ['published', 'withdrawn', 'superseded'];

export function createDocumentStore(db: Kysely<Database>, quirks: DialectQuirks): DocumentStore {
  /** COUNT over editions alone (and the small orgs table), for lists whose text search does not need 索引号. */
  const countEditions = (conditions: EditionConditions) =>
    db
      .selectFrom('editions')
      .where((eb) => editionConditions(eb, conditions))
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
  /** The same count from the kept counts per unit and state: a few rows instead of up to a million. */
  const countTallied = ({ states, filter, pathSets }: EditionConditions) => {
    let query = db.selectFrom('edition_counts').select((eb) => eb.fn.sum<number | string | null>('n').as('n'));
    if (states) query = query.where('state', 'in', states);
    if (filter.orgId) query = query.where('org_id', '=', filter.orgId);
    for (const paths of pathSets) {
      query = query.where('org_id', 'in', (eb) =>
        eb
          .selectFrom('orgs')
          .select('orgs.id')
          .where((inner) => pathInSubtrees(inner, 'orgs.path', paths)),
      );
    }
    return query.executeTakeFirst();
  };
  /** Editions joined to their documents, as lists read them. */
  const listRows = () =>
    db
      .selectFrom('editions')
      .innerJoin('documents', 'documents.id', 'editions.document_id')
      .selectAll('editions')
      .select([
        'documents.org_id as d_org_id',
        'documents.index_number as d_index_number',
        'documents.created_at as d_created_at',
        'documents.created_by as d_created_by',
        'documents.first_published_at as d_first_published_at',
      ]);
  /** List rows as list items, each with its unit (read in one query). */
  const listItemsOf = async (
    rows: Awaited<ReturnType<ReturnType<typeof listRows>['execute']>>,
  ): Promise<EditionListItem[]> => {
    const orgIds = [...new Set(rows.map((row) => row.d_org_id))];
    const orgs =
      orgIds.length === 0
        ? []
        : await db.selectFrom('orgs').select(['id', 'name', 'code', 'path']).where('id', 'in', orgIds).execute();
    const orgById = new Map(orgs.map((org) => [org.id, org]));
    return rows.map((row) => ({
      edition: toEdition(row),
      document: {
        id: row.document_id,
        orgId: row.d_org_id,
        indexNumber: row.d_index_number,
        createdAt: row.d_created_at,
        createdBy: row.d_created_by,
        firstPublishedAt: row.d_first_published_at,
      },
      org: orgById.get(row.d_org_id)!,
    }));
  };
  return {
    async liveEditionsAfter(afterDocumentId, limit) {
      // Walks the editions_document index in document order: each call is as fast at the millionth
      // document as at the first, unlike an offset.
      const rows = await listRows()
        .where('editions.state', '=', 'published')
        .where('editions.document_id', '>', afterDocumentId)
        .orderBy('editions.document_id')
        .limit(limit)
        .execute();
      return listItemsOf(rows);
    },

    async getDocument(id) {
      const row = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toDocument(row);
    },
    async insertDocument(document) {
      await db.insertInto('documents').values(fromDocument(document)).execute();
    },
    async updateDocument(document) {
      await db.updateTable('documents').set(fromDocument(document)).where('id', '=', document.id).execute();
    },
    async deleteDocument(id) {
      await db.deleteFrom('documents').where('id', '=', id).execute();
    },

    async getEdition(id) {
      const row = await db.selectFrom('editions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toEdition(row);
    },
    async editionsOf(documentId) {
      const rows = await db
        .selectFrom('editions')
        .selectAll()
        .where('document_id', '=', documentId)
        .orderBy('number')
        .execute();
      return rows.map(toEdition);
    },
    async insertEdition(edition) {
      const document = await db
        .selectFrom('documents')
        .select('org_id')
        .where('id', '=', edition.documentId)
        .executeTakeFirst();
      await db
        .insertInto('editions')
        .values({ ...fromEdition(edition), org_id: document?.org_id ?? null })
        .execute();
    },
    async updateEdition(edition, expectedState) {
      const result = await db
        .updateTable('editions')
        .set(fromEdition(edition))
        .where('id', '=', edition.id)
        .where('state', '=', expectedState)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new DomainError('conflict');
    },
    async deleteEdition(id) {
      await db.deleteFrom('editions').where('id', '=', id).execute();
    },

    async findEditions(scope, filter, page) {
      // Unit filters become `org_id in (units under these paths)`, answered from the path index.
      const pathSets: string[][] = [];
      if (scope.kind === 'subtrees') pathSets.push(scope.paths);
      if (filter.orgSubtreeOf) {
        const root = await db
          .selectFrom('orgs')
          .select('path')
          .where('id', '=', filter.orgSubtreeOf)
          .executeTakeFirst();
        pathSets.push(root ? [root.path] : []);
      }
      if (pathSets.some((paths) => paths.length === 0)) return { items: [], total: 0 };

      let states: EditionState[] | undefined = filter.states ? [...filter.states] : undefined;
      if (scope.kind === 'public') states = (states ?? PUBLIC_STATES).filter((s) => PUBLIC_STATES.includes(s));
      if (filter.awaitingRetrospectiveApproval)
        states = (states ?? PUBLIC_STATES).filter((s) => PUBLIC_STATES.includes(s));
      if (states && states.length === 0) return { items: [], total: 0 };

      const conditions: EditionConditions = { states, filter, pathSets };
      const datesAlwaysSet = states !== undefined && states.every((state) => DATED_STATES.includes(state));
      let query = db
        .selectFrom('editions')
        .innerJoin('documents', 'documents.id', 'editions.document_id')
        .where((eb) => editionConditions(eb, conditions));
      if (filter.query) {
        const pattern = `%${escapeLike(filter.query)}%`;
        query = query.where((eb) =>
          eb.or([
            sql<boolean>`${sql.ref('editions.title')} ${sql.raw(quirks.likeOperator)} ${pattern} escape '\\'`,
            sql<boolean>`${sql.ref('editions.doc_number')} ${sql.raw(quirks.likeOperator)} ${pattern} escape '\\'`,
            sql<boolean>`${sql.ref('documents.index_number')} ${sql.raw(quirks.likeOperator)} ${pattern} escape '\\'`,
          ]),
        );
      }
      // The count needs the documents only when the 索引号 is searched; narrowed by unit and state only,
      // it reads the kept counts; otherwise it reads editions alone.
      const total = filter.query
        ? await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()
        : tallied(filter)
          ? await countTallied(conditions)
          : await countEditions(conditions);
      // The page's ids first, walked on the index in list order (migration 0016 makes it cover the unit,
      // field and topic filters, so no edition row is read to skip one); then the page's rows alone.
      const ordered = filter.query ? query : db.selectFrom('editions').where((eb) => editionConditions(eb, conditions));
      const ids = (
        await ordered
          .select('editions.id')
          // Published editions always have a date, so a plain DESC walks the (state, date) index in
          // order on both databases; only lists that include unpublished drafts need NULLS LAST (and a sort).
          .orderBy('editions.published_on', (ob) => (datesAlwaysSet ? ob.desc() : ob.desc().nullsLast()))
          .orderBy('editions.updated_at', 'desc')
          .orderBy('editions.id')
          .offset(page.offset)
          .limit(page.limit)
          .execute()
      ).map((row) => row.id);
      const unordered = ids.length === 0 ? [] : await listRows().where('editions.id', 'in', ids).execute();
      const byId = new Map(unordered.map((row) => [row.id, row]));
      const items = await listItemsOf(ids.map((id) => byId.get(id)!));
      return { items, total: toCount(total?.n) };
    },

    async dueScheduled(now, limit) {
      const rows = await db
        .selectFrom('editions')
        .selectAll()
        .where('state', '=', 'scheduled')
        .where('scheduled_at', '<=', now.toISOString())
        .orderBy('scheduled_at')
        .limit(limit)
        .execute();
      return rows.map(toEdition);
    },

    async nextIndexSerial(orgId, year) {
      // One statement on both dialects: insert the counter or bump it, and read the new value.
      const row = await db
        .insertInto('index_counters')
        .values({ org_id: orgId, year, last_value: 1 })
        .onConflict((oc) =>
          oc.columns(['org_id', 'year']).doUpdateSet({ last_value: sql`index_counters.last_value + 1` }),
        )
        .returning('last_value')
        .executeTakeFirstOrThrow();
      return Number(row.last_value);
    },

    async countByState(scope) {
      let query = db.selectFrom('editions');
      if (scope.kind === 'public') query = query.where('editions.state', 'in', PUBLIC_STATES);
      if (scope.kind === 'subtrees') {
        if (scope.paths.length === 0) return {};
        query = query.where('editions.org_id', 'in', (eb) =>
          eb
            .selectFrom('orgs')
            .select('orgs.id')
            .where((inner) => pathInSubtrees(inner, 'orgs.path', scope.paths)),
        );
      }
      const rows = await query
        .select(['editions.state', (eb) => eb.fn.countAll().as('n')])
        .groupBy('editions.state')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.state, toCount(r.n as number | string)]));
    },

    async countPublishedByCatalogEntry(keys) {
      if (keys.length === 0) return new Map();
      const rows = await db
        .selectFrom('editions')
        .select(['catalog_entry_key', (eb) => eb.fn.countAll().as('n')])
        .where('state', '=', 'published')
        .where('catalog_entry_key', 'in', [...keys])
        .groupBy('catalog_entry_key')
        .execute();
      return new Map(rows.map((r) => [r.catalog_entry_key!, toCount(r.n as number | string)]));
    },

    async regulatoryFacts(orgId) {
      const root = await db.selectFrom('orgs').select('path').where('id', '=', orgId).executeTakeFirst();
      if (!root) return [];
      const rows = await db
        .selectFrom('editions')
        .select(['genre', 'is_normative', 'written_on', 'published_on', 'validity', 'validity_on'])
        .where('state', '=', 'published')
        .where((eb) => eb.or([eb('genre', '=', '规章'), eb('is_normative', '=', 1)]))
        .where((eb) =>
          eb(
            'org_id',
            'in',
            eb
              .selectFrom('orgs')
              .select('orgs.id')
              .where((inner) => pathInSubtrees(inner, 'orgs.path', [root.path])),
          ),
        )
        .execute();
      return rows.map((r) => ({
        genre: r.genre,
        isNormative: r.is_normative === 1,
        writtenOn: r.written_on,
        publishedOn: r.published_on,
        validity: r.validity as Validity,
        validityOn: r.validity_on,
      }));
    },

    async attachmentsOf(editionId) {
      const rows = await db
        .selectFrom('attachments')
        .selectAll()
        .where('edition_id', '=', editionId)
        .orderBy('sort_order')
        .orderBy('created_at')
        .execute();
      return rows.map(toAttachment);
    },
    async getAttachment(id) {
      const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toAttachment(row);
    },
    async insertAttachment(attachment) {
      await db
        .insertInto('attachments')
        .values({
          id: attachment.id,
          edition_id: attachment.editionId,
          file_name: attachment.fileName,
          media_type: attachment.mediaType,
          size_bytes: attachment.sizeBytes,
          sha256: attachment.sha256,
          sort_order: attachment.sortOrder,
          created_at: attachment.createdAt,
          created_by: attachment.createdBy,
        })
        .execute();
    },
    async deleteAttachment(id) {
      await db.deleteFrom('attachments').where('id', '=', id).execute();
    },
  };
}

function toDocument(row: DocumentRow): GovDocument {
  return {
    id: row.id,
    orgId: row.org_id,
    indexNumber: row.index_number,
    createdAt: row.created_at,
    createdBy: row.created_by,
    firstPublishedAt: row.first_published_at,
  };
}

/** The row the store writes for a document (also used by the bulk loads of the benchmarks). */
export function fromDocument(document: GovDocument): DocumentRow {
  return {
    id: document.id,
    org_id: document.orgId,
    index_number: document.indexNumber,
    created_at: document.createdAt,
    created_by: document.createdBy,
    first_published_at: document.firstPublishedAt,
  };
}

function toEdition(row: EditionRow): Edition {
  return {
    id: row.id,
    documentId: row.document_id,
    number: row.number,
    state: row.state as EditionState,
    content: {
      title: row.title,
      docNumber: row.doc_number,
      issuer: row.issuer,
      writtenOn: row.written_on,
      publishedOn: row.published_on,
      topic: row.topic as Topic,
      genre: row.genre as Genre,
      isNormative: row.is_normative === 1,
      validity: row.validity as Validity,
      validityOn: row.validity_on,
      fieldCode: row.field_code,
      keywords: row.keywords === '' ? [] : row.keywords.split(','),
      audiences: row.audiences === '' ? [] : (row.audiences.split(',') as Audience[]),
      policyTags: row.policy_tags === '' ? [] : (row.policy_tags.split(',') as PolicyTag[]),
      bodyHtml: row.body_html,
      changeNote: row.change_note,
      isMajor: row.is_major === 1,
      catalogEntryKey: row.catalog_entry_key,
      formedOn: row.formed_on,
    },
    versionMajor: row.version_major,
    versionMinor: row.version_minor,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    publishedAt: row.published_at,
    scheduledAt: row.scheduled_at,
    forcePublished: row.force_published === 1,
    forcePublishReason: row.force_publish_reason,
    retroApprovedBy: row.retro_approved_by,
    retroApprovedAt: row.retro_approved_at,
    rejectionReason: row.rejection_reason,
    withdrawnAt: row.withdrawn_at,
    withdrawalReason: row.withdrawal_reason,
    supersededAt: row.superseded_at,
    sensitiveOverrideReason: row.sensitive_override_reason,
    sensitiveOverrideBy: row.sensitive_override_by,
  };
}

/** The row the store writes for an edition, without its unit (also used by the bulk loads of the benchmarks). */
export function fromEdition(edition: Edition): Omit<EditionRow, 'org_id'> {
  const c = edition.content;
  return {
    id: edition.id,
    document_id: edition.documentId,
    number: edition.number,
    state: edition.state,
    title: c.title,
    doc_number: c.docNumber,
    issuer: c.issuer,
    written_on: c.writtenOn,
    published_on: c.publishedOn,
    topic: c.topic,
    genre: c.genre,
    is_normative: c.isNormative ? 1 : 0,
    validity: c.validity,
    validity_on: c.validityOn,
    field_code: c.fieldCode,
    // Keywords never contain commas: parseKeywords splits on them.
    keywords: c.keywords.join(','),
    audiences: c.audiences.join(','),
    policy_tags: c.policyTags.join(','),
    body_html: c.bodyHtml,
    change_note: c.changeNote,
    is_major: c.isMajor ? 1 : 0,
    version_major: edition.versionMajor,
    version_minor: edition.versionMinor,
    created_by: edition.createdBy,
    created_at: edition.createdAt,
    updated_by: edition.updatedBy,
    updated_at: edition.updatedAt,
    submitted_by: edition.submittedBy,
    submitted_at: edition.submittedAt,
    reviewed_by: edition.reviewedBy,
    reviewed_at: edition.reviewedAt,
    published_at: edition.publishedAt,
    scheduled_at: edition.scheduledAt,
    force_published: edition.forcePublished ? 1 : 0,
    force_publish_reason: edition.forcePublishReason,
    retro_approved_by: edition.retroApprovedBy,
    retro_approved_at: edition.retroApprovedAt,
    rejection_reason: edition.rejectionReason,
    withdrawn_at: edition.withdrawnAt,
    withdrawal_reason: edition.withdrawalReason,
    superseded_at: edition.supersededAt,
    sensitive_override_reason: edition.sensitiveOverrideReason,
    sensitive_override_by: edition.sensitiveOverrideBy,
    catalog_entry_key: c.catalogEntryKey,
    formed_on: c.formedOn,
  };
}

function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    editionId: row.edition_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    sortOrder: row.sort_order,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
