import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.ts';
import {
  PUBLIC_ACTOR,
  auditActor,
  can,
  canAnywhere,
  canGrant,
  requireGlobalPermission,
  requirePermission,
  scopeFor,
  scopeIncludes,
  systemActor,
  type Actor,
  type RoleGrant,
} from './actor.ts';
import { PERMISSIONS, ROLES, type Permission, type Role } from './roles.ts';

/** The district, one department, a town with a village, and a second town whose id shares a prefix. */
const DISTRICT = '/d/';
const EDU = '/d/edu/';
const TOWN = '/d/town/';
const VILLAGE = '/d/town/vil/';
const OTHER_TOWN = '/d/town2/';

function staff(...grants: [Role, string][]): Actor {
  return {
    kind: 'staff',
    userId: 'u1',
    username: 'zhangsan',
    displayName: '张三',
    homeOrgId: 'town',
    grants: grants.map(([role, orgPath]): RoleGrant => ({ role, orgId: orgPath, orgPath })),
    ip: '10.0.0.1',
  };
}

/** What each role lets its holder do, written out from the role descriptions. */
const EXPECTED_PERMISSIONS: Record<Role, Permission[]> = {
  // The unit's own staff draft and submit its standard catalog; the district office approves it.
  editor: ['document.read', 'document.draft', 'catalog.edit'],
  reviewer: ['document.read', 'document.review', 'catalog.edit'],
  // The unit's annual report is compiled by its disclosure officer or its administrator.
  foi_officer: ['document.read', 'request.handle', 'report.edit'],
  interaction_officer: ['document.read', 'interaction.handle'],
  unit_admin: ['document.read', 'document.force_publish', 'user.manage', 'audit.read', 'catalog.edit', 'report.edit'],
  district_admin: [
    'document.read',
    'document.force_publish',
    'user.manage',
    'audit.read',
    'catalog.approve',
    'calendar.manage',
    'request.texts',
    'report.edit',
    'report.district',
  ],
  system_admin: ['document.read', 'user.manage', 'org.manage', 'audit.read', 'calendar.manage', 'settings.manage'],
};

/** Which roles each role may hand out: unit and district admins appoint staff; only a system admin appoints admins above that. */
const EXPECTED_GRANTABLE: Record<Role, Role[]> = {
  editor: [],
  reviewer: [],
  foi_officer: [],
  interaction_officer: [],
  unit_admin: ['editor', 'reviewer', 'foi_officer', 'interaction_officer', 'unit_admin'],
  district_admin: ['editor', 'reviewer', 'foi_officer', 'interaction_officer', 'unit_admin'],
  system_admin: [...ROLES],
};

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

const roleByPermission = ROLES.flatMap((role) =>
  PERMISSIONS.map((permission) => ({ role, permission, holds: EXPECTED_PERMISSIONS[role].includes(permission) })),
);

describe('a role held in a town', () => {
  it.each(roleByPermission)(
    '$role in the town: $permission for the town and its village = $holds, never for another town or the district',
    ({ role, permission, holds }) => {
      const actor = staff([role, TOWN]);
      expect(can(actor, permission, TOWN)).toBe(holds);
      expect(can(actor, permission, VILLAGE)).toBe(holds);
      expect(can(actor, permission, OTHER_TOWN)).toBe(false);
      expect(can(actor, permission, EDU)).toBe(false);
      expect(can(actor, permission, DISTRICT)).toBe(false);
    },
  );

  it.each(roleByPermission)('$role in the town: scopeFor $permission', ({ role, permission, holds }) => {
    expect(scopeFor(staff([role, TOWN]), permission)).toEqual({ kind: 'subtrees', paths: holds ? [TOWN] : [] });
  });

  it.each(roleByPermission)(
    '$role in the town: requirePermission $permission passes in the village, and elsewhere says why not',
    ({ role, permission, holds }) => {
      const actor = staff([role, TOWN]);
      expect(errorCode(() => requirePermission(actor, permission, VILLAGE))).toBe(holds ? undefined : 'forbidden');
      expect(errorCode(() => requirePermission(actor, permission, OTHER_TOWN))).toBe(
        holds ? 'out_of_scope' : 'forbidden',
      );
    },
  );
});

describe('a role held in the district', () => {
  it.each(roleByPermission)('$role in the district: $permission everywhere = $holds', ({ role, permission, holds }) => {
    const actor = staff([role, DISTRICT]);
    for (const path of [DISTRICT, EDU, TOWN, VILLAGE, OTHER_TOWN]) expect(can(actor, permission, path)).toBe(holds);
  });
});

describe('canGrant', () => {
  const cases = ROLES.flatMap((granter) =>
    ROLES.map((role) => ({ granter, role, allowed: EXPECTED_GRANTABLE[granter].includes(role) })),
  );

  it.each(cases)(
    '$granter in the town may grant $role in its village: $allowed; in another town or the district: false',
    ({ granter, role, allowed }) => {
      const actor = staff([granter, TOWN]);
      expect(canGrant(actor, role, VILLAGE)).toBe(allowed);
      expect(canGrant(actor, role, TOWN)).toBe(allowed);
      expect(canGrant(actor, role, OTHER_TOWN)).toBe(false);
      expect(canGrant(actor, role, DISTRICT)).toBe(false);
    },
  );

  it('lets a role from one grant be handed out only inside that grant’s subtree', () => {
    // Unit admin in the education bureau, mere editor in the town.
    const actor = staff(['unit_admin', EDU], ['editor', TOWN]);
    expect(canGrant(actor, 'reviewer', EDU)).toBe(true);
    expect(canGrant(actor, 'reviewer', TOWN)).toBe(false);
  });
});

describe('several grants', () => {
  it.each([
    {
      why: 'a duplicate grant',
      grants: [
        ['reviewer', TOWN],
        ['reviewer', TOWN],
      ],
      paths: [TOWN],
    },
    {
      why: 'two roles in one unit',
      grants: [
        ['editor', TOWN],
        ['reviewer', TOWN],
      ],
      paths: [TOWN],
    },
    {
      why: 'a village inside a town',
      grants: [
        ['editor', VILLAGE],
        ['reviewer', TOWN],
      ],
      paths: [TOWN],
    },
    {
      why: 'a town, then its village',
      grants: [
        ['reviewer', TOWN],
        ['editor', VILLAGE],
      ],
      paths: [TOWN],
    },
    {
      why: 'the district over all',
      grants: [
        ['editor', TOWN],
        ['reviewer', DISTRICT],
        ['editor', EDU],
      ],
      paths: [DISTRICT],
    },
    {
      why: 'two sibling units',
      grants: [
        ['editor', EDU],
        ['reviewer', TOWN],
      ],
      paths: [EDU, TOWN],
    },
    {
      why: 'two towns whose ids share a prefix',
      grants: [
        ['editor', TOWN],
        ['editor', OTHER_TOWN],
      ],
      paths: [TOWN, OTHER_TOWN],
    },
  ] as { why: string; grants: [Role, string][]; paths: string[] }[])(
    'collapse into the broadest subtrees: $why → $paths',
    ({ grants, paths }) => {
      expect(scopeFor(staff(...grants), 'document.read')).toEqual({ kind: 'subtrees', paths });
    },
  );

  it('reach only the permission each grant carries', () => {
    const actor = staff(['editor', TOWN], ['reviewer', VILLAGE]);
    expect(can(actor, 'document.review', VILLAGE)).toBe(true);
    expect(can(actor, 'document.review', TOWN)).toBe(false);
    expect(scopeFor(actor, 'document.draft')).toEqual({ kind: 'subtrees', paths: [TOWN] });
    expect(scopeFor(actor, 'document.review')).toEqual({ kind: 'subtrees', paths: [VILLAGE] });
  });
});

describe('a staff member with no grants', () => {
  const actor = staff();
  it.each(PERMISSIONS)('sees nothing and may do nothing for %s', (permission) => {
    const scope = scopeFor(actor, permission);
    expect(scope).toEqual({ kind: 'subtrees', paths: [] });
    expect(scopeIncludes(scope, DISTRICT)).toBe(false);
    expect(can(actor, permission, DISTRICT)).toBe(false);
    expect(canAnywhere(actor, permission)).toBe(false);
    expect(errorCode(() => requirePermission(actor, permission, DISTRICT))).toBe('forbidden');
  });

  it('may grant nothing', () => {
    for (const role of ROLES) expect(canGrant(actor, role, VILLAGE)).toBe(false);
  });
});

describe('the public and the system', () => {
  it.each(PERMISSIONS)('the public has the public scope only and must sign in for %s', (permission) => {
    expect(scopeFor(PUBLIC_ACTOR, permission)).toEqual({ kind: 'public' });
    expect(can(PUBLIC_ACTOR, permission, VILLAGE)).toBe(false);
    expect(canAnywhere(PUBLIC_ACTOR, permission)).toBe(false);
    expect(errorCode(() => requirePermission(PUBLIC_ACTOR, permission, VILLAGE))).toBe('unauthenticated');
    expect(errorCode(() => requireGlobalPermission(PUBLIC_ACTOR, permission))).toBe('unauthenticated');
  });

  it.each(PERMISSIONS)('the system sees and may do everything for %s', (permission) => {
    const system = systemActor('scheduler');
    expect(scopeFor(system, permission)).toEqual({ kind: 'all' });
    expect(can(system, permission, OTHER_TOWN)).toBe(true);
    expect(errorCode(() => requirePermission(system, permission, VILLAGE))).toBeUndefined();
    expect(errorCode(() => requireGlobalPermission(system, permission))).toBeUndefined();
  });

  it('the public may grant nothing; the system may grant anything', () => {
    for (const role of ROLES) {
      expect(canGrant(PUBLIC_ACTOR, role, VILLAGE)).toBe(false);
      expect(canGrant(systemActor('cli'), role, VILLAGE)).toBe(true);
    }
  });
});

describe('scopeIncludes', () => {
  it.each([
    { scope: { kind: 'all' as const }, path: VILLAGE, expected: true },
    { scope: { kind: 'public' as const }, path: VILLAGE, expected: false },
    { scope: { kind: 'subtrees' as const, paths: [TOWN] }, path: VILLAGE, expected: true },
    { scope: { kind: 'subtrees' as const, paths: [TOWN] }, path: TOWN, expected: true },
    { scope: { kind: 'subtrees' as const, paths: [TOWN] }, path: OTHER_TOWN, expected: false },
    { scope: { kind: 'subtrees' as const, paths: [TOWN] }, path: DISTRICT, expected: false },
    { scope: { kind: 'subtrees' as const, paths: [EDU, OTHER_TOWN] }, path: OTHER_TOWN, expected: true },
  ])('$scope includes $path: $expected', ({ scope, path, expected }) => {
    expect(scopeIncludes(scope, path)).toBe(expected);
  });
});

describe('requireGlobalPermission', () => {
  it('lets a permission held in any one unit apply everywhere', () => {
    expect(errorCode(() => requireGlobalPermission(staff(['system_admin', DISTRICT]), 'settings.manage'))).toBe(
      undefined,
    );
    expect(errorCode(() => requireGlobalPermission(staff(['district_admin', TOWN]), 'calendar.manage'))).toBe(
      undefined,
    );
  });

  it('refuses staff who hold the permission nowhere', () => {
    expect(errorCode(() => requireGlobalPermission(staff(['editor', DISTRICT]), 'settings.manage'))).toBe('forbidden');
  });
});

describe('auditActor', () => {
  it.each([
    { actor: staff(['editor', TOWN]), expected: { id: 'u1', name: '张三(zhangsan)', ip: '10.0.0.1' } },
    { actor: { kind: 'public', ip: '203.0.113.9' } as Actor, expected: { id: null, name: '公众', ip: '203.0.113.9' } },
    { actor: PUBLIC_ACTOR, expected: { id: null, name: '公众', ip: null } },
    { actor: systemActor('scheduler'), expected: { id: null, name: '系统(scheduler)', ip: null } },
  ])('records $expected.name', ({ actor, expected }) => {
    expect(auditActor(actor)).toEqual(expected);
  });
});
