import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import type { DocumentStore, EditionListItem } from '../../documents/index.ts';
import type { Org, OrgStore } from '../../orgs/index.ts';
import type { CatalogEntry } from '../domain/entry.ts';
import { timelinessOf, type Timeliness } from '../domain/timeliness.ts';
import type { CatalogStore } from '../ports.ts';

/** One document measured against its entry's time limit. */
export type TimedDocument = { item: EditionListItem; entry: CatalogEntry; timeliness: Timeliness };

/** A unit's timeliness: late documents, and entries under which nothing has been published. */
export type TimelinessReport = {
  org: Org;
  hasCatalog: boolean;
  documents: TimedDocument[];
  late: TimedDocument[];
  emptyEntries: CatalogEntry[];
  /** Years without holiday data that some due date was counted through. */
  uncoveredYears: number[];
};

/**
 * Checks every published document filed under the unit's published catalog against its entry's
 * time limit, and lists entries with nothing published (plan §四.3: monitoring and assessment).
 * @throws DomainError `not_found` for units outside the reader's subtrees.
 */
export async function timelinessReport(options: {
  stores: { catalogs: CatalogStore; orgs: OrgStore; documents: DocumentStore };
  actor: Actor;
  clock: Clock;
  calendar: WorkingCalendar;
  orgId: string;
}): Promise<TimelinessReport> {
  const { catalogs, orgs, documents } = options.stores;
  const org = await orgs.getById(options.orgId);
  if (!org || !scopeIncludes(scopeFor(options.actor, 'document.read'), org.path)) throw new DomainError('not_found');
  const published = (await catalogs.versionsOf(org.id)).find((v) => v.state === 'published');
  if (!published) return { org, hasCatalog: false, documents: [], late: [], emptyEntries: [], uncoveredYears: [] };
  const entries = await catalogs.entriesOf(published.id);
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const items: EditionListItem[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await documents.findEditions(
      { kind: 'all' },
      { states: ['published'], catalogEntryKeys: [...byKey.keys()], orgSubtreeOf: org.id },
      { offset, limit: 500 },
    );
    items.push(...page.items);
    if (page.items.length < 500) break;
  }
  const today = chinaDate(options.clock.now());
  const timed = items.map((item) => {
    const entry = byKey.get(item.edition.content.catalogEntryKey!)!;
    const timeliness = timelinessOf({
      limit: entry.timeLimit,
      formedOn: item.edition.content.formedOn,
      publishedOn: item.edition.content.publishedOn,
      today,
      calendar: options.calendar,
    });
    return { item, entry, timeliness };
  });
  const filed = new Set(items.map((i) => i.edition.content.catalogEntryKey));
  const uncovered = new Set(
    timed.flatMap((t) => ('uncoveredYears' in t.timeliness ? t.timeliness.uncoveredYears : [])),
  );
  return {
    org,
    hasCatalog: true,
    documents: timed,
    late: timed.filter((t) => t.timeliness.kind === 'late'),
    emptyEntries: entries.filter((e) => !filed.has(e.key)),
    uncoveredYears: [...uncovered].sort(),
  };
}
