import type { Kysely } from 'kysely';
import type { DisclosureLevel, Org, OrgType } from '../../modules/orgs/domain/org.ts';
import type { OrgStore } from '../../modules/orgs/ports.ts';
import { toCount } from './dialect.ts';
import type { Database, OrgRow } from './schema.ts';

export function createOrgStore(db: Kysely<Database>, now: () => Date): OrgStore {
  return {
    async getById(id) {
      const row = await db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toOrg(row);
    },
    async getByCode(code) {
      const row = await db.selectFrom('orgs').selectAll().where('code', '=', code).executeTakeFirst();
      return row && toOrg(row);
    },
    async listAll() {
      const rows = await db.selectFrom('orgs').selectAll().orderBy('path').execute();
      return rows.map(toOrg);
    },
    async insert(org) {
      const at = now().toISOString();
      await db
        .insertInto('orgs')
        .values({ ...toRow(org), created_at: at, updated_at: at })
        .execute();
    },
    async update(org) {
      await db
        .updateTable('orgs')
        .set({ ...toRow(org), updated_at: now().toISOString() })
        .where('id', '=', org.id)
        .execute();
    },
    async count() {
      const row = await db
        .selectFrom('orgs')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      return toCount(row?.n);
    },
  };
}

function toOrg(row: OrgRow): Org {
  return {
    id: row.id,
    parentId: row.parent_id,
    path: row.path,
    depth: row.depth,
    type: row.type as OrgType,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    creditCode: row.credit_code,
    levels: JSON.parse(row.levels) as DisclosureLevel[],
    sortOrder: row.sort_order,
    isDemo: row.is_demo === 1,
  };
}

function toRow(org: Org): Omit<OrgRow, 'created_at' | 'updated_at'> {
  return {
    id: org.id,
    parent_id: org.parentId,
    path: org.path,
    depth: org.depth,
    type: org.type,
    code: org.code,
    name: org.name,
    short_name: org.shortName,
    credit_code: org.creditCode,
    levels: JSON.stringify(org.levels),
    sort_order: org.sortOrder,
    is_demo: org.isDemo ? 1 : 0,
  };
}
