import type { Kysely } from 'kysely';
import type { CatalogEntry, NegativeItem } from '../../modules/catalog/domain/entry.ts';
import type { CatalogVersion, VersionState } from '../../modules/catalog/domain/version.ts';
import type { CatalogStore } from '../../modules/catalog/ports.ts';
import { DomainError } from '../../platform/errors.ts';
import { pathInSubtrees } from './access.ts';
import type { CatalogEntryRow, CatalogVersionRow, Database } from './schema.ts';

export function createCatalogStore(db: Kysely<Database>): CatalogStore {
  return {
    async getVersion(id) {
      const row = await db.selectFrom('catalog_versions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toVersion(row);
    },
    async versionsOf(orgId) {
      const rows = await db
        .selectFrom('catalog_versions')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('number', 'desc')
        .execute();
      return rows.map(toVersion);
    },
    async versionsOfOrgs(orgIds) {
      const versions: CatalogVersion[] = [];
      for (let at = 0; at < orgIds.length; at += 500) {
        const rows = await db
          .selectFrom('catalog_versions')
          .selectAll()
          .where('org_id', 'in', orgIds.slice(at, at + 500))
          .orderBy('org_id')
          .orderBy('number', 'desc')
          .execute();
        versions.push(...rows.map(toVersion));
      }
      return versions;
    },
    async insertVersion(version) {
      await db.insertInto('catalog_versions').values(fromVersion(version)).execute();
    },
    async updateVersion(version, expectedState) {
      const result = await db
        .updateTable('catalog_versions')
        .set(fromVersion(version))
        .where('id', '=', version.id)
        .where('state', '=', expectedState)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new DomainError('conflict');
    },
    async findVersions(scope, states) {
      if (scope.kind === 'public' || states.length === 0) return [];
      let query = db
        .selectFrom('catalog_versions')
        .innerJoin('orgs', 'orgs.id', 'catalog_versions.org_id')
        .where('catalog_versions.state', 'in', [...states]);
      if (scope.kind === 'subtrees') query = query.where((eb) => pathInSubtrees(eb, 'orgs.path', scope.paths));
      const rows = await query
        .selectAll('catalog_versions')
        .orderBy('catalog_versions.submitted_at')
        .orderBy('orgs.path')
        .execute();
      return rows.map(toVersion);
    },

    async entriesOf(versionId) {
      const rows = await db
        .selectFrom('catalog_entries')
        .selectAll()
        .where('version_id', '=', versionId)
        .orderBy('position')
        .execute();
      return rows.map(toEntry);
    },
    async getEntry(id) {
      const row = await db.selectFrom('catalog_entries').selectAll().where('id', '=', id).executeTakeFirst();
      return row && { ...toEntry(row), versionId: row.version_id };
    },
    async insertEntry(versionId, entry) {
      await db.insertInto('catalog_entries').values(fromEntry(versionId, entry)).execute();
    },
    async updateEntry(entry) {
      const { version_id: _ignored, ...values } = fromEntry('', entry);
      await db.updateTable('catalog_entries').set(values).where('id', '=', entry.id).execute();
    },
    async deleteEntry(id) {
      await db.deleteFrom('catalog_entries').where('id', '=', id).execute();
    },

    async negativeItemsOf(versionId) {
      const rows = await db
        .selectFrom('catalog_negative_items')
        .selectAll()
        .where('version_id', '=', versionId)
        .orderBy('position')
        .execute();
      return rows.map((r): NegativeItem => ({
        id: r.id,
        key: r.item_key,
        position: r.position,
        item: r.item,
        legalBasis: JSON.parse(r.legal_basis) as NegativeItem['legalBasis'],
        note: r.note,
      }));
    },
    async insertNegativeItem(versionId, item) {
      await db
        .insertInto('catalog_negative_items')
        .values({
          id: item.id,
          version_id: versionId,
          item_key: item.key,
          position: item.position,
          item: item.item,
          legal_basis: JSON.stringify(item.legalBasis),
          note: item.note,
        })
        .execute();
    },
    async deleteNegativeItem(id) {
      await db.deleteFrom('catalog_negative_items').where('id', '=', id).execute();
    },

    async localFields() {
      const rows = await db.selectFrom('catalog_local_fields').select(['code', 'name']).orderBy('code').execute();
      return rows;
    },
    async insertLocalField(field, at) {
      await db
        .insertInto('catalog_local_fields')
        .values({ code: field.code, name: field.name, created_at: at.toISOString() })
        .execute();
    },

    async publishedEntry(orgIds, key) {
      if (orgIds.length === 0) return undefined;
      const row = await db
        .selectFrom('catalog_entries')
        .innerJoin('catalog_versions', 'catalog_versions.id', 'catalog_entries.version_id')
        .selectAll('catalog_entries')
        .select('catalog_versions.org_id')
        .where('catalog_entries.entry_key', '=', key)
        .where('catalog_versions.state', '=', 'published')
        .where('catalog_versions.org_id', 'in', orgIds)
        .executeTakeFirst();
      return row && { orgId: row.org_id, entry: toEntry(row) };
    },
    async publishedCatalogs() {
      const rows = await db
        .selectFrom('catalog_versions')
        .innerJoin('catalog_entries', 'catalog_entries.version_id', 'catalog_versions.id')
        .select([
          'catalog_versions.id',
          'catalog_versions.org_id',
          'catalog_versions.number',
          'catalog_versions.published_at',
          'catalog_entries.field_code',
        ])
        .where('catalog_versions.state', '=', 'published')
        .execute();
      const byVersion = new Map<
        string,
        {
          orgId: string;
          versionId: string;
          number: number;
          publishedAt: string;
          fieldCodes: Set<string>;
          entries: number;
        }
      >();
      for (const row of rows) {
        const summary = byVersion.get(row.id) ?? {
          orgId: row.org_id,
          versionId: row.id,
          number: row.number,
          publishedAt: row.published_at ?? '',
          fieldCodes: new Set<string>(),
          entries: 0,
        };
        summary.fieldCodes.add(row.field_code);
        summary.entries++;
        byVersion.set(row.id, summary);
      }
      return [...byVersion.values()].map((s) => ({ ...s, fieldCodes: [...s.fieldCodes].sort() }));
    },
  };
}

function toVersion(row: CatalogVersionRow): CatalogVersion {
  return {
    id: row.id,
    orgId: row.org_id,
    number: row.number,
    state: row.state as VersionState,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    reviewComment: row.review_comment,
    publishedAt: row.published_at,
    supersededAt: row.superseded_at,
  };
}

function fromVersion(version: CatalogVersion): CatalogVersionRow {
  return {
    id: version.id,
    org_id: version.orgId,
    number: version.number,
    state: version.state,
    created_by: version.createdBy,
    created_at: version.createdAt,
    updated_at: version.updatedAt,
    submitted_by: version.submittedBy,
    submitted_at: version.submittedAt,
    reviewed_by: version.reviewedBy,
    reviewed_at: version.reviewedAt,
    review_comment: version.reviewComment,
    published_at: version.publishedAt,
    superseded_at: version.supersededAt,
  };
}

function toEntry(row: CatalogEntryRow): CatalogEntry {
  return {
    id: row.id,
    key: row.entry_key,
    position: row.position,
    fieldCode: row.field_code,
    itemL1: row.item_l1,
    itemL2: row.item_l2,
    contentElements: JSON.parse(row.content_elements) as CatalogEntry['contentElements'],
    legalBasis: JSON.parse(row.legal_basis) as CatalogEntry['legalBasis'],
    timeLimit: JSON.parse(row.time_limit) as CatalogEntry['timeLimit'],
    publisher: row.publisher,
    channels: JSON.parse(row.channels) as CatalogEntry['channels'],
    otherChannels: JSON.parse(row.other_channels) as CatalogEntry['otherChannels'],
    audience: JSON.parse(row.audience) as CatalogEntry['audience'],
    mode: JSON.parse(row.mode) as CatalogEntry['mode'],
    levels: JSON.parse(row.levels) as CatalogEntry['levels'],
    fiveOpen: JSON.parse(row.five_open) as CatalogEntry['fiveOpen'],
    retention: row.retention,
    reviewComment: row.review_comment,
  };
}

function fromEntry(versionId: string, entry: CatalogEntry): CatalogEntryRow {
  return {
    id: entry.id,
    version_id: versionId,
    entry_key: entry.key,
    position: entry.position,
    field_code: entry.fieldCode,
    item_l1: entry.itemL1,
    item_l2: entry.itemL2,
    content_elements: JSON.stringify(entry.contentElements),
    legal_basis: JSON.stringify(entry.legalBasis),
    time_limit: JSON.stringify(entry.timeLimit),
    publisher: entry.publisher,
    channels: JSON.stringify(entry.channels),
    other_channels: JSON.stringify(entry.otherChannels),
    audience: JSON.stringify(entry.audience),
    mode: JSON.stringify(entry.mode),
    levels: JSON.stringify(entry.levels),
    five_open: JSON.stringify(entry.fiveOpen),
    retention: entry.retention,
    review_comment: entry.reviewComment,
  };
}
