import type { Clock } from '../../../platform/clock.ts';
import { ORG_TEXT } from '../strings.ts';
import { orgEntry } from '../audit-actions.ts';
import { DomainError, assertNoFieldIssues } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import { auditActor, requirePermission, type Actor } from '../../access/index.ts';
import { childPath, defaultLevels, validateOrgInput, type Org, type OrgInput } from '../domain/org.ts';
import type { OrgStore } from '../ports.ts';

/**
 * Adds a unit under `parentId` (or the district itself when there is no parent yet).
 * @throws DomainError `validation_failed`, `conflict` (code taken), `out_of_scope`/`forbidden`.
 */
export async function createOrg(options: {
  uow: UnitOfWork<{ orgs: OrgStore; audit: AuditLog }>;
  clock: Clock;
  actor: Actor;
  parentId: string | null;
  input: OrgInput;
  isDemo?: boolean;
}): Promise<Org> {
  const { actor, input } = options;
  return options.uow.run(async ({ orgs, audit }) => {
    const parent = options.parentId === null ? null : ((await orgs.getById(options.parentId)) ?? null);
    if (options.parentId !== null && parent === null) {
      throw new DomainError('validation_failed', { fields: [{ field: 'parentId', message: ORG_TEXT.parentMissing }] });
    }
    requirePermission(actor, 'org.manage', parent?.path ?? '/');
    assertNoFieldIssues(validateOrgInput(input, parent));
    if (await orgs.getByCode(input.code)) {
      throw new DomainError('validation_failed', { fields: [{ field: 'code', message: ORG_TEXT.codeTaken }] });
    }
    const id = newId();
    const org: Org = {
      id,
      parentId: parent?.id ?? null,
      path: childPath(parent, id),
      depth: parent ? parent.depth + 1 : 0,
      type: input.type,
      code: input.code,
      name: input.name.trim(),
      shortName: input.shortName?.trim() || input.name.trim(),
      creditCode: input.creditCode || null,
      levels: input.levels ?? defaultLevels(input.type),
      sortOrder: input.sortOrder ?? 0,
      isDemo: options.isDemo ?? false,
    };
    await orgs.insert(org);
    await audit.append(
      orgEntry(auditActor(actor), options.clock.now(), {
        action: 'org.created',
        entityType: 'org',
        entityId: org.id,
        orgId: org.id,
        after: org,
      }),
    );
    return org;
  });
}
