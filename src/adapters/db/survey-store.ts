import { sql, type Kysely } from 'kysely';
import type {
  LimitPolicy,
  SurveyAnswer,
  SurveyAnswerSheet,
  SurveyQuestion,
  SurveyRecord,
  SurveyStore,
} from '../../modules/participation/index.ts';
import { isUniqueViolation } from './dialect.ts';
import type { Database, SurveyAnswerRow, SurveyRow } from './schema.ts';

/** Surveys and their answer sheets (migration 0023). */
export function createSurveyStore(db: Kysely<Database>): SurveyStore {
  return {
    async get(id) {
      const row = await db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toSurvey(row) : undefined;
    },
    async save(s) {
      const row: SurveyRow = {
        id: s.id,
        org_id: s.orgId,
        title: s.title,
        description: s.description,
        state: s.state,
        opens_at: s.opensAt,
        closes_at: s.closesAt,
        limit_policy: JSON.stringify(s.limit),
        questions: JSON.stringify(s.questions),
        created_at: s.createdAt,
        created_by: s.createdBy,
        updated_at: s.updatedAt,
        published_at: s.publishedAt,
      };
      const { id: _id, ...changes } = row;
      await db
        .insertInto('surveys')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute();
    },
    async list({ orgIds, publicOnly, limit, offset }) {
      if (orgIds !== null && orgIds.length === 0) return { items: [], total: 0 };
      let base = db.selectFrom('surveys as s').innerJoin('orgs as o', 'o.id', 's.org_id');
      if (orgIds !== null) base = base.where('s.org_id', 'in', [...orgIds]);
      if (publicOnly) base = base.where('s.state', '!=', 'draft');
      const counts = db
        .selectFrom('survey_answers')
        .select((eb) => ['survey_id', eb.fn.countAll<number>().as('answers')])
        .groupBy('survey_id');
      const [rows, total] = await Promise.all([
        base
          .leftJoin(counts.as('n'), 'n.survey_id', 's.id')
          .selectAll('s')
          .select(['o.name as org_name', 'n.answers'])
          .orderBy('s.opens_at', 'desc')
          .orderBy('s.id')
          .limit(limit)
          .offset(offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((row) => ({
          ...toSurvey(row),
          orgName: row.org_name,
          answerCount: Number(row.answers ?? 0),
        })),
        total: Number(total.n),
      };
    },
    async insertAnswer(sheet) {
      const row: SurveyAnswerRow = {
        id: sheet.id,
        survey_id: sheet.surveyId,
        answers: JSON.stringify(sheet.answers),
        device_key: sheet.deviceKey,
        person_key: sheet.personKey,
        address_key: sheet.addressKey,
        created_at: sheet.createdAt,
      };
      try {
        await db.insertInto('survey_answers').values(row).execute();
        return true;
      } catch (error) {
        // The unique indexes on (survey, device) and (survey, person): a second sheet that raced the first.
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async answers(surveyId) {
      const rows = await db
        .selectFrom('survey_answers')
        .selectAll()
        .where('survey_id', '=', surveyId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toSheet);
    },
    async answerLists(surveyId) {
      const rows = await db
        .selectFrom('survey_answers')
        .select('answers')
        .where('survey_id', '=', surveyId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => JSON.parse(row.answers) as SurveyAnswer[]);
    },
    async countAnswers(surveyId) {
      const row = await db
        .selectFrom('survey_answers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('survey_id', '=', surveyId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async priorAnswers(surveyId, keys) {
      const row = await db
        .selectFrom('survey_answers')
        .select((eb) => [
          eb.fn.sum<number>(sql`case when device_key = ${keys.deviceKey ?? ''} then 1 else 0 end`).as('by_device'),
          eb.fn.sum<number>(sql`case when person_key = ${keys.personKey ?? ''} then 1 else 0 end`).as('by_person'),
          eb.fn
            .sum<number>(
              sql`case when address_key = ${keys.addressKey} and created_at >= ${keys.dayStart} then 1 else 0 end`,
            )
            .as('from_address'),
        ])
        .where('survey_id', '=', surveyId)
        .where((eb) =>
          eb.or([
            eb('address_key', '=', keys.addressKey),
            ...(keys.deviceKey === null ? [] : [eb('device_key', '=', keys.deviceKey)]),
            ...(keys.personKey === null ? [] : [eb('person_key', '=', keys.personKey)]),
          ]),
        )
        .executeTakeFirstOrThrow();
      return {
        byDevice: keys.deviceKey === null ? 0 : Number(row.by_device ?? 0),
        byPerson: keys.personKey === null ? 0 : Number(row.by_person ?? 0),
        fromAddressToday: Number(row.from_address ?? 0),
      };
    },
  };
}

function toSurvey(row: SurveyRow): SurveyRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    title: row.title,
    description: row.description,
    state: row.state as SurveyRecord['state'],
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    limit: JSON.parse(row.limit_policy) as LimitPolicy,
    questions: JSON.parse(row.questions) as SurveyQuestion[],
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  };
}

function toSheet(row: SurveyAnswerRow): SurveyAnswerSheet {
  return {
    id: row.id,
    surveyId: row.survey_id,
    answers: JSON.parse(row.answers) as SurveyAnswer[],
    deviceKey: row.device_key,
    personKey: row.person_key,
    addressKey: row.address_key,
    createdAt: row.created_at,
  };
}
