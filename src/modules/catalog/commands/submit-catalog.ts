import type { Clock } from '../../../platform/clock.ts';
import { CATALOG_TEXT } from '../strings.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import { ELEMENT_LABELS, validateEntry, type Element } from '../domain/entry.ts';
import { transitionVersion, type CatalogVersion } from '../domain/version.ts';
import { catalogActorId, loadVersionFor, recordCatalogChange, type CatalogStores } from './catalog-context.ts';

/**
 * Sends a unit's catalog to the district government office for review (plan §三.1). Every entry
 * must be complete; the problems are listed entry by entry.
 * @throws DomainError `validation_failed`, `invalid_transition`, `not_found`.
 */
export async function submitCatalog(options: {
  uow: UnitOfWork<CatalogStores>;
  clock: Clock;
  actor: Actor;
  versionId: string;
}): Promise<CatalogVersion> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const { version } = await loadVersionFor(stores, options.actor, options.versionId, 'submit');
    const entries = await stores.catalogs.entriesOf(version.id);
    if (entries.length === 0) {
      throw new DomainError('validation_failed', {
        fields: [{ field: 'entries', message: CATALOG_TEXT.catalogEmpty }],
      });
    }
    const localFields = await stores.catalogs.localFields();
    const issues = entries.flatMap((entry) =>
      validateEntry(entry, localFields).map((issue) => ({
        field: `entry-${entry.id}`,
        message: `“${entry.itemL1}${entry.itemL2 ? ` / ${entry.itemL2}` : ''}”的${ELEMENT_LABELS[issue.field as Element] ?? issue.field}：${issue.message}`,
      })),
    );
    if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
    const after = transitionVersion(version, { type: 'submit' }, catalogActorId(options.actor), now);
    await stores.catalogs.updateVersion(after, version.state);
    await recordCatalogChange(stores.audit, options.actor, now, 'catalog.submitted', after, {
      before: { state: version.state },
      after: { state: after.state, entries: entries.length },
    });
    return after;
  });
}
