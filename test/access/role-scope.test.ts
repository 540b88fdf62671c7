import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEntries } from '../../src/modules/audit/queries/find-audit-entries.ts';
import { createUser } from '../../src/modules/auth/commands/create-user.ts';
import { systemActor, type StaffActor } from '../../src/modules/access/domain/actor.ts';
import { ROLES, type Role } from '../../src/modules/access/domain/roles.ts';
import { createDraft } from '../../src/modules/documents/commands/create-draft.ts';
import { publishEdition } from '../../src/modules/documents/commands/publish-edition.ts';
import { submitEdition } from '../../src/modules/documents/commands/submit-edition.ts';
import { updateDraft } from '../../src/modules/documents/commands/update-draft.ts';
import { withdrawEdition } from '../../src/modules/documents/commands/withdraw-edition.ts';
import { findEditions } from '../../src/modules/documents/queries/find-editions.ts';
import { getStaffDocument } from '../../src/modules/documents/queries/get-document.ts';
import { DomainError } from '../../src/platform/errors.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { FIXTURE_UNITS, sampleContent, seedFixture, type Fixture } from '../fixtures.ts';

/**
 * Every staff role, held in a department and in a town, tried against every unit of the fixture
 * district: reads and changes succeed inside the holder's subtree when the role allows them, and
 * nothing outside the subtree is ever read or changed.
 */
const UNIT_CODES = FIXTURE_UNITS.map((u) => u.code);

/** Which units each holder's subtree contains, written out by hand from the fixture tree. */
const SUBTREE: Record<string, string[]> = {
  edu: ['edu', 'school'],
  town: ['town', 'vil'],
  dist: ['dist', 'edu', 'civ', 'town', 'vil', 'school'],
};

type Operation = 'list' | 'readDraft' | 'createDraft' | 'editDraft' | 'publish' | 'withdraw' | 'createUser';
const OPERATIONS: Operation[] = ['list', 'readDraft', 'createDraft', 'editDraft', 'publish', 'withdraw', 'createUser'];

/** What each role may do inside its subtree, written out by hand from the roles' descriptions. */
const ALLOWED: Record<Role, Operation[]> = {
  editor: ['list', 'readDraft', 'createDraft', 'editDraft'],
  reviewer: ['list', 'readDraft', 'createDraft', 'editDraft', 'publish', 'withdraw'],
  foi_officer: ['list', 'readDraft'],
  interaction_officer: ['list', 'readDraft'],
  unit_admin: ['list', 'readDraft', 'createUser'],
  district_admin: ['list', 'readDraft', 'createUser'],
  system_admin: ['list', 'readDraft', 'createUser'],
};

describe.each(DIALECTS)('role × organisation on $name', (dialect) => {
  let app: TestApp;
  let fixture: Fixture;
  let userCounter = 0;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    const grants = ROLES.flatMap((role) => [
      { role, org: 'edu' },
      { role, org: 'town' },
    ]);
    // Authors and reviewers who set up each unit's documents.
    for (const code of UNIT_CODES) grants.push({ role: 'editor', org: code }, { role: 'reviewer', org: code });
    fixture = await seedFixture(
      app,
      grants.filter((g, i) => grants.findIndex((o) => o.role === g.role && o.org === g.org) === i),
    );
  });

  afterAll(async () => {
    await app.cleanup();
  });

  const deps = () => ({ uow: app.uow, clock: app.clock, sanitiser: app.sanitiser });

  /** A document of the target unit in the given state, written by that unit's own staff. */
  async function documentIn(code: string, state: 'draft' | 'submitted' | 'published') {
    const editor = fixture.staff(`${code}.editor`);
    const { document, edition } = await createDraft({
      ...deps(),
      actor: editor,
      orgId: fixture.orgs.get(code)!.id,
      input: sampleContent({ title: `${code} 的${state}文件`, docNumber: null }),
    });
    if (state === 'draft') return { document, edition };
    await submitEdition({ ...deps(), actor: editor, editionId: edition.id });
    if (state === 'submitted') return { document, edition };
    const live = await publishEdition({ ...deps(), actor: fixture.staff(`${code}.reviewer`), editionId: edition.id });
    return { document, edition: live };
  }

  async function attempt(actor: StaffActor, operation: Operation, code: string): Promise<boolean> {
    const orgId = fixture.orgs.get(code)!.id;
    try {
      switch (operation) {
        case 'list': {
          const { document } = await documentIn(code, 'draft');
          const result = await findEditions({
            documents: app.stores.documents,
            actor,
            filter: { orgId },
            page: { offset: 0, limit: 500 },
          });
          return result.items.some((item) => item.document.id === document.id);
        }
        case 'readDraft': {
          const { document } = await documentIn(code, 'draft');
          await getStaffDocument({
            documents: app.stores.documents,
            orgs: app.stores.orgs,
            actor,
            documentId: document.id,
          });
          return true;
        }
        case 'createDraft':
          await createDraft({ ...deps(), actor, orgId, input: sampleContent({ docNumber: null }) });
          return true;
        case 'editDraft': {
          const { edition } = await documentIn(code, 'draft');
          await updateDraft({
            ...deps(),
            actor,
            editionId: edition.id,
            input: sampleContent({ title: '改后的标题', docNumber: null }),
          });
          return true;
        }
        case 'publish': {
          const { edition } = await documentIn(code, 'submitted');
          await publishEdition({ ...deps(), actor, editionId: edition.id });
          return true;
        }
        case 'withdraw': {
          const { edition } = await documentIn(code, 'published');
          await withdrawEdition({ ...deps(), actor, editionId: edition.id, reason: '测试撤回' });
          return true;
        }
        case 'createUser':
          userCounter++;
          await createUser({
            ...deps(),
            hasher: app.hasher,
            actor,
            input: {
              username: `made.${userCounter}`,
              displayName: '新建账号',
              homeOrgId: orgId,
              password: 'strong-password-123',
              grants: [{ role: 'editor', orgId }],
            },
          });
          return true;
        default: {
          const unreachable: never = operation;
          return unreachable;
        }
      }
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  }

  const cases = ROLES.flatMap((role) =>
    ['edu', 'town'].flatMap((holder) =>
      UNIT_CODES.flatMap((target) =>
        OPERATIONS.map((operation) => ({
          role,
          holder,
          target,
          operation,
          expected: SUBTREE[holder]!.includes(target) && ALLOWED[role].includes(operation),
        })),
      ),
    ),
  );

  it.each(cases)(
    '$role of $holder: $operation in $target → $expected',
    async ({ role, holder, target, operation, expected }) => {
      expect(await attempt(fixture.staff(`${holder}.${role}`), operation, target)).toBe(expected);
    },
  );

  it('shows a unit admin only the audit entries of their own subtree', async () => {
    const admin = fixture.staff('edu.unit_admin');
    const result = await findAuditEntries({
      audit: app.stores.audit,
      actor: admin,
      filter: {},
      page: { offset: 0, limit: 10_000 },
    });
    const allowed = new Set(SUBTREE.edu!.map((code) => fixture.orgs.get(code)!.id));
    expect(result.total).toBeGreaterThan(0);
    expect(result.items.every((entry) => entry.orgId !== null && allowed.has(entry.orgId))).toBe(true);
  });

  it('refuses the audit log to roles without the audit permission', async () => {
    await expect(
      findAuditEntries({
        audit: app.stores.audit,
        actor: fixture.staff('edu.editor'),
        filter: {},
        page: { offset: 0, limit: 10 },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets the system itself act everywhere (used by the command line and jobs only)', async () => {
    const result = await findEditions({
      documents: app.stores.documents,
      actor: systemActor('test'),
      filter: {},
      page: { offset: 0, limit: 1 },
    });
    expect(result.total).toBeGreaterThan(0);
  });
});
