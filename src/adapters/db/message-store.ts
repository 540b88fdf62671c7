import type { Kysely } from 'kysely';
import type { Message, MessageStore, MessageTransfer } from '../../modules/participation/index.ts';
import type { Database, MessageRow } from './schema.ts';

/** Residents' messages and the alerts recorded about them (migration 0024). */
export function createMessageStore(db: Kysely<Database>): MessageStore {
  return {
    async get(id) {
      const row = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toMessage(row) : undefined;
    },
    async byTrackingCode(code) {
      const row = await db.selectFrom('messages').selectAll().where('tracking_code', '=', code).executeTakeFirst();
      return row ? toMessage(row) : undefined;
    },
    async insert(message) {
      await db.insertInto('messages').values(toRow(message)).execute();
    },
    async save(message) {
      const { id, ...changes } = toRow(message);
      await db.updateTable('messages').set(changes).where('id', '=', id).execute();
    },
    async list({ orgIds, states, publishedOnly, limit, offset }) {
      if (orgIds !== null && orgIds.length === 0) return { items: [], total: 0 };
      let base = db.selectFrom('messages');
      if (orgIds !== null) base = base.where('org_id', 'in', [...orgIds]);
      if (states !== null && states.length > 0) base = base.where('state', 'in', [...states]);
      if (publishedOnly) base = base.where('published', '=', 1);
      const latest = publishedOnly ? 'answered_on' : 'created_at';
      // The page is chosen from the messages alone (in the order of an index), then joined to its
      // units' names: joining first lets the planner sort every matching message.
      const page = base
        .selectAll()
        .orderBy(latest, 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .offset(offset);
      const [rows, total] = await Promise.all([
        db
          .selectFrom(page.as('m'))
          .innerJoin('orgs as o', 'o.id', 'm.org_id')
          .selectAll('m')
          .select('o.name as org_name')
          .orderBy(`m.${latest}`, 'desc')
          .orderBy('m.created_at', 'desc')
          .orderBy('m.id')
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map((row) => ({ ...toMessage(row), orgName: row.org_name })), total: Number(total.n) };
    },
    async unanswered() {
      const rows = await db.selectFrom('messages').selectAll().where('state', 'in', ['received', 'accepted']).execute();
      return rows.map(toMessage);
    },
    async clockFacts(since) {
      const rows = await db
        .selectFrom('messages')
        .select(['org_id', 'received_on', 'transferred_on', 'answered_on'])
        .where('state', '!=', 'declined')
        .where('received_on', '>=', since)
        .execute();
      return rows.map((r) => ({
        orgId: r.org_id,
        receivedOn: r.received_on,
        transferredOn: r.transferred_on,
        answeredOn: r.answered_on,
      }));
    },
    async recentFromSender(senderKey, hourAgo, dayStart) {
      const row = await db
        .selectFrom('messages')
        .select((eb) => [
          eb.fn.sum<number>(eb.case().when('created_at', '>=', hourAgo).then(1).else(0).end()).as('hour'),
          eb.fn.sum<number>(eb.case().when('created_at', '>=', dayStart).then(1).else(0).end()).as('day'),
        ])
        .where('sender_key', '=', senderKey)
        .where('created_at', '>=', hourAgo < dayStart ? hourAgo : dayStart)
        .executeTakeFirstOrThrow();
      return { lastHour: Number(row.hour ?? 0), today: Number(row.day ?? 0) };
    },
    async recordAlert(alert) {
      const result = await db
        .insertInto('message_alerts')
        .values({
          message_id: alert.messageId,
          key: alert.key,
          sent_at: alert.sentAt,
          recipients: JSON.stringify(alert.recipients),
        })
        .onConflict((oc) => oc.columns(['message_id', 'key']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async alerts(messageId) {
      const rows = await db
        .selectFrom('message_alerts')
        .select(['key', 'sent_at'])
        .where('message_id', '=', messageId)
        .orderBy('sent_at')
        .orderBy('key')
        .execute();
      return rows.map((r) => ({ key: r.key, sentAt: r.sent_at }));
    },
    async alertRecipients(orgId, roles) {
      const rows = await db
        .selectFrom('users')
        .select(['users.id', 'users.display_name', 'users.email'])
        .where('users.is_active', '=', 1)
        .where('users.email', 'is not', null)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('role_grants')
              .select('role_grants.id')
              .whereRef('role_grants.user_id', '=', 'users.id')
              .where('role_grants.org_id', '=', orgId)
              .where('role_grants.role', 'in', [...roles]),
          ),
        )
        .orderBy('users.username')
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.display_name, email: r.email! }));
    },
  };
}

function toRow(m: Message): MessageRow {
  return {
    id: m.id,
    tracking_code: m.trackingCode,
    org_id: m.orgId,
    kind: m.kind,
    title: m.title,
    body: m.body,
    name: m.name,
    contact_sealed: m.contactSealed,
    public_consent: m.publicConsent ? 1 : 0,
    state: m.state,
    received_on: m.receivedOn,
    accepted_on: m.acceptedOn,
    transferred_on: m.transferredOn,
    transfers: JSON.stringify(m.transfers),
    answer: m.answer,
    answered_on: m.answeredOn,
    answered_by: m.answeredBy,
    decline_reason: m.declineReason,
    published: m.published ? 1 : 0,
    rating: m.rating,
    rating_comment: m.ratingComment,
    sender_key: m.senderKey,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
}

function toMessage(r: MessageRow): Message {
  return {
    id: r.id,
    trackingCode: r.tracking_code,
    orgId: r.org_id,
    kind: r.kind as Message['kind'],
    title: r.title,
    body: r.body,
    name: r.name,
    contactSealed: r.contact_sealed,
    publicConsent: r.public_consent === 1,
    state: r.state as Message['state'],
    receivedOn: r.received_on,
    acceptedOn: r.accepted_on,
    transferredOn: r.transferred_on,
    transfers: JSON.parse(r.transfers) as MessageTransfer[],
    answer: r.answer,
    answeredOn: r.answered_on,
    answeredBy: r.answered_by,
    declineReason: r.decline_reason,
    published: r.published === 1,
    rating: r.rating as Message['rating'],
    ratingComment: r.rating_comment,
    senderKey: r.sender_key,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
