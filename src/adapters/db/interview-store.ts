import { sql, type Kysely } from 'kysely';
import type {
  Interview,
  InterviewMedia,
  InterviewQuestion,
  InterviewStore,
  TranscriptEntry,
} from '../../modules/participation/index.ts';
import type { Database, InterviewEntryRow, InterviewQuestionRow, InterviewRow } from './schema.ts';

/** Online interviews, their questions, transcript and media (migration 0026). */
export function createInterviewStore(db: Kysely<Database>): InterviewStore {
  return {
    async get(id) {
      const row = await db.selectFrom('interviews').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toInterview(row) : undefined;
    },
    async save(i) {
      const row: InterviewRow = {
        id: i.id,
        org_id: i.orgId,
        title: i.title,
        summary: i.summary,
        starts_at: i.startsAt,
        ends_at: i.endsAt,
        guests: JSON.stringify(i.guests),
        state: i.state,
        cancel_reason: i.cancelReason,
        revision: i.revision,
        published_at: i.publishedAt,
        created_at: i.createdAt,
        updated_at: i.updatedAt,
      };
      // The revision is raised only by bumpRevision, so a save never lowers it.
      const { id: _id, created_at: _created, revision: _revision, ...changes } = row;
      await db
        .insertInto('interviews')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute();
    },
    async bumpRevision(id) {
      const row = await db
        .updateTable('interviews')
        .set({ revision: sql<number>`revision + 1` })
        .where('id', '=', id)
        .returning('revision')
        .executeTakeFirstOrThrow();
      return Number(row.revision);
    },
    async revision(id) {
      const row = await db
        .selectFrom('interviews')
        .select(['revision', 'state'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? { revision: Number(row.revision), state: row.state as Interview['state'] } : undefined;
    },
    async list(options) {
      if (options.orgIds !== null && options.orgIds.length === 0) return { items: [], total: 0 };
      let query = db.selectFrom('interviews');
      if (options.orgIds !== null) query = query.where('org_id', 'in', [...options.orgIds]);
      if (options.publicOnly) query = query.where('state', '<>', 'draft');
      const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await query
        .selectAll()
        .orderBy('starts_at', 'desc')
        .orderBy('id')
        .limit(options.limit)
        .offset(options.offset)
        .execute();
      return { items: rows.map(toInterview), total: Number(count.n) };
    },
    async insertQuestion(q) {
      await db.insertInto('interview_questions').values(questionRow(q)).execute();
    },
    async updateQuestion(q) {
      const { id, interview_id: _interview, created_at: _created, ...changes } = questionRow(q);
      await db.updateTable('interview_questions').set(changes).where('id', '=', id).execute();
    },
    async question(id) {
      const row = await db.selectFrom('interview_questions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toQuestion(row) : undefined;
    },
    async questions(interviewId, states) {
      if (states.length === 0) return [];
      const rows = await db
        .selectFrom('interview_questions')
        .selectAll()
        .where('interview_id', '=', interviewId)
        .where('state', 'in', [...states])
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toQuestion);
    },
    async shownSince(interviewId, afterRevision) {
      const rows = await db
        .selectFrom('interview_questions')
        .selectAll()
        .where('interview_id', '=', interviewId)
        .where('state', '=', 'shown')
        .where('shown_revision', '>', afterRevision)
        .orderBy('shown_revision')
        .orderBy('id')
        .execute();
      return rows.map(toQuestion);
    },
    async hiddenCount(interviewId) {
      const row = await db
        .selectFrom('interview_questions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('interview_id', '=', interviewId)
        .where('state', '=', 'hidden')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async recentQuestions(senderKey, interviewId, since, dayStart) {
      const row = await db
        .selectFrom('interview_questions')
        .select((eb) => [
          eb.fn.sum<number>(sql`case when created_at >= ${since} then 1 else 0 end`).as('recent'),
          eb.fn
            .sum<number>(sql`case when interview_id = ${interviewId} and created_at >= ${dayStart} then 1 else 0 end`)
            .as('today'),
        ])
        .where('sender_key', '=', senderKey)
        .where('created_at', '>=', since < dayStart ? since : dayStart)
        .executeTakeFirstOrThrow();
      return { lastTenMinutes: Number(row.recent ?? 0), interviewToday: Number(row.today ?? 0) };
    },
    async insertEntry(e) {
      const row: InterviewEntryRow = {
        id: e.id,
        interview_id: e.interviewId,
        speaker_kind: e.speakerKind,
        speaker: e.speaker,
        body: e.body,
        question_id: e.questionId,
        revision: e.revision,
        said_at: e.saidAt,
      };
      await db.insertInto('interview_entries').values(row).execute();
    },
    async entries(interviewId, afterRevision) {
      const rows = await db
        .selectFrom('interview_entries')
        .selectAll()
        .where('interview_id', '=', interviewId)
        .where('revision', '>', afterRevision)
        .orderBy('revision')
        .orderBy('id')
        .execute();
      return rows.map((r): TranscriptEntry => ({
        id: r.id,
        interviewId: r.interview_id,
        speakerKind: r.speaker_kind as TranscriptEntry['speakerKind'],
        speaker: r.speaker,
        body: r.body,
        questionId: r.question_id,
        revision: Number(r.revision),
        saidAt: r.said_at,
      }));
    },
    async insertMedia(m) {
      await db
        .insertInto('interview_media')
        .values({
          id: m.id,
          interview_id: m.interviewId,
          url: m.url,
          alt: m.alt,
          caption: m.caption,
          created_at: m.createdAt,
          file_sha256: m.file?.sha256 ?? null,
          content_type: m.file?.contentType ?? null,
          size_bytes: m.file?.sizeBytes ?? null,
        })
        .execute();
    },
    async media(interviewId) {
      const rows = await db
        .selectFrom('interview_media')
        .selectAll()
        .where('interview_id', '=', interviewId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r): InterviewMedia => ({
        id: r.id,
        interviewId: r.interview_id,
        url: r.url,
        alt: r.alt,
        caption: r.caption,
        createdAt: r.created_at,
        file:
          r.file_sha256 !== null && r.content_type !== null
            ? { sha256: r.file_sha256, contentType: r.content_type, sizeBytes: Number(r.size_bytes ?? 0) }
            : null,
      }));
    },
  };
}

function toInterview(r: InterviewRow): Interview {
  return {
    id: r.id,
    orgId: r.org_id,
    title: r.title,
    summary: r.summary,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    guests: JSON.parse(r.guests) as Interview['guests'],
    state: r.state as Interview['state'],
    cancelReason: r.cancel_reason,
    revision: Number(r.revision),
    publishedAt: r.published_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function questionRow(q: InterviewQuestion): InterviewQuestionRow {
  return {
    id: q.id,
    interview_id: q.interviewId,
    name: q.name,
    body: q.body,
    sender_key: q.senderKey,
    state: q.state,
    hidden_reason: q.hiddenReason,
    answered: q.answered ? 1 : 0,
    shown_revision: q.shownRevision,
    created_at: q.createdAt,
    moderated_at: q.moderatedAt,
  };
}

function toQuestion(r: InterviewQuestionRow): InterviewQuestion {
  return {
    id: r.id,
    interviewId: r.interview_id,
    name: r.name,
    body: r.body,
    senderKey: r.sender_key,
    state: r.state as InterviewQuestion['state'],
    hiddenReason: r.hidden_reason,
    answered: Number(r.answered) === 1,
    shownRevision: r.shown_revision === null ? null : Number(r.shown_revision),
    createdAt: r.created_at,
    moderatedAt: r.moderated_at,
  };
}
