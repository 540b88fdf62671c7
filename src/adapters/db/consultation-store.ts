import { sql, type Kysely } from 'kysely';
import type { ConsultationStore } from '../../modules/participation/index.ts';
import type { Consultation, ConsultationComment, DraftVersion } from '../../modules/participation/index.ts';
import type { ConsultationCommentRow, ConsultationRow, Database } from './schema.ts';

/** Consultations, their versions and comments (migration 0022). */
export function createConsultationStore(db: Kysely<Database>): ConsultationStore {
  return {
    async get(id) {
      const row = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toConsultation(row) : undefined;
    },
    async save(c) {
      const row: ConsultationRow = {
        id: c.id,
        org_id: c.orgId,
        title: c.title,
        summary: c.summary,
        major: c.major ? 1 : 0,
        short_reason: c.shortReason,
        state: c.state,
        opens_at: c.opensAt,
        closes_at: c.closesAt,
        version: c.version,
        final_link: c.finalLink,
        report_summary: c.reportSummary,
        created_at: c.createdAt,
        created_by: c.createdBy,
        updated_at: c.updatedAt,
        published_at: c.publishedAt,
        completed_at: c.completedAt,
      };
      const { id: _id, ...changes } = row;
      await db
        .insertInto('consultations')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute();
    },
    async list({ orgIds, publicOnly, limit, offset }) {
      if (orgIds !== null && orgIds.length === 0) return { items: [], total: 0 };
      let base = db.selectFrom('consultations as c').innerJoin('orgs as o', 'o.id', 'c.org_id');
      if (orgIds !== null) base = base.where('c.org_id', 'in', [...orgIds]);
      if (publicOnly) base = base.where('c.state', '!=', 'draft');
      const counts = db
        .selectFrom('consultation_comments')
        .select((eb) => [
          'consultation_id',
          eb.fn.sum<number>(sql`case when state = 'shown' then 1 else 0 end`).as('shown'),
          eb.fn.sum<number>(sql`case when state = 'hidden' then 1 else 0 end`).as('hidden'),
        ])
        .groupBy('consultation_id');
      const [rows, total] = await Promise.all([
        base
          .leftJoin(counts.as('n'), 'n.consultation_id', 'c.id')
          .selectAll('c')
          .select(['o.name as org_name', 'n.shown', 'n.hidden'])
          .orderBy('c.opens_at', 'desc')
          .orderBy('c.id')
          .limit(limit)
          .offset(offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((row) => ({
          ...toConsultation(row),
          orgName: row.org_name,
          shownComments: Number(row.shown ?? 0),
          hiddenComments: Number(row.hidden ?? 0),
        })),
        total: Number(total.n),
      };
    },
    async version(consultationId, number) {
      const row = await db
        .selectFrom('consultation_versions')
        .selectAll()
        .where('consultation_id', '=', consultationId)
        .where('number', '=', number)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        consultationId: row.consultation_id,
        number: row.number,
        paragraphs: JSON.parse(row.paragraphs) as string[],
        note: row.note,
        createdAt: row.created_at,
        createdBy: row.created_by,
      };
    },
    async versions(consultationId) {
      const rows = await db
        .selectFrom('consultation_versions')
        .select(['consultation_id', 'number', 'note', 'created_at', 'created_by'])
        .where('consultation_id', '=', consultationId)
        .orderBy('number')
        .execute();
      return rows.map((row) => ({
        consultationId: row.consultation_id,
        number: row.number,
        note: row.note,
        createdAt: row.created_at,
        createdBy: row.created_by,
      }));
    },
    async saveVersion(v: DraftVersion) {
      const row = {
        consultation_id: v.consultationId,
        number: v.number,
        paragraphs: JSON.stringify(v.paragraphs),
        note: v.note,
        created_at: v.createdAt,
        created_by: v.createdBy,
      };
      await db
        .insertInto('consultation_versions')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['consultation_id', 'number']).doUpdateSet({
            paragraphs: row.paragraphs,
            note: row.note,
            created_at: row.created_at,
            created_by: row.created_by,
          }),
        )
        .execute();
    },
    async comments(consultationId) {
      const rows = await db
        .selectFrom('consultation_comments')
        .selectAll()
        .where('consultation_id', '=', consultationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toComment);
    },
    async comment(id) {
      const row = await db.selectFrom('consultation_comments').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toComment(row) : undefined;
    },
    async insertComment(c) {
      await db.insertInto('consultation_comments').values(toCommentRow(c)).execute();
    },
    async updateComment(c) {
      await db
        .updateTable('consultation_comments')
        .set({
          state: c.state,
          hidden_reason: c.hiddenReason,
          disposition: c.disposition,
          disposition_reason: c.dispositionReason,
          disposition_group: c.dispositionGroup,
          moderated_at: c.moderatedAt,
          disposed_at: c.disposedAt,
        })
        .where('id', '=', c.id)
        .execute();
    },
    async recentComments(senderKey, consultationId, since, dayStart) {
      return recentBy(db, 'sender_key', senderKey, consultationId, since, dayStart);
    },
    async recentCommentsOfPerson(personKey, consultationId, since, dayStart) {
      return recentBy(db, 'person_key', personKey, consultationId, since, dayStart);
    },
  };
}

/** What one sender (by address key or person key) did lately: anywhere since `since`, here since `dayStart`. */
async function recentBy(
  db: Kysely<Database>,
  column: 'sender_key' | 'person_key',
  key: string,
  consultationId: string,
  since: string,
  dayStart: string,
): Promise<{ lastTenMinutes: number; consultationToday: number }> {
  const row = await db
    .selectFrom('consultation_comments')
    .select((eb) => [
      eb.fn.sum<number>(sql`case when created_at >= ${since} then 1 else 0 end`).as('recent'),
      eb.fn
        .sum<number>(sql`case when consultation_id = ${consultationId} and created_at >= ${dayStart} then 1 else 0 end`)
        .as('today'),
    ])
    .where(column, '=', key)
    .where('created_at', '>=', since < dayStart ? since : dayStart)
    .executeTakeFirstOrThrow();
  return { lastTenMinutes: Number(row.recent ?? 0), consultationToday: Number(row.today ?? 0) };
}

function toConsultation(row: ConsultationRow): Consultation {
  return {
    id: row.id,
    orgId: row.org_id,
    title: row.title,
    summary: row.summary,
    major: row.major === 1,
    shortReason: row.short_reason,
    state: row.state as Consultation['state'],
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    version: row.version,
    finalLink: row.final_link,
    reportSummary: row.report_summary,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    completedAt: row.completed_at,
  };
}

function toComment(row: ConsultationCommentRow): ConsultationComment {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    version: row.version,
    paragraph: row.paragraph,
    body: row.body,
    name: row.name,
    senderKey: row.sender_key,
    personKey: row.person_key ?? null,
    state: row.state as ConsultationComment['state'],
    hiddenReason: row.hidden_reason,
    disposition: row.disposition as ConsultationComment['disposition'],
    dispositionReason: row.disposition_reason,
    dispositionGroup: row.disposition_group,
    createdAt: row.created_at,
    moderatedAt: row.moderated_at,
    disposedAt: row.disposed_at,
  };
}

function toCommentRow(c: ConsultationComment): ConsultationCommentRow {
  return {
    id: c.id,
    consultation_id: c.consultationId,
    version: c.version,
    paragraph: c.paragraph,
    body: c.body,
    name: c.name,
    sender_key: c.senderKey,
    person_key: c.personKey,
    state: c.state,
    hidden_reason: c.hiddenReason,
    disposition: c.disposition,
    disposition_reason: c.dispositionReason,
    disposition_group: c.dispositionGroup,
    created_at: c.createdAt,
    moderated_at: c.moderatedAt,
    disposed_at: c.disposedAt,
  };
}
