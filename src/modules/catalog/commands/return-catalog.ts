import type { Clock } from '../../../platform/clock.ts';
import { CATALOG_TEXT } from '../strings.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import { transitionVersion, type CatalogVersion } from '../domain/version.ts';
import { catalogActorId, loadVersionFor, recordCatalogChange, type CatalogStores } from './catalog-context.ts';

/**
 * The district office returns a submitted catalog with an overall comment and comments on
 * individual entries; the unit sees each comment next to its entry.
 * @throws DomainError `validation_failed` (no comment at all), `invalid_transition`, `forbidden`.
 */
export async function returnCatalog(options: {
  uow: UnitOfWork<CatalogStores>;
  clock: Clock;
  actor: Actor;
  versionId: string;
  comment: string;
  /** Entry id → comment; empty comments are ignored. */
  entryComments: Record<string, string>;
}): Promise<CatalogVersion> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const { version } = await loadVersionFor(stores, options.actor, options.versionId, 'return');
    const entries = await stores.catalogs.entriesOf(version.id);
    const comments = Object.entries(options.entryComments)
      .map(([id, text]) => [id, text.trim()] as const)
      .filter(([, text]) => text !== '');
    for (const [id] of comments) {
      if (!entries.some((e) => e.id === id))
        throw new DomainError('validation_failed', {
          fields: [{ field: id, message: CATALOG_TEXT.commentOnUnknownEntry }],
        });
    }
    const after = transitionVersion(
      version,
      { type: 'return', comment: options.comment, entryComments: comments.length },
      catalogActorId(options.actor),
      now,
    );
    for (const entry of entries) {
      const text = comments.find(([id]) => id === entry.id)?.[1] ?? null;
      if (text !== entry.reviewComment) await stores.catalogs.updateEntry({ ...entry, reviewComment: text });
    }
    await stores.catalogs.updateVersion(after, version.state);
    await recordCatalogChange(stores.audit, options.actor, now, 'catalog.returned', after, {
      after: { comment: after.reviewComment, entryComments: Object.fromEntries(comments) },
    });
    return after;
  });
}
