import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { AccessScope } from '../../modules/access/domain/actor.ts';
import type { FoiRequest, RequestEvent } from '../../modules/requests/domain/request.ts';
import type { ReportFact } from '../../modules/requests/domain/annual-report.ts';
import type { Appeal } from '../../modules/requests/domain/appeals.ts';
import type { ReminderKind } from '../../modules/requests/domain/reminders.ts';
import type { RequestStore } from '../../modules/requests/ports.ts';
import { DomainError } from '../../platform/errors.ts';
import { pathInSubtrees } from './access.ts';
import { isUniqueViolation, toCount, type DialectQuirks } from './dialect.ts';
import type { Database, FoiAppealRow, FoiEventRow, FoiRequestRow } from './schema.ts';

/** Where the district's wording of the letters' standard texts is kept, one setting per outcome group. */
const REPLY_TEXT_KEY = 'requests.reply_text.';

export function createRequestStore(db: Kysely<Database>, quirks: DialectQuirks): RequestStore {
  /** Requests inside a staff scope, joined to their receiving unit. */
  /**
   * Requests of the units inside a scope, as the dialect plans best (`subtreeFilter`). SQLite: the
   * units' path on the joined units, walking the units first. PostgreSQL: the subtree's unit ids, looked up first, so its statistics of `org_id` tell a
   * unit holding most of the district's requests (walked on the newest-first index) from an average
   * one (sorted); the unused left join on the units' key is then dropped by its planner.
   */
  const scoped = async (scope: AccessScope) => {
    const query = db.selectFrom('foi_requests').leftJoin('orgs', 'orgs.id', 'foi_requests.org_id');
    if (scope.kind !== 'subtrees') return query;
    if (quirks.subtreeFilter === 'path_join') {
      // An inner join, so SQLite may start from the units (a left join fixes the order); the row
      // type is the left join's, every request having its unit.
      const inner = db.selectFrom('foi_requests').innerJoin('orgs', 'orgs.id', 'foi_requests.org_id');
      return (inner as unknown as typeof query).where((eb) => pathInSubtrees(eb, 'orgs.path', scope.paths));
    }
    const units = await db
      .selectFrom('orgs')
      .select('orgs.id')
      .where((eb) => pathInSubtrees(eb, 'orgs.path', scope.paths))
      .execute();
    return units.length === 0
      ? query.where(sql<boolean>`1 = 0`)
      : query.where(
          'foi_requests.org_id',
          'in',
          units.map((unit) => unit.id),
        );
  };
  /** The open requests inside a scope with the inbox's four counts (served by the partial index). */
  const openCounts = async (scope: AccessScope, days: { today: string; soonUntil: string }) => {
    const count = (condition: ReturnType<typeof sql<number>>) =>
      sql<number>`sum(case when ${condition} then 1 else 0 end)`;
    return (await scoped(scope))
      .where('foi_requests.closed_on', 'is', null)
      .select([
        count(sql`foi_requests.state = 'submitted'`).as('submitted'),
        (eb) => eb.fn.countAll<number>().as('open'),
        count(sql`foi_requests.due_on < ${days.today}`).as('overdue'),
        count(sql`foi_requests.due_on >= ${days.today} and foi_requests.due_on <= ${days.soonUntil}`).as('due_soon'),
      ]);
  };
  return {
    async insert(request, first) {
      try {
        await db.insertInto('foi_requests').values(requestRow(request)).execute();
      } catch (error) {
        // Another transaction stored the same upstream reference first (the unique index decides).
        if (isUniqueViolation(error)) throw new DomainError('conflict');
        throw error;
      }
      await db.insertInto('foi_events').values(toEventRow(first)).execute();
    },
    async getByUpstreamId(upstreamId) {
      const row = await db
        .selectFrom('foi_requests')
        .selectAll()
        .where('upstream_id', '=', upstreamId)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    async getById(id) {
      const row = await db.selectFrom('foi_requests').selectAll().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },
    async getByTrackingCode(code) {
      const row = await db.selectFrom('foi_requests').selectAll().where('tracking_code', '=', code).executeTakeFirst();
      return row && fromRow(row);
    },
    async update(request, expectedState) {
      const { id: _id, ...values } = requestRow(request);
      const result = await db
        .updateTable('foi_requests')
        .set(values)
        .where('id', '=', request.id)
        .where('state', '=', expectedState)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new DomainError('conflict');
    },
    async appendEvent(event) {
      const last = await db
        .selectFrom('foi_events')
        .select((eb) => eb.fn.max<number>('seq').as('seq'))
        .where('request_id', '=', event.requestId)
        .executeTakeFirst();
      const stored: RequestEvent = { ...event, seq: Number(last?.seq ?? 0) + 1 };
      await db.insertInto('foi_events').values(toEventRow(stored)).execute();
      return stored;
    },
    async events(requestId) {
      const rows = await db
        .selectFrom('foi_events')
        .selectAll()
        .where('request_id', '=', requestId)
        .orderBy('seq')
        .execute();
      return rows.map(fromEventRow);
    },
    async inbox(scope, filter, page) {
      if (scope.kind === 'public' || filter.states?.length === 0) return { rows: [], total: 0 };
      let query = await scoped(scope);
      if (filter.states) query = query.where('foi_requests.state', 'in', filter.states);
      if (filter.orgId) query = query.where('foi_requests.org_id', '=', filter.orgId);
      if (filter.channel) query = query.where('foi_requests.channel', '=', filter.channel);
      if (filter.assigneeId) query = query.where('foi_requests.assignee_id', '=', filter.assigneeId);
      if (filter.dueFrom) query = query.where('foi_requests.due_on', '>=', filter.dueFrom);
      if (filter.dueTo) query = query.where('foi_requests.due_on', '<=', filter.dueTo);
      // Due-date filters list what is most urgent first; otherwise the newest application first.
      const byDue = filter.dueFrom !== undefined || filter.dueTo !== undefined;
      const ordered = <Q extends typeof query>(q: Q) =>
        (byDue
          ? q.orderBy('foi_requests.due_on').orderBy('foi_requests.submitted_at')
          : q.orderBy('foi_requests.submitted_at', 'desc')
        ).orderBy('foi_requests.id');
      // The page's ids first, walked on an index without reading the wide rows (and without
      // PostgreSQL's misjudging how many rows a subtree holds); then only those rows.
      const pageIds = ordered(query).select('foi_requests.id').limit(page.limit).offset(page.offset);
      const [rows, count] = await Promise.all([
        ordered(db.selectFrom('foi_requests').where('foi_requests.id', 'in', pageIds))
          .selectAll('foi_requests')
          .select((eb) =>
            eb
              .selectFrom('orgs')
              .select('orgs.short_name')
              .whereRef('orgs.id', '=', 'foi_requests.org_id')
              .as('org_name'),
          )
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
      ]);
      return { rows: rows.map((r) => ({ ...fromRow(r), orgName: r.org_name ?? '' })), total: toCount(count?.n) };
    },
    async reportFacts(year, orgIds) {
      if (orgIds?.length === 0) return [];
      let query = db
        .selectFrom('foi_requests')
        .select(['received_on', 'closed_on', 'outcome', 'applicant_kind', 'organisation_kind'])
        .where('received_on', 'is not', null)
        .where('received_on', '<=', `${year}-12-31`)
        .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', `${year}-01-01`)]));
      if (orgIds) query = query.where('org_id', 'in', orgIds);
      const rows = await query.execute();
      return rows.map((r) => ({
        receivedOn: r.received_on!,
        closedOn: r.closed_on,
        outcome: r.outcome as ReportFact['outcome'],
        applicantKind: r.applicant_kind as ReportFact['applicantKind'],
        organisationKind: r.organisation_kind as ReportFact['organisationKind'],
      }));
    },
    async insertAppeal(appeal) {
      await db.insertInto('foi_appeals').values(toAppealRow(appeal)).execute();
    },
    async updateAppeal(appeal) {
      const { id: _id, ...values } = toAppealRow(appeal);
      await db.updateTable('foi_appeals').set(values).where('id', '=', appeal.id).execute();
    },
    async appealsOf(requestId) {
      const rows = await db
        .selectFrom('foi_appeals')
        .selectAll()
        .where('request_id', '=', requestId)
        .orderBy('filed_on')
        .orderBy('id')
        .execute();
      return rows.map(fromAppealRow);
    },
    async appealsFiledIn(year, orgIds) {
      if (orgIds?.length === 0) return [];
      let query = db
        .selectFrom('foi_appeals')
        .innerJoin('foi_requests', 'foi_requests.id', 'foi_appeals.request_id')
        .selectAll('foi_appeals')
        .where('foi_appeals.filed_on', '>=', `${year}-01-01`)
        .where('foi_appeals.filed_on', '<=', `${year}-12-31`);
      if (orgIds) query = query.where('foi_requests.org_id', 'in', orgIds);
      return (await query.execute()).map(fromAppealRow);
    },
    async replyTexts() {
      const rows = await db.selectFrom('settings').selectAll().where('key', 'like', `${REPLY_TEXT_KEY}%`).execute();
      return Object.fromEntries(rows.map((r) => [r.key.slice(REPLY_TEXT_KEY.length), r.value]));
    },
    async setReplyText(group, text, at) {
      const key = `${REPLY_TEXT_KEY}${group}`;
      await db.deleteFrom('settings').where('key', '=', key).execute();
      if (text !== null)
        await db.insertInto('settings').values({ key, value: text, updated_at: at.toISOString() }).execute();
    },
    async openRequests() {
      const rows = await db.selectFrom('foi_requests').selectAll().where('closed_on', 'is', null).execute();
      return rows.map(fromRow);
    },
    async setDueOn(id, dueOn) {
      await db.updateTable('foi_requests').set({ due_on: dueOn }).where('id', '=', id).execute();
    },
    async reminderRecipients(orgId, assigneeId) {
      // The assigned officer, or every FOI officer of the unit while nobody is; and the unit's administrators.
      const officers = (eb: ExpressionBuilder<Database, 'users'>) =>
        assigneeId
          ? eb('users.id', '=', assigneeId)
          : eb.exists(
              eb
                .selectFrom('role_grants')
                .select('role_grants.id')
                .whereRef('role_grants.user_id', '=', 'users.id')
                .where('role_grants.org_id', '=', orgId)
                .where('role_grants.role', '=', 'foi_officer'),
            );
      const rows = await db
        .selectFrom('users')
        .select(['users.id', 'users.display_name', 'users.email'])
        .where('users.is_active', '=', 1)
        .where('users.email', 'is not', null)
        .where((eb) =>
          eb.or([
            officers(eb),
            eb.exists(
              eb
                .selectFrom('role_grants')
                .select('role_grants.id')
                .whereRef('role_grants.user_id', '=', 'users.id')
                .where('role_grants.org_id', '=', orgId)
                .where('role_grants.role', '=', 'unit_admin'),
            ),
          ]),
        )
        .orderBy('users.username')
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.display_name, email: r.email! }));
    },
    async recordReminder(reminder) {
      const result = await db
        .insertInto('foi_reminders')
        .values({
          request_id: reminder.requestId,
          kind: reminder.kind,
          due_on: reminder.dueOn,
          sent_at: reminder.sentAt,
          recipients: JSON.stringify(reminder.recipients),
        })
        .onConflict((oc) => oc.columns(['request_id', 'kind', 'due_on']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async remindersOf(requestId) {
      const rows = await db
        .selectFrom('foi_reminders')
        .selectAll()
        .where('request_id', '=', requestId)
        .orderBy('sent_at')
        .execute();
      return rows.map((r) => ({
        requestId: r.request_id,
        kind: r.kind as ReminderKind,
        dueOn: r.due_on,
        sentAt: r.sent_at,
        recipients: JSON.parse(r.recipients) as string[],
      }));
    },
    async countsByUnit(scope, days) {
      if (scope.kind === 'public') return [];
      const rows = await (
        await openCounts(scope, days)
      )
        .groupBy(['orgs.id', 'orgs.short_name', 'orgs.path'])
        .orderBy('orgs.path')
        .select(['orgs.id as org_id', 'orgs.short_name as org_name'])
        .execute();
      // Every request has its unit (foreign key): the left join always finds it.
      return rows.map((r) => ({ orgId: r.org_id ?? '', orgName: r.org_name ?? '', ...countsOf(r) }));
    },
    async inboxCounts(scope, days) {
      if (scope.kind === 'public') return countsOf(undefined);
      return countsOf(await (await openCounts(scope, days)).executeTakeFirst());
    },
  };
}

/** The stored row of a request (also what bench/foi.ts writes in bulk). */
export function requestRow(r: FoiRequest): FoiRequestRow {
  const a = r.applicant;
  return {
    id: r.id,
    tracking_code: r.trackingCode,
    org_id: r.orgId,
    channel: r.channel,
    state: r.state,
    applicant_kind: a.kind,
    organisation_kind: a.organisationKind,
    applicant_name: a.name,
    id_type: a.idType,
    id_number_sealed: a.idNumberSealed,
    id_number_masked: a.idNumberMasked,
    contact_person: a.contactPerson,
    phone_sealed: a.phoneSealed,
    phone_tail: a.phoneTail,
    email_sealed: a.emailSealed,
    address_sealed: a.addressSealed,
    postcode: a.postcode,
    description: r.description,
    document_number: r.documentNumber,
    purpose: r.purpose,
    info_form: r.form,
    delivery: r.delivery,
    submitted_at: r.submittedAt,
    received_on: r.receivedOn,
    corrected_on: r.correctedOn,
    extension: r.extension ? JSON.stringify(r.extension) : null,
    pauses: JSON.stringify(r.pauses),
    correction: r.correction ? JSON.stringify(r.correction) : null,
    reply: r.reply ? JSON.stringify(r.reply) : null,
    outcome: r.reply?.outcome ?? null,
    closed_on: r.closedOn,
    fee: r.fee ? JSON.stringify(r.fee) : null,
    service: r.service ? JSON.stringify(r.service) : null,
    due_on: r.dueOn,
    assignee_id: r.assigneeId,
    updated_at: r.updatedAt,
    upstream_id: r.upstreamId,
  };
}

function fromRow(row: Selectable<FoiRequestRow>): FoiRequest {
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    orgId: row.org_id,
    channel: row.channel as FoiRequest['channel'],
    state: row.state as FoiRequest['state'],
    applicant: {
      kind: row.applicant_kind as FoiRequest['applicant']['kind'],
      organisationKind: row.organisation_kind as FoiRequest['applicant']['organisationKind'],
      name: row.applicant_name,
      idType: row.id_type as FoiRequest['applicant']['idType'],
      idNumberSealed: row.id_number_sealed,
      idNumberMasked: row.id_number_masked,
      contactPerson: row.contact_person,
      phoneSealed: row.phone_sealed,
      phoneTail: row.phone_tail,
      emailSealed: row.email_sealed,
      addressSealed: row.address_sealed,
      postcode: row.postcode,
    },
    description: row.description,
    documentNumber: row.document_number,
    purpose: row.purpose,
    form: row.info_form as FoiRequest['form'],
    delivery: row.delivery as FoiRequest['delivery'],
    submittedAt: row.submitted_at,
    receivedOn: row.received_on,
    correctedOn: row.corrected_on,
    extension: row.extension ? (JSON.parse(row.extension) as FoiRequest['extension']) : null,
    pauses: JSON.parse(row.pauses) as FoiRequest['pauses'],
    correction: row.correction ? (JSON.parse(row.correction) as FoiRequest['correction']) : null,
    reply: row.reply ? (JSON.parse(row.reply) as FoiRequest['reply']) : null,
    closedOn: row.closed_on,
    fee: row.fee ? (JSON.parse(row.fee) as FoiRequest['fee']) : null,
    service: row.service ? (JSON.parse(row.service) as FoiRequest['service']) : null,
    dueOn: row.due_on,
    assigneeId: row.assignee_id,
    updatedAt: row.updated_at,
    upstreamId: row.upstream_id,
  };
}

function toEventRow(e: RequestEvent): FoiEventRow {
  return { request_id: e.requestId, seq: e.seq, kind: e.kind, at: e.at, on_date: e.on, by_name: e.by, note: e.note };
}

function fromEventRow(row: Selectable<FoiEventRow>): RequestEvent {
  return {
    requestId: row.request_id,
    seq: row.seq,
    kind: row.kind as RequestEvent['kind'],
    at: row.at,
    on: row.on_date,
    by: row.by_name,
    note: row.note,
  };
}

function toAppealRow(a: Appeal): FoiAppealRow {
  return {
    id: a.id,
    request_id: a.requestId,
    kind: a.kind,
    filed_on: a.filedOn,
    body: a.body,
    result: a.result,
    decided_on: a.decidedOn,
  };
}

function fromAppealRow(row: Selectable<FoiAppealRow>): Appeal {
  return {
    id: row.id,
    requestId: row.request_id,
    kind: row.kind as Appeal['kind'],
    filedOn: row.filed_on,
    body: row.body,
    result: row.result as Appeal['result'],
    decidedOn: row.decided_on,
  };
}

/** The four counts of a row of `openCounts` (zero when there is none). */
type Countable = string | number | bigint | null | undefined;

function countsOf(row: { submitted: Countable; open: Countable; overdue: Countable; due_soon: Countable } | undefined) {
  return {
    submitted: toCount(row?.submitted),
    open: toCount(row?.open),
    overdue: toCount(row?.overdue),
    dueSoon: toCount(row?.due_soon),
  };
}
