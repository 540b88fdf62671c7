import type { Clock } from '../../../platform/clock.ts';
import { ORG_TEXT } from '../strings.ts';
import { orgEntry } from '../audit-actions.ts';
import { DomainError, assertNoFieldIssues } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import { auditActor, requirePermission, type Actor } from '../../access/index.ts';
import { validateOrgInput, type Org, type OrgInput } from '../domain/org.ts';
import type { OrgStore } from '../ports.ts';

/**
 * Changes a unit's names, codes, levels or order; its place in the tree and its type stay.
 * @throws DomainError `not_found`, `validation_failed`, `out_of_scope`/`forbidden`.
 */
export async function updateOrg(options: {
  uow: UnitOfWork<{ orgs: OrgStore; audit: AuditLog }>;
  clock: Clock;
  actor: Actor;
  orgId: string;
  input: Omit<OrgInput, 'type'>;
}): Promise<Org> {
  return options.uow.run(async ({ orgs, audit }) => {
    const before = await orgs.getById(options.orgId);
    if (!before) throw new DomainError('not_found');
    requirePermission(options.actor, 'org.manage', before.path);
    const parent = before.parentId ? ((await orgs.getById(before.parentId)) ?? null) : null;
    assertNoFieldIssues(validateOrgInput({ ...options.input, type: before.type }, parent));
    const holder = await orgs.getByCode(options.input.code);
    if (holder && holder.id !== before.id) {
      throw new DomainError('validation_failed', { fields: [{ field: 'code', message: ORG_TEXT.codeTaken }] });
    }
    const after: Org = {
      ...before,
      code: options.input.code,
      name: options.input.name.trim(),
      shortName: options.input.shortName?.trim() || options.input.name.trim(),
      creditCode: options.input.creditCode || null,
      levels: options.input.levels ?? before.levels,
      sortOrder: options.input.sortOrder ?? before.sortOrder,
    };
    await orgs.update(after);
    await audit.append(
      orgEntry(auditActor(options.actor), options.clock.now(), {
        action: 'org.updated',
        entityType: 'org',
        entityId: after.id,
        orgId: after.id,
        before,
        after,
      }),
    );
    return after;
  });
}
