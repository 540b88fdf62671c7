import type { Kysely } from 'kysely';
import type { Meeting, MeetingRegistration, MeetingStore } from '../../modules/participation/index.ts';
import type { Database, DecisionMeetingRow, MeetingRegistrationRow } from './schema.ts';

/** Hearings and meetings of major decisions and their registrations (migration 0027). */
export function createMeetingStore(db: Kysely<Database>): MeetingStore {
  return {
    async get(id) {
      const row = await db.selectFrom('decision_meetings').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toMeeting(row) : undefined;
    },
    async save(m) {
      const row = fromMeeting(m);
      const { id: _id, created_at: _created, ...changes } = row;
      await db
        .insertInto('decision_meetings')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute();
    },
    async ofDecisions(decisionIds, publicOnly) {
      if (decisionIds.length === 0) return [];
      let query = db
        .selectFrom('decision_meetings')
        .selectAll()
        .where('decision_id', 'in', [...decisionIds]);
      if (publicOnly) query = query.where('state', '!=', 'draft');
      const rows = await query.orderBy('starts_at').orderBy('id').execute();
      return rows.map(toMeeting);
    },
    async insertRegistration(r) {
      // The unique index on (meeting, contact): a second registration of one person, however close
      // together the two arrive, inserts nothing (and leaves a PostgreSQL transaction usable).
      const result = await db
        .insertInto('meeting_registrations')
        .values(fromRegistration(r))
        .onConflict((oc) => oc.columns(['meeting_id', 'contact_key']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async registrations(meetingId) {
      const rows = await db
        .selectFrom('meeting_registrations')
        .selectAll()
        .where('meeting_id', '=', meetingId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toRegistration);
    },
    async byReceiptCode(code) {
      const row = await db
        .selectFrom('meeting_registrations')
        .selectAll()
        .where('receipt_code', '=', code)
        .executeTakeFirst();
      return row ? toRegistration(row) : undefined;
    },
    async updateRegistrations(changes) {
      for (const c of changes) {
        await db
          .updateTable('meeting_registrations')
          .set({ status: c.status, selection_rank: c.selectionRank, attendance: c.attendance })
          .where('id', '=', c.id)
          .execute();
      }
    },
    async recentFromSender(senderKey, meetingId, dayStart) {
      const row = await db
        .selectFrom('meeting_registrations')
        .select((eb) => [
          eb.fn.sum<number>(eb.case().when('meeting_id', '=', meetingId).then(1).else(0).end()).as('meeting'),
          eb.fn.sum<number>(eb.case().when('created_at', '>=', dayStart).then(1).else(0).end()).as('day'),
        ])
        .where('sender_key', '=', senderKey)
        .executeTakeFirstOrThrow();
      return { forMeeting: Number(row.meeting ?? 0), today: Number(row.day ?? 0) };
    },
  };
}

function fromMeeting(m: Meeting): DecisionMeetingRow {
  return {
    id: m.id,
    decision_id: m.decisionId,
    org_id: m.orgId,
    kind: m.kind,
    title: m.title,
    matter: m.matter,
    place: m.place,
    starts_at: m.startsAt,
    registration_opens_on: m.registrationOpensOn,
    registration_closes_on: m.registrationClosesOn,
    seats: m.seats,
    selection_method: m.selectionMethod,
    selection_rule: m.selectionRule,
    materials: m.materials,
    materials_link: m.materialsLink,
    state: m.state,
    announced_at: m.announcedAt,
    selected_at: m.selectedAt,
    selected_how: m.selectedHow,
    draw_seed: m.drawSeed,
    selection_reason: m.selectionReason,
    held_at: m.heldAt,
    minutes: m.minutes,
    views_summary: m.viewsSummary,
    minutes_published_at: m.minutesPublishedAt,
    cancel_reason: m.cancelReason,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
}

function toMeeting(r: DecisionMeetingRow): Meeting {
  return {
    id: r.id,
    decisionId: r.decision_id,
    orgId: r.org_id,
    kind: r.kind as Meeting['kind'],
    title: r.title,
    matter: r.matter,
    place: r.place,
    startsAt: r.starts_at,
    registrationOpensOn: r.registration_opens_on,
    registrationClosesOn: r.registration_closes_on,
    seats: Number(r.seats),
    selectionMethod: r.selection_method as Meeting['selectionMethod'],
    selectionRule: r.selection_rule,
    materials: r.materials,
    materialsLink: r.materials_link,
    state: r.state as Meeting['state'],
    announcedAt: r.announced_at,
    selectedAt: r.selected_at,
    selectedHow: r.selected_how as Meeting['selectedHow'],
    drawSeed: r.draw_seed,
    selectionReason: r.selection_reason,
    heldAt: r.held_at,
    minutes: r.minutes,
    viewsSummary: r.views_summary,
    minutesPublishedAt: r.minutes_published_at,
    cancelReason: r.cancel_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function fromRegistration(r: MeetingRegistration): MeetingRegistrationRow {
  return {
    id: r.id,
    meeting_id: r.meetingId,
    receipt_code: r.receiptCode,
    name: r.name,
    contact_sealed: r.contactSealed,
    contact_key: r.contactKey,
    stakeholder: r.stakeholder,
    view: r.view,
    statement: r.statement,
    status: r.status,
    selection_rank: r.selectionRank,
    attendance: r.attendance,
    sender_key: r.senderKey,
    created_at: r.createdAt,
  };
}

function toRegistration(r: MeetingRegistrationRow): MeetingRegistration {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    receiptCode: r.receipt_code,
    name: r.name,
    contactSealed: r.contact_sealed,
    contactKey: r.contact_key,
    stakeholder: r.stakeholder as MeetingRegistration['stakeholder'],
    view: r.view as MeetingRegistration['view'],
    statement: r.statement,
    status: r.status as MeetingRegistration['status'],
    selectionRank: r.selection_rank === null ? null : Number(r.selection_rank),
    attendance: r.attendance as MeetingRegistration['attendance'],
    senderKey: r.sender_key,
    createdAt: r.created_at,
  };
}
