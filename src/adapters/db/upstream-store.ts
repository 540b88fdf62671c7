import { sql, type Kysely, type Selectable } from 'kysely';
import type { OutboxStatus, UpstreamStore } from '../../modules/requests/ports.ts';
import { toCount } from './dialect.ts';
import type { Database, UpstreamOutboxRow } from './schema.ts';

/** Nonces and the status outbox of the link with the provincial platform. */
export function createUpstreamStore(db: Kysely<Database>): UpstreamStore {
  const unsent = () => db.selectFrom('foi_upstream_outbox as o').selectAll('o').where('o.sent_at', 'is', null);
  /** No earlier status of the same request is still unsent. */
  const isHead = sql<boolean>`not exists (select 1 from foi_upstream_outbox p where p.request_id = o.request_id and p.sent_at is null and p.seq < o.seq)`;
  const headOf = async (requestId: string) => {
    const row = await unsent().where('o.request_id', '=', requestId).orderBy('o.seq').limit(1).executeTakeFirst();
    return row && fromRow(row);
  };
  return {
    headOf,
    async claimNonce(nonce, expiresAt) {
      // ON CONFLICT DO NOTHING on both databases: a second instance's insert waits for the first
      // one's commit (PostgreSQL) and then inserts nothing.
      const result = await db
        .insertInto('upstream_nonces')
        .values({ nonce, expires_at: expiresAt })
        .onConflict((oc) => oc.column('nonce').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    async pruneNonces(now) {
      await db.deleteFrom('upstream_nonces').where('expires_at', '<', now).execute();
    },
    async enqueue(status) {
      await db
        .insertInto('foi_upstream_outbox')
        .values({
          id: status.id,
          request_id: status.requestId,
          org_id: status.orgId,
          seq: status.seq,
          body: status.body,
          created_at: status.createdAt,
          attempts: 0,
          next_attempt_at: status.createdAt,
          lease_until: null,
          last_error: null,
          sent_at: null,
        })
        .execute();
    },
    async dueHeads(now, limit) {
      const rows = await unsent()
        .where(isHead)
        .where('o.next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('o.lease_until', 'is', null), eb('o.lease_until', '<=', now)]))
        .orderBy('o.next_attempt_at')
        .orderBy('o.created_at')
        .orderBy('o.id')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
    async lease(id, now, leaseUntil) {
      const result = await db
        .updateTable('foi_upstream_outbox')
        .set({ lease_until: leaseUntil })
        .where('id', '=', id)
        .where('sent_at', 'is', null)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async markSent(id, at, attempts) {
      await db
        .updateTable('foi_upstream_outbox')
        .set({ sent_at: at, attempts, lease_until: null })
        .where('id', '=', id)
        .execute();
    },
    async markFailed(id, failure) {
      await db
        .updateTable('foi_upstream_outbox')
        .set({
          attempts: failure.attempts,
          next_attempt_at: failure.nextAttemptAt,
          last_error: failure.lastError,
          lease_until: null,
        })
        .where('id', '=', id)
        .execute();
    },
    async deliveryOf(requestId) {
      const [counts, head] = await Promise.all([
        db
          .selectFrom('foi_upstream_outbox')
          .where('request_id', '=', requestId)
          .select([
            sql<number>`sum(case when sent_at is null then 0 else 1 end)`.as('sent'),
            sql<number>`sum(case when sent_at is null then 1 else 0 end)`.as('waiting'),
          ])
          .executeTakeFirst(),
        headOf(requestId),
      ]);
      return {
        sent: toCount(counts?.sent),
        waiting: toCount(counts?.waiting),
        attempts: head?.attempts ?? 0,
        nextAttemptAt: head?.nextAttemptAt ?? null,
        lastError: head?.lastError ?? null,
      };
    },
  };
}

function fromRow(row: Selectable<UpstreamOutboxRow>): OutboxStatus {
  return {
    id: row.id,
    requestId: row.request_id,
    orgId: row.org_id,
    seq: Number(row.seq),
    body: row.body,
    createdAt: row.created_at,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    sentAt: row.sent_at,
  };
}
