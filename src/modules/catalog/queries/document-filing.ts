import { chinaDate, type Clock } from '../../../platform/clock.ts';
import type { CalendarCache } from '../../calendar/index.ts';
import type { CatalogFiling } from '../../documents/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { formatTimeLimit } from '../domain/cell-text.ts';
import { TIMELINESS_LABELS, timelinessOf } from '../domain/timeliness.ts';
import type { CatalogStore } from '../ports.ts';
import { publishedEntryChoices } from './catalog-views.ts';

/**
 * The standard catalog as the document pages need it: the entries a unit may file under (its own
 * catalog's and those of the units above it), and where a document is filed with its standing
 * against the entry's 公开时限, counted in working days from the day the information was formed.
 */
export function createCatalogFiling(deps: {
  stores: { catalogs: CatalogStore; orgs: OrgStore };
  calendarCache: CalendarCache;
  clock: Clock;
}): CatalogFiling {
  return {
    entryChoices: (orgIds) => publishedEntryChoices({ stores: deps.stores, orgIds }),
    async describe(filing) {
      const found = await deps.stores.catalogs.publishedEntry(
        filing.orgPath.split('/').filter(Boolean),
        filing.entryKey,
      );
      if (!found) return undefined;
      const timeliness = timelinessOf({
        limit: found.entry.timeLimit,
        formedOn: filing.formedOn,
        publishedOn: filing.publishedOn,
        today: chinaDate(deps.clock.now()),
        calendar: await deps.calendarCache.get(),
      });
      return {
        label: `${found.entry.itemL1}${found.entry.itemL2 ? ` / ${found.entry.itemL2}` : ''}`,
        limit: formatTimeLimit(found.entry.timeLimit),
        status:
          timeliness.kind === 'not_counted'
            ? null
            : `${TIMELINESS_LABELS[timeliness.kind]}，应于 ${timeliness.dueOn} 前公开${
                timeliness.uncoveredYears.length > 0
                  ? `（${timeliness.uncoveredYears.join('、')}年节假日未导入，按周一至周五估算）`
                  : ''
              }`,
        late: timeliness.kind === 'late' || timeliness.kind === 'overdue',
      };
    },
  };
}
