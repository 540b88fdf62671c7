import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import {
  CHOICE_KINDS,
  DELIVERY_STATES,
  noChoices,
  type Channel,
  type ChoiceKind,
  type Choices,
  type ClaimedDelivery,
  type DeliveryReport,
  type DeliveryState,
  type Frequency,
  type MessageKind,
  type NotificationMessage,
  type NotificationStore,
  type Segment,
  type Subscriber,
  type SubscriberState,
} from '../../modules/notifications/index.ts';
import type { DialectQuirks } from './dialect.ts';
import { toCount } from './dialect.ts';
import type { Database, NotificationMessageRow, SubscriberRow } from './schema.ts';

/** How many ids go into one `in (…)` list: well under both databases' limits on parameters. */
const ID_BATCH = 500;

/**
 * Subscribers, messages and deliveries (migration 0021). Matching a message to subscribers is one
 * INSERT … SELECT in the database, so a message to a hundred thousand subscribers is queued without
 * bringing them into the process.
 */
export function createNotificationStore(db: Kysely<Database>, quirks: DialectQuirks): NotificationStore {
  /** The subscribers a concern matches: for each kind, no choice of it, or a choice among the concern's values. */
  const matching =
    (concern: Choices, channels: readonly Channel[]) =>
    (eb: ExpressionBuilder<Database & { s: SubscriberRow }, 's'>) => {
      const chose = (kind: ChoiceKind) =>
        eb
          .selectFrom('subscriber_choices as c')
          .select(sql<number>`1`.as('one'))
          .whereRef('c.subscriber_id', '=', 's.id')
          .where('c.kind', '=', kind);
      return eb.and([
        eb('s.state', '=', 'active'),
        eb('s.channel', 'in', channels.length > 0 ? [...channels] : ['']),
        ...CHOICE_KINDS.map((kind) =>
          eb.or([
            eb.not(eb.exists(chose(kind))),
            ...(concern[kind].length > 0 ? [eb.exists(chose(kind).where('c.value', 'in', concern[kind]))] : []),
          ]),
        ),
      ]);
    };

  const reportOf = async (messageIds: readonly string[]): Promise<Map<string, DeliveryReport>> => {
    const reports = new Map<string, DeliveryReport>();
    for (const id of messageIds) reports.set(id, emptyReport());
    if (messageIds.length === 0) return reports;
    const rows = await db
      .selectFrom('notification_deliveries')
      .select(['message_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('message_id', 'in', [...messageIds])
      .groupBy(['message_id', 'state'])
      .execute();
    for (const row of rows) {
      const report = reports.get(row.message_id);
      if (report && isDeliveryState(row.state)) report[row.state] = toCount(row.n);
    }
    return reports;
  };

  return {
    async subscriber(id) {
      const row = await db.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toSubscriber(row) : undefined;
    },
    async subscriberByAddress(channel, address) {
      const row = await db
        .selectFrom('subscribers')
        .selectAll()
        .where('channel', '=', channel)
        .where('address', '=', address)
        .executeTakeFirst();
      return row ? toSubscriber(row) : undefined;
    },
    async saveSubscriber(s) {
      const row = fromSubscriber(s);
      const { id: _id, ...changes } = row;
      await db
        .insertInto('subscribers')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute();
    },
    async choicesOf(subscriberId) {
      const rows = await db
        .selectFrom('subscriber_choices')
        .select(['kind', 'value'])
        .where('subscriber_id', '=', subscriberId)
        .execute();
      const choices = noChoices();
      for (const row of rows) if (isChoiceKind(row.kind)) choices[row.kind].push(row.value);
      return choices;
    },
    async replaceChoices(subscriberId, choices) {
      await db.deleteFrom('subscriber_choices').where('subscriber_id', '=', subscriberId).execute();
      const rows = CHOICE_KINDS.flatMap((kind) =>
        choices[kind].map((value) => ({ subscriber_id: subscriberId, kind, value })),
      );
      if (rows.length > 0) await db.insertInto('subscriber_choices').values(rows).execute();
    },
    async eraseSubscriber(subscriberId, now) {
      await db
        .updateTable('notification_deliveries')
        .set({ state: 'unsubscribed', locked_until: null, sent_at: null, next_attempt_at: now.toISOString() })
        .where('subscriber_id', '=', subscriberId)
        .where('state', 'in', ['queued', 'held'])
        .execute();
      await db
        .updateTable('notification_deliveries')
        .set({ subscriber_id: null })
        .where('subscriber_id', '=', subscriberId)
        .execute();
      await db.deleteFrom('subscriber_choices').where('subscriber_id', '=', subscriberId).execute();
      await db.deleteFrom('subscribers').where('id', '=', subscriberId).execute();
    },
    async erasePendingBefore(before) {
      const stale = await db
        .selectFrom('subscribers')
        .select('id')
        .where('state', '=', 'pending')
        .where('created_at', '<', before.toISOString())
        .execute();
      for (const { id } of stale) {
        await db.deleteFrom('subscriber_choices').where('subscriber_id', '=', id).execute();
        await db.deleteFrom('subscribers').where('id', '=', id).execute();
      }
      return stale.length;
    },
    async webhooks() {
      const rows = await db
        .selectFrom('subscribers')
        .selectAll()
        .where('channel', '=', 'webhook')
        .orderBy('created_at')
        .execute();
      return rows.map(toSubscriber);
    },

    async countActive() {
      const rows = await db
        .selectFrom('subscribers')
        .select(['channel', (eb) => eb.fn.countAll<number>().as('n')])
        .where('state', '=', 'active')
        .groupBy('channel')
        .execute();
      const counts: Record<Channel, number> = { email: 0, sms: 0, webhook: 0 };
      for (const row of rows) if (row.channel in counts) counts[row.channel as Channel] = toCount(row.n);
      return counts;
    },

    async addMessage(message) {
      const inserted = await db
        .insertInto('notification_messages')
        .values(fromMessage(message))
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return { message, created: true };
      const row = await db
        .selectFrom('notification_messages')
        .selectAll()
        .where('key', '=', message.key)
        .executeTakeFirstOrThrow();
      return { message: toMessage(row), created: false };
    },
    async message(id) {
      const row = await db.selectFrom('notification_messages').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toMessage(row) : undefined;
    },
    async fanOut(message, concern, options) {
      const at = options.now.toISOString();
      const state = options.respectFrequency
        ? sql<string>`case when s.frequency = 'immediate' or s.channel = 'webhook' then 'queued' else 'held' end`
        : sql<string>`'queued'`;
      await db
        .insertInto('notification_deliveries')
        .columns(['id', 'message_id', 'subscriber_id', 'channel', 'state', 'attempts', 'next_attempt_at', 'created_at'])
        .expression(
          db
            .selectFrom('subscribers as s')
            .select([
              sql<string>`${message.id} || '.' || s.id`.as('id'),
              sql<string>`${message.id}`.as('message_id'),
              's.id as subscriber_id',
              's.channel',
              state.as('state'),
              sql<number>`0`.as('attempts'),
              sql<string>`${at}`.as('next_attempt_at'),
              sql<string>`${at}`.as('created_at'),
            ])
            .where(matching(concern, options.channels))
            .$if(options.confirmedBy !== undefined, (q) =>
              q.where('s.confirmed_at', '<=', options.confirmedBy!.toISOString()),
            ),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      const { n } = await db
        .selectFrom('notification_deliveries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('message_id', '=', message.id)
        .executeTakeFirstOrThrow();
      const recipients = toCount(n);
      await db.updateTable('notification_messages').set({ recipients }).where('id', '=', message.id).execute();
      return recipients;
    },
    async addDelivery(messageId, subscriber, now) {
      const at = now.toISOString();
      await db
        .insertInto('notification_deliveries')
        .values({
          id: `${messageId}.${subscriber.id}`,
          message_id: messageId,
          subscriber_id: subscriber.id,
          channel: subscriber.channel,
          state: 'queued',
          attempts: 0,
          next_attempt_at: at,
          locked_until: null,
          last_error: null,
          digest_id: null,
          created_at: at,
          sent_at: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await db.updateTable('notification_messages').set({ recipients: 1 }).where('id', '=', messageId).execute();
    },
    async countMatching(concern, channels) {
      const { n } = await db
        .selectFrom('subscribers as s')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(matching(concern, channels))
        .executeTakeFirstOrThrow();
      return toCount(n);
    },
    async sampleMatching(concern, channels, limit) {
      const rows = await db
        .selectFrom('subscribers as s')
        .selectAll('s')
        .where(matching(concern, channels))
        .orderBy('s.confirmed_at', 'desc')
        .orderBy('s.id')
        .limit(limit)
        .execute();
      return rows.map(toSubscriber);
    },

    async claimDue(now, leaseUntil, limit) {
      const at = now.toISOString();
      const due = sql<boolean>`(state = 'queued' and next_attempt_at <= ${at}) or (state = 'sending' and locked_until < ${at})`;
      let next = db
        .selectFrom('notification_deliveries')
        .select('id')
        .where(due)
        .orderBy('next_attempt_at')
        .limit(limit);
      // Other processes skip the rows one is claiming instead of waiting for them.
      if (quirks.name === 'postgres') next = next.forUpdate().skipLocked();
      const claimed = await db
        .updateTable('notification_deliveries')
        .set({ state: 'sending', attempts: sql<number>`attempts + 1`, locked_until: leaseUntil.toISOString() })
        .where('id', 'in', next)
        .where(due)
        .returning(['id', 'message_id', 'subscriber_id', 'channel', 'attempts'])
        .execute();
      if (claimed.length === 0) return [];
      const messageIds = [...new Set(claimed.map((row) => row.message_id))];
      const subscriberIds = [...new Set(claimed.flatMap((row) => (row.subscriber_id ? [row.subscriber_id] : [])))];
      const messages = new Map<string, NotificationMessage>();
      for (const ids of chunks(messageIds)) {
        const rows = await db.selectFrom('notification_messages').selectAll().where('id', 'in', ids).execute();
        for (const row of rows) messages.set(row.id, toMessage(row));
      }
      const subscribers = new Map<string, Subscriber>();
      for (const ids of chunks(subscriberIds)) {
        const rows = await db.selectFrom('subscribers').selectAll().where('id', 'in', ids).execute();
        for (const row of rows) subscribers.set(row.id, toSubscriber(row));
      }
      return claimed.flatMap((row): ClaimedDelivery[] => {
        const message = messages.get(row.message_id);
        if (!message) return [];
        return [
          {
            id: row.id,
            channel: row.channel as Channel,
            attempts: row.attempts,
            message,
            subscriber: row.subscriber_id ? subscribers.get(row.subscriber_id) : undefined,
          },
        ];
      });
    },
    async finishDelivery(id, outcome) {
      await db
        .updateTable('notification_deliveries')
        .set({
          state: outcome.state,
          locked_until: null,
          last_error: outcome.error === undefined ? null : (outcome.error?.slice(0, 2000) ?? null),
          ...(outcome.nextAttemptAt ? { next_attempt_at: outcome.nextAttemptAt.toISOString() } : {}),
          ...(outcome.state === 'sent' ? { sent_at: outcome.at.toISOString() } : {}),
        })
        .where('id', '=', id)
        .execute();
    },
    async hasQueued() {
      const row = await db
        .selectFrom('notification_deliveries')
        .select('id')
        .where('state', 'in', ['queued', 'sending'])
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
    async report(messageId) {
      return (await reportOf([messageId])).get(messageId) ?? emptyReport();
    },
    async messages({ orgIds, kinds, offset, limit }) {
      if (orgIds !== null && orgIds.length === 0) return { items: [], total: 0 };
      let query = db.selectFrom('notification_messages').where('kind', 'in', [...kinds]);
      if (orgIds !== null) query = query.where('org_id', 'in', [...orgIds]);
      const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await query
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .offset(offset)
        .limit(limit)
        .execute();
      const reports = await reportOf(rows.map((row) => row.id));
      return {
        items: rows.map((row) => ({ ...toMessage(row), report: reports.get(row.id) ?? emptyReport() })),
        total: toCount(n),
      };
    },

    async subscribersWithHeld(frequency, before, limit) {
      const rows = await db
        .selectFrom('notification_deliveries as d')
        .innerJoin('subscribers as s', 's.id', 'd.subscriber_id')
        .select('s.id')
        .distinct()
        .where('d.state', '=', 'held')
        .where('d.created_at', '<', before.toISOString())
        .where('s.frequency', '=', frequency)
        .orderBy('s.id')
        .limit(limit)
        .execute();
      return rows.map((row) => row.id);
    },
    async heldFor(subscriberId, before) {
      const rows = await db
        .selectFrom('notification_deliveries as d')
        .innerJoin('notification_messages as m', 'm.id', 'd.message_id')
        .leftJoin('orgs as o', 'o.id', 'm.org_id')
        .select(['d.id', 'm.title', 'o.name as org_name', 'd.created_at', 'm.link'])
        .where('d.subscriber_id', '=', subscriberId)
        .where('d.state', '=', 'held')
        .where('d.created_at', '<', before.toISOString())
        .orderBy('d.created_at')
        .orderBy('d.id')
        .execute();
      return rows.map((row) => ({
        deliveryId: row.id,
        title: row.title,
        orgName: row.org_name ?? '',
        createdAt: row.created_at,
        link: row.link,
      }));
    },
    async markDigested(deliveryIds, digestId) {
      for (const ids of chunks(deliveryIds)) {
        await db
          .updateTable('notification_deliveries')
          .set({ state: 'digested', digest_id: digestId })
          .where('id', 'in', ids)
          .where('state', '=', 'held')
          .execute();
      }
    },

    async saveSmsCode(code) {
      const row = {
        phone: code.phone,
        code_hash: code.codeHash,
        expires_at: code.expiresAt.toISOString(),
        tries: 0,
        sent_at: code.sentAt.toISOString(),
      };
      const { phone: _phone, ...changes } = row;
      await db
        .insertInto('sms_codes')
        .values(row)
        .onConflict((oc) => oc.column('phone').doUpdateSet(changes))
        .execute();
    },
    async smsCode(phone) {
      const row = await db.selectFrom('sms_codes').selectAll().where('phone', '=', phone).executeTakeFirst();
      return row
        ? {
            codeHash: row.code_hash,
            expiresAt: new Date(row.expires_at),
            tries: row.tries,
            sentAt: new Date(row.sent_at),
          }
        : undefined;
    },
    async countSmsTry(phone) {
      await db
        .updateTable('sms_codes')
        .set({ tries: sql<number>`tries + 1` })
        .where('phone', '=', phone)
        .execute();
    },
    async deleteSmsCode(phone) {
      await db.deleteFrom('sms_codes').where('phone', '=', phone).execute();
    },
  };
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ID_BATCH) out.push(items.slice(i, i + ID_BATCH));
  return out;
}

function emptyReport(): DeliveryReport {
  return Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0])) as DeliveryReport;
}

function isDeliveryState(state: string): state is DeliveryState {
  return (DELIVERY_STATES as readonly string[]).includes(state);
}

function isChoiceKind(kind: string): kind is ChoiceKind {
  return (CHOICE_KINDS as readonly string[]).includes(kind);
}

function toSubscriber(row: SubscriberRow): Subscriber {
  return {
    id: row.id,
    channel: row.channel as Channel,
    address: row.address,
    label: row.label,
    secret: row.secret,
    state: row.state as SubscriberState,
    frequency: row.frequency as Frequency,
    tokenVersion: Number(row.token_version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    confirmedAt: row.confirmed_at,
    unsubscribedAt: row.unsubscribed_at,
  };
}

function fromSubscriber(s: Subscriber): SubscriberRow {
  return {
    id: s.id,
    channel: s.channel,
    address: s.address,
    label: s.label,
    secret: s.secret,
    state: s.state,
    frequency: s.frequency,
    token_version: s.tokenVersion,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    confirmed_at: s.confirmedAt,
    unsubscribed_at: s.unsubscribedAt,
  };
}

function toMessage(row: NotificationMessageRow): NotificationMessage {
  return {
    id: row.id,
    kind: row.kind as MessageKind,
    key: row.key,
    orgId: row.org_id,
    documentId: row.document_id,
    editionId: row.edition_id,
    title: row.title,
    subject: row.subject,
    body: row.body,
    smsText: row.sms_text,
    link: row.link,
    segment: row.segment ? (JSON.parse(row.segment) as Segment) : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    recipients: Number(row.recipients),
  };
}

function fromMessage(m: NotificationMessage): NotificationMessageRow {
  return {
    id: m.id,
    kind: m.kind,
    key: m.key,
    org_id: m.orgId,
    document_id: m.documentId,
    edition_id: m.editionId,
    title: m.title,
    subject: m.subject,
    body: m.body,
    sms_text: m.smsText,
    link: m.link,
    segment: m.segment ? JSON.stringify(m.segment) : null,
    created_by: m.createdBy,
    created_at: m.createdAt,
    recipients: m.recipients,
  };
}
