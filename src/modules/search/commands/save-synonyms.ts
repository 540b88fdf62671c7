import type { Clock } from '../../../platform/clock.ts';
import { assertNoFieldIssues } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import { auditActor, requireGlobalPermission, type Actor } from '../../access/index.ts';
import { searchEntry } from '../audit-actions.ts';
import { parseSynonymGroups } from '../domain/synonyms.ts';
import type { SynonymStore } from '../ports.ts';

/**
 * Replaces the district's search synonym groups with the ones written in `text` (one group per
 * line). District-wide settings: the holders of `calendar.manage` (district and system
 * administrators) edit them. Audited with the groups before and after.
 * @throws DomainError `validation_failed` (naming the line), `forbidden`, `unauthenticated`.
 */
export async function saveSynonyms(options: {
  uow: UnitOfWork<{ synonyms: SynonymStore; audit: AuditLog }>;
  clock: Clock;
  actor: Actor;
  text: string;
}): Promise<string[][]> {
  requireGlobalPermission(options.actor, 'calendar.manage');
  const { groups, issues } = parseSynonymGroups(options.text);
  assertNoFieldIssues(issues);
  const now = options.clock.now();
  return options.uow.run(async ({ synonyms, audit }) => {
    const before = await synonyms.list();
    const by = options.actor.kind === 'staff' ? options.actor.userId : 'system';
    await synonyms.replaceAll(groups, now, by);
    await audit.append(
      searchEntry(auditActor(options.actor), now, {
        action: 'search.synonyms_updated',
        entityType: 'search_synonyms',
        entityId: 'district',
        before: { groups: before },
        after: { groups },
      }),
    );
    return groups;
  });
}
