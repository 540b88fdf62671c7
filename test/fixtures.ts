import { createUser } from '../src/modules/auth/commands/create-user.ts';
import { systemActor, type StaffActor } from '../src/modules/access/domain/actor.ts';
import type { Role } from '../src/modules/access/domain/roles.ts';
import { buildStaffActor } from '../src/modules/auth/queries/build-actor.ts';
import { createDraft } from '../src/modules/documents/commands/create-draft.ts';
import { publishEdition } from '../src/modules/documents/commands/publish-edition.ts';
import { submitEdition } from '../src/modules/documents/commands/submit-edition.ts';
import type { EditionContentInput } from '../src/modules/documents/domain/metadata.ts';
import type { Edition } from '../src/modules/documents/domain/workflow.ts';
import { createOrg } from '../src/modules/orgs/commands/create-org.ts';
import type { Org, OrgType } from '../src/modules/orgs/domain/org.ts';
import type { TestApp } from './app.ts';

/** The password of every fixture account. */
export const FIXTURE_PASSWORD = 'fixture-password-1';

/**
 * A small district for tests: the district, two departments, a town with a village, and a utility
 * under a department.
 */
export const FIXTURE_UNITS: { code: string; name: string; type: OrgType; parent: string | null }[] = [
  { code: 'dist', name: '测试区人民政府', type: 'district', parent: null },
  { code: 'edu', name: '测试区教育局', type: 'department', parent: 'dist' },
  { code: 'civ', name: '测试区民政局', type: 'department', parent: 'dist' },
  { code: 'town', name: '测试区甲镇人民政府', type: 'town', parent: 'dist' },
  { code: 'vil', name: '甲镇乙村村民委员会', type: 'village', parent: 'town' },
  { code: 'school', name: '测试区第一小学', type: 'utility', parent: 'edu' },
];

export type Fixture = { orgs: Map<string, Org>; staff: (username: string) => StaffActor; usernames: string[] };

/** Creates the fixture units and one account per (role, unit) listed, named `<unit>.<role>`. */
export async function seedFixture(
  app: TestApp,
  grants: { role: Role; org: string; username?: string }[],
): Promise<Fixture> {
  const system = systemActor('test');
  const orgs = new Map<string, Org>();
  for (const unit of FIXTURE_UNITS) {
    const org = await createOrg({
      uow: app.uow,
      clock: app.clock,
      actor: system,
      parentId: unit.parent ? orgs.get(unit.parent)!.id : null,
      input: { type: unit.type, code: unit.code, name: unit.name },
    });
    orgs.set(unit.code, org);
  }
  const actors = new Map<string, StaffActor>();
  for (const grant of grants) {
    const username = grant.username ?? `${grant.org}.${grant.role}`;
    const user = await createUser({
      uow: app.uow,
      clock: app.clock,
      hasher: app.hasher,
      actor: system,
      input: {
        username,
        displayName: `测试账号${username}`,
        homeOrgId: orgs.get(grant.org)!.id,
        password: FIXTURE_PASSWORD,
        grants: [{ role: grant.role, orgId: orgs.get(grant.org)!.id }],
      },
    });
    actors.set(username, await buildStaffActor(app.stores, user, '127.0.0.1'));
  }
  return {
    orgs,
    usernames: [...actors.keys()],
    staff: (username) => {
      const actor = actors.get(username);
      if (!actor) throw new Error(`no fixture account ${username}`);
      return actor;
    },
  };
}

/** Minimal valid content for a draft. */
export function sampleContent(overrides: Partial<EditionContentInput> = {}): EditionContentInput {
  return {
    title: '关于做好2026年春季学期开学工作的通知',
    issuer: '',
    topic: '科技、教育',
    genre: '通知',
    writtenOn: '2026-02-20',
    docNumber: '测教发[2026]3号',
    fieldCode: '24',
    bodyHtml: '<p>各学校：</p><p>现将有关事项通知如下。</p>',
    ...overrides,
  };
}

/** Writes, submits and publishes a document (editor, then a different reviewer). */
export async function publishedDocument(
  app: TestApp,
  fixture: Fixture,
  options: { org: string; editor: string; reviewer: string; content?: Partial<EditionContentInput> },
): Promise<Edition> {
  const { edition } = await createDraft({
    uow: app.uow,
    clock: app.clock,
    sanitiser: app.sanitiser,
    actor: fixture.staff(options.editor),
    orgId: fixture.orgs.get(options.org)!.id,
    input: sampleContent(options.content),
  });
  await submitEdition({ uow: app.uow, clock: app.clock, actor: fixture.staff(options.editor), editionId: edition.id });
  return publishEdition({
    uow: app.uow,
    clock: app.clock,
    actor: fixture.staff(options.reviewer),
    editionId: edition.id,
  });
}
