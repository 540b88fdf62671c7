import type { Clock } from '../../../platform/clock.ts';
import { CATALOG_TEXT } from '../strings.ts';
import { catalogEntry } from '../audit-actions.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import { auditActor, requireGlobalPermission, type Actor } from '../../access/index.ts';
import { PILOT_FIELDS } from '../../../reference/pilot-fields.ts';
import type { LocalField } from '../domain/entry.ts';
import type { CatalogStore } from '../ports.ts';

/**
 * Adds a field of the district's own beyond the 26 pilot fields (plan §二: "explore a local general
 * standard"), coded L01, L02 … in the order they are added. Only the district office does this.
 * @throws DomainError `validation_failed` (empty or duplicate name), `forbidden`.
 */
export async function addLocalField(options: {
  uow: UnitOfWork<{ catalogs: CatalogStore; audit: AuditLog }>;
  clock: Clock;
  actor: Actor;
  name: string;
}): Promise<LocalField> {
  requireGlobalPermission(options.actor, 'catalog.approve');
  const name = options.name.trim();
  if (name.length < 2 || name.length > 20) {
    throw new DomainError('validation_failed', {
      fields: [{ field: 'name', message: CATALOG_TEXT.localFieldNameLength }],
    });
  }
  const now = options.clock.now();
  return options.uow.run(async ({ catalogs, audit }) => {
    const existing = await catalogs.localFields();
    if (existing.some((f) => f.name === name) || PILOT_FIELDS.some((f) => f.name === name)) {
      throw new DomainError('validation_failed', {
        fields: [{ field: 'name', message: CATALOG_TEXT.localFieldExists }],
      });
    }
    const field: LocalField = { code: `L${String(existing.length + 1).padStart(2, '0')}`, name };
    await catalogs.insertLocalField(field, now);
    await audit.append(
      catalogEntry(auditActor(options.actor), now, {
        action: 'catalog.local_field_added',
        entityType: 'catalog',
        entityId: field.code,
        after: field,
      }),
    );
    return field;
  });
}
