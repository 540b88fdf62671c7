import type { SearchCriteria } from '../../modules/search/index.ts';
import { rankCandidates, type Candidate } from './ranking.ts';

/**
 * A bounded piece of work per search, however many entries match. Words like 政府 or 应当 occur in
 * most documents; scoring every match to find the best twenty and counting them all grows with the
 * index (hundreds of milliseconds at a million documents). Instead:
 *
 * - **Matches newest first.** Each index yields the matching row ids lazily in descending order (FTS5
 *   `order by rowid desc`, PostgreSQL a backward scan of `seq`), so the newest `counted` + 1 matches
 *   cost the same whether 2,000 or 700,000 entries match. When there are no more than `counted`, the
 *   total is exact; otherwise it is estimated from their density among the newest rows (`counted`
 *   matches spread over the ids from the cut-off to the newest, scaled to every entry), and
 *   `totalExact` is false.
 * - **Relevance in tiers.** Title, 文号 and 索引号 weigh ten and five times the body in the score, so
 *   a hit there ranks above any hit in the body alone. A second, small index holds only those
 *   fields: its newest `titled` matches are ranked first (every title hit when there are no more).
 *   Then the newest `ranked` other matches, ranked among themselves; then every remaining match,
 *   newest first. Every match keeps one place in the order, so paging reaches all of them. When
 *   fewer entries match than the pools hold, the order is plain BM25 over all matches.
 * - **Date order** pages through every match: when few entries match they are sorted; when many
 *   match, the 发布日期 index is walked newest first and each row is probed in the full-text index,
 *   which needs about (offset + limit) / density probes; the cheaper of the two is chosen.
 *
 * Filters apply in every step (`filterConditions`), so every path returns filtered entries only.
 * Membership is always decided by the index; only the order of the many is bounded.
 */
export type SearchLimits = { counted: number; titled: number; ranked: number };

export const SEARCH_LIMITS: SearchLimits = { counted: 2000, titled: 200, ranked: 400 };

/** Matching ids, newest first: skip `offset`, then at most `limit`, below `before`, not in `except`. */
export type NewestQuery = {
  criteria: SearchCriteria;
  limit: number;
  offset?: number;
  before?: number;
  except?: readonly number[];
  /** Matches in the title, 文号 or 索引号 only. */
  titles?: boolean;
};

/** What each dialect supplies to the bounded search. */
export interface MatchSource {
  newest(query: NewestQuery): Promise<number[]>;
  /** What ranking needs of these entries, for these phrases. */
  candidates(ids: readonly number[], phrases: SearchCriteria['phrases']): Promise<Candidate[]>;
  /** A page of matches by 发布日期 (newest first, then the newer row): sorting every match, or probing rows in date order. */
  byDate(criteria: SearchCriteria, way: 'sort' | 'probe'): Promise<number[]>;
  /** Live entries, and the highest id given so far. */
  extent(): Promise<{ entries: number; maxId: number }>;
}

/** Rough cost of one match sorted by date, and of one row probed in the full-text index (µs). */
const SORT_COST = 5;
const PROBE_COST = 25;

export type BoundedPage = { ids: number[]; total: number; totalExact: boolean };

export async function boundedSearch(
  source: MatchSource,
  criteria: SearchCriteria,
  limits: SearchLimits = SEARCH_LIMITS,
): Promise<BoundedPage> {
  const newest = await source.newest({ criteria, limit: limits.counted + 1 });
  const totalExact = newest.length <= limits.counted;
  let total = newest.length;
  let density = 1;
  if (!totalExact) {
    const { entries, maxId } = await source.extent();
    density = limits.counted / Math.max(limits.counted, maxId - newest[limits.counted - 1]! + 1);
    total = Math.max(limits.counted + 1, Math.round(density * entries));
  }
  if (criteria.sort === 'date') {
    const end = criteria.offset + criteria.limit;
    const way = totalExact || total * SORT_COST <= (end / density) * PROBE_COST ? 'sort' : 'probe';
    return { ids: await source.byDate(criteria, way), total, totalExact };
  }
  const ids = await relevancePage(source, criteria, limits, {
    newest: totalExact ? newest : newest.slice(0, limits.counted),
    complete: totalExact,
  });
  return { ids, total, totalExact };
}

/** The page by relevance: title tier, ranked pool, then the rest newest first (see above). */
async function relevancePage(
  source: MatchSource,
  criteria: SearchCriteria,
  limits: SearchLimits,
  { newest, complete }: { newest: number[]; complete: boolean },
): Promise<number[]> {
  const start = criteria.offset;
  const end = start + criteria.limit;
  const titled = await source.newest({ criteria, limit: limits.titled, titles: true });
  const ordered = rankCandidates(await source.candidates(titled, criteria.phrases));
  if (end <= ordered.length) return ordered.slice(start, end);

  const inTitles = new Set(titled);
  const others = newest.filter((id) => !inTitles.has(id));
  const pool = others.slice(0, limits.ranked);
  ordered.push(...rankCandidates(await source.candidates(pool, criteria.phrases)));
  const page = ordered.slice(start, end);
  if (end <= ordered.length || pool.length < limits.ranked) return page;

  // The rest: every other match older than the pool, newest first.
  const restStart = Math.max(0, start - ordered.length);
  const restCount = end - Math.max(start, ordered.length);
  const known = others.slice(limits.ranked);
  if (complete || restStart + restCount <= known.length) {
    return [...page, ...known.slice(restStart, restStart + restCount)];
  }
  const rest = await source.newest({
    criteria,
    limit: restCount,
    offset: restStart,
    before: pool.at(-1)!,
    except: titled,
  });
  return [...page, ...rest];
}
