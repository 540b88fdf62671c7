import type { Kysely } from 'kysely';
import {
  computeAuditHash,
  GENESIS_HASH,
  canonicalJson,
  type AuditEntry,
} from '../../modules/audit/domain/audit-entry.ts';
import type { AuditStore } from '../../modules/audit/ports.ts';
import { pathInSubtrees } from './access.ts';
import { toCount, type DialectQuirks } from './dialect.ts';
import type { AuditRow, Database } from './schema.ts';

/** Arbitrary constant naming the audit chain's advisory lock on PostgreSQL. */
const AUDIT_CHAIN_LOCK = 7_310_001;

/**
 * The audit log. `append` must run inside the transaction of the change it records: it locks the
 * chain, reads the head, links the new row to it and moves the head, all or nothing.
 */
export function createAuditStore(db: Kysely<Database>, quirks: DialectQuirks): AuditStore {
  return {
    async append(entry) {
      await quirks.lockChain(db, AUDIT_CHAIN_LOCK);
      const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
      const seq = (head?.seq ?? 0) + 1;
      const prevHash = head?.hash ?? GENESIS_HASH;
      const unhashed = { ...entry, seq, prevHash };
      const full: AuditEntry = { ...unhashed, hash: computeAuditHash(unhashed) };
      await db.insertInto('audit_log').values(toRow(full)).execute();
      if (head) {
        await db.updateTable('audit_head').set({ seq, hash: full.hash }).where('id', '=', 1).execute();
      } else {
        await db.insertInto('audit_head').values({ id: 1, seq, hash: full.hash }).execute();
      }
      return full;
    },
    async find(filter, page) {
      let query = db.selectFrom('audit_log').leftJoin('orgs', 'orgs.id', 'audit_log.org_id');
      if (filter.actorId) query = query.where('audit_log.actor_id', '=', filter.actorId);
      if (filter.action) query = query.where('audit_log.action', '=', filter.action);
      if (filter.entityType) query = query.where('audit_log.entity_type', '=', filter.entityType);
      if (filter.entityId) query = query.where('audit_log.entity_id', '=', filter.entityId);
      if (filter.from) query = query.where('audit_log.at', '>=', filter.from);
      if (filter.to) query = query.where('audit_log.at', '<', filter.to);
      if (filter.orgPaths) {
        const paths = filter.orgPaths;
        query = query.where((eb) => pathInSubtrees(eb, 'orgs.path', paths));
      }
      const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      const rows = await query
        .selectAll('audit_log')
        .orderBy('audit_log.seq', 'desc')
        .offset(page.offset)
        .limit(page.limit)
        .execute();
      return { items: rows.map(toEntry), total: toCount(total?.n) };
    },
    async *scan(batchSize) {
      let after = 0;
      for (;;) {
        const rows = await db
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(batchSize)
          .execute();
        if (rows.length === 0) return;
        yield rows.map(toEntry);
        after = rows[rows.length - 1]!.seq;
      }
    },
    async head() {
      const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
      return head;
    },
  };
}

function toRow(entry: AuditEntry): AuditRow {
  return {
    seq: entry.seq,
    at: entry.at,
    actor_id: entry.actorId,
    actor_name: entry.actorName,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    org_id: entry.orgId,
    before_json: canonicalJson(entry.before),
    after_json: canonicalJson(entry.after),
    ip: entry.ip,
    prev_hash: entry.prevHash,
    hash: entry.hash,
  };
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    orgId: row.org_id,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
    ip: row.ip,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
