import type { Kysely } from 'kysely';
import type { DecisionStore, MajorDecision } from '../../modules/participation/index.ts';
import type { Database, MajorDecisionRow } from './schema.ts';

/** The directory of major administrative decisions (migration 0025). */
export function createDecisionStore(db: Kysely<Database>): DecisionStore {
  return {
    async get(id) {
      const row = await db.selectFrom('major_decisions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toDecision(row) : undefined;
    },
    async save(d) {
      const row: MajorDecisionRow = {
        id: d.id,
        org_id: d.orgId,
        year: d.year,
        title: d.title,
        summary: d.summary,
        basis: d.basis,
        methods: JSON.stringify(d.methods),
        status: d.status,
        planned_time: d.plannedTime,
        consultation_id: d.consultationId,
        decided_on: d.decidedOn,
        result_link: d.resultLink,
        withdrawn_reason: d.withdrawnReason,
        created_at: d.createdAt,
        updated_at: d.updatedAt,
      };
      const { id: _id, created_at: _created, ...changes } = row;
      await db
        .insertInto('major_decisions')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute();
    },
    async ofYear(year, orgIds) {
      if (orgIds !== null && orgIds.length === 0) return [];
      let query = db.selectFrom('major_decisions').selectAll().where('year', '=', year);
      if (orgIds !== null) query = query.where('org_id', 'in', [...orgIds]);
      const rows = await query.orderBy('org_id').orderBy('created_at').orderBy('id').execute();
      return rows.map(toDecision);
    },
    async years() {
      const rows = await db.selectFrom('major_decisions').select('year').distinct().orderBy('year', 'desc').execute();
      return rows.map((r) => Number(r.year));
    },
  };
}

function toDecision(r: MajorDecisionRow): MajorDecision {
  return {
    id: r.id,
    orgId: r.org_id,
    year: Number(r.year),
    title: r.title,
    summary: r.summary,
    basis: r.basis,
    methods: JSON.parse(r.methods) as MajorDecision['methods'],
    status: r.status as MajorDecision['status'],
    plannedTime: r.planned_time,
    consultationId: r.consultation_id,
    decidedOn: r.decided_on,
    resultLink: r.result_link,
    withdrawnReason: r.withdrawn_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
