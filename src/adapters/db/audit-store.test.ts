import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeEntry } from '../../modules/audit/domain/audit-entry.ts';
import { verifyAuditChain } from '../../modules/audit/queries/verify-audit-chain.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { DIALECTS } from '../../../test/databases.ts';

const WHO = { id: 'u1', name: '测试(tester)', ip: '127.0.0.1' };

describe.each(DIALECTS)('audit store on $name', (dialect) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp(dialect);
  });
  afterAll(async () => {
    await app.cleanup();
  });

  /** Appends `count` entries, each in its own transaction as use cases do. */
  async function append(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      await app.uow.run(({ audit }) =>
        audit.append(
          changeEntry(WHO, new Date(Date.UTC(2026, 2, 2, 2, i)), {
            action: 'document.published',
            entityType: 'document',
            entityId: `doc${i}`,
            before: { state: 'submitted', at: new Date(Date.UTC(2026, 2, 1)) },
            after: { state: 'published', 标题: '通知' },
          }),
        ),
      );
    }
  }

  it('links every entry to the one before and numbers them without gaps', async () => {
    await append(6);
    const items = (await app.stores.audit.find({}, { offset: 0, limit: 100 })).items.reverse();
    expect(items.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    items.slice(1).forEach((entry, i) => expect(entry.prevHash).toBe(items[i]!.hash));
    expect(await verifyAuditChain({ audit: app.stores.audit, batchSize: 4 })).toEqual({ ok: true, checked: 6 });
  });

  it('keeps the chain intact under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 8 }, () => append(2)));
    expect(await verifyAuditChain({ audit: app.stores.audit })).toEqual({ ok: true, checked: 22 });
  });

  it('rolls an entry back with the change it records', async () => {
    await expect(
      app.uow.run(async ({ audit }) => {
        await audit.append(
          changeEntry(WHO, new Date(), { action: 'test.x', entityType: 'document', entityId: 'gone' }),
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await verifyAuditChain({ audit: app.stores.audit })).toEqual({ ok: true, checked: 22 });
  });

  it('finds an edited row', async () => {
    await sql`update audit_log set action = 'document.withdrawn' where seq = 3`.execute(app.database.db);
    const report = await verifyAuditChain({ audit: app.stores.audit });
    expect(report).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 3 }, checked: 2 });
    await sql`update audit_log set action = 'document.published' where seq = 3`.execute(app.database.db);
    expect((await verifyAuditChain({ audit: app.stores.audit })).ok).toBe(true);
  });

  it('finds a deleted row in the middle', async () => {
    await sql`delete from audit_log where seq = 5`.execute(app.database.db);
    const report = await verifyAuditChain({ audit: app.stores.audit });
    expect(report).toMatchObject({ ok: false, problem: { kind: 'missing', expectedSeq: 5, afterSeq: 4 } });
    expect(report.ok || report.message).toContain('row 5');
  });

  it('finds deleted newest rows through the head record', async () => {
    const fresh = await createTestApp(dialect);
    try {
      await fresh.uow.run(({ audit }) =>
        audit.append(changeEntry(WHO, new Date(), { action: 'test.a', entityType: 't', entityId: '1' })),
      );
      await fresh.uow.run(({ audit }) =>
        audit.append(changeEntry(WHO, new Date(), { action: 'test.b', entityType: 't', entityId: '2' })),
      );
      await sql`delete from audit_log where seq = 2`.execute(fresh.database.db);
      expect(await verifyAuditChain({ audit: fresh.stores.audit })).toMatchObject({
        ok: false,
        problem: { kind: 'truncated', lastSeq: 1, headSeq: 2 },
      });
    } finally {
      await fresh.cleanup();
    }
  });
});
