import type { Org } from '../../orgs/index.ts';
import { Pagination } from '../../../platform/web/components.tsx';
import { PILOT_FIELDS, pilotField } from '../../../reference/pilot-fields.ts';
import type { SearchOutcome } from '../queries/search-public.ts';
import type { SearchQuery } from '../http/schemas.ts';
import { EXPORT_MAX_ROWS } from '../queries/export-search-results.ts';
import { ResultDownloads } from './result-downloads.tsx';
import { SEARCH_TEXT } from '../strings.ts';

/** The query string of a search, for links to its other pages. */
export function searchHref(query: SearchQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'org', 'field', 'genre', 'from', 'to'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.sort !== 'relevance') params.set('sort', query.sort);
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

/**
 * The search page: the form (works without JavaScript, one column on a phone), the problem with
 * the query if there is one, and the hits with their marked titles and snippets.
 */
export function SearchPage(props: {
  query: SearchQuery;
  orgs: Org[];
  genres: readonly string[];
  outcome?: SearchOutcome | undefined;
  problems: string[];
}) {
  const { query, outcome } = props;
  const orgs = [...props.orgs].sort((a, b) => a.path.localeCompare(b.path));
  return (
    <section class="panel search-page">
      <h1>站内检索</h1>
      <form method="get" action="/search" class="search-form" role="search">
        <label for="search-q">检索词</label>
        <input
          id="search-q"
          name="q"
          type="search"
          value={query.q}
          placeholder="如：低保、社会保障、余政办发〔2020〕16号"
          aria-describedby={props.problems.length > 0 ? 'search-problems' : undefined}
        />
        <details open={Boolean(query.org || query.field || query.genre || query.from || query.to) || undefined}>
          <summary>筛选条件</summary>
          <p>
            <label for="search-org">发布单位（含下级单位）</label>
            <select id="search-org" name="org">
              <option value="">全部单位</option>
              {orgs.map((org) => (
                <option value={org.code} selected={org.code === query.org}>
                  {`${'　'.repeat(org.depth)}${org.name}`}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="search-field">领域</label>
            <select id="search-field" name="field">
              <option value="">全部领域</option>
              {PILOT_FIELDS.map((field) => (
                <option value={field.code} selected={field.code === query.field}>
                  {field.name}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="search-genre">体裁</label>
            <select id="search-genre" name="genre">
              <option value="">全部体裁</option>
              {props.genres.map((genre) => (
                <option value={genre} selected={genre === query.genre}>
                  {genre}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="search-from">发布日期从</label>
            <input id="search-from" name="from" type="date" value={query.from ?? ''} />
            <label for="search-to">到</label>
            <input id="search-to" name="to" type="date" value={query.to ?? ''} />
          </p>
          <p>
            <label for="search-sort">排序</label>
            <select id="search-sort" name="sort">
              <option value="relevance" selected={query.sort === 'relevance'}>
                按相关度
              </option>
              <option value="date" selected={query.sort === 'date'}>
                按发布日期
              </option>
            </select>
          </p>
        </details>
        <button type="submit" class="button primary">
          检索
        </button>
      </form>
      {props.problems.length > 0 ? (
        <div id="search-problems" class="notice error" role="alert">
          {props.problems.map((message) => (
            <p>{message}</p>
          ))}
        </div>
      ) : null}
      {outcome ? (
        <>
          <p role="status">
            {outcome.total === 0
              ? SEARCH_TEXT.noneFound
              : outcome.totalExact
                ? SEARCH_TEXT.found(outcome.total)
                : SEARCH_TEXT.foundAbout(outcome.total)}
          </p>
          <ol class="search-results" start={(outcome.page - 1) * outcome.pageSize + 1}>
            {outcome.items.map((hit) => (
              <li>
                <h2>
                  <a href={`/xxgk/doc/${hit.documentId}`} dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
                </h2>
                <p class="snippet" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
                <p class="meta">
                  {[
                    hit.orgName,
                    hit.docNumber,
                    hit.genre,
                    hit.fieldCode ? pilotField(hit.fieldCode)?.name : undefined,
                    hit.validity === '有效' ? undefined : hit.validity,
                    `发布日期 ${hit.publishedOn}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </li>
            ))}
          </ol>
          <Pagination
            page={outcome.page}
            pageSize={outcome.pageSize}
            total={outcome.total}
            href={(page) => searchHref(query, page)}
          />
          {outcome.total > 0 ? (
            // The page's own link less its page number: a download holds exactly what the page searched.
            <ResultDownloads
              parameters={searchHref(query, 1).slice('/search'.length)}
              total={outcome.total}
              totalExact={outcome.totalExact}
              maxRows={EXPORT_MAX_ROWS}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
