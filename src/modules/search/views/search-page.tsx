import type { Org } from '../../orgs/index.ts';
import { Pagination } from '../../../platform/web/components.tsx';
import { PILOT_FIELDS, pilotField } from '../../../reference/pilot-fields.ts';
import { FACET_MATCH_LIMIT } from '../ports.ts';
import type { SearchOutcome } from '../queries/search-public.ts';
import type { SearchQuery } from '../http/schemas.ts';
import { EXPORT_MAX_ROWS } from '../queries/export-search-results.ts';
import { ResultDownloads } from './result-downloads.tsx';
import type { FieldFacet, UnitFacet } from '../http/present.ts';
import { SEARCH_TEXT } from '../strings.ts';

const FILTER_KEYS = ['q', 'org', 'field', 'genre', 'validity', 'topic', 'kind', 'from', 'to'] as const;

/** The query string of a search, for links to its other pages and to narrower searches. */
export function searchHref(
  query: SearchQuery,
  page: number,
  narrower: Partial<Pick<SearchQuery, 'org' | 'field'>> = {},
): string {
  const params = new URLSearchParams();
  const merged = { ...query, ...narrower };
  for (const key of FILTER_KEYS) {
    const value = merged[key];
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
  vocabulary: { genres: readonly string[]; validities: readonly string[]; topics: readonly string[] };
  outcome?: SearchOutcome | undefined;
  facets: { units: UnitFacet[]; fields: FieldFacet[] } | null;
  problems: string[];
}) {
  const { vocabulary } = props;
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
        <details
          open={
            Boolean(
              query.org ||
              query.field ||
              query.genre ||
              query.validity ||
              query.topic ||
              query.kind ||
              query.from ||
              query.to,
            ) || undefined
          }
        >
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
              {vocabulary.genres.map((genre) => (
                <option value={genre} selected={genre === query.genre}>
                  {genre}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="search-validity">有效性</label>
            <select id="search-validity" name="validity">
              <option value="">全部</option>
              {vocabulary.validities.map((validity) => (
                <option value={validity} selected={validity === query.validity}>
                  {validity}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="search-topic">主题分类</label>
            <select id="search-topic" name="topic">
              <option value="">全部主题</option>
              {vocabulary.topics.map((topic) => (
                <option value={topic} selected={topic === query.topic}>
                  {topic}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="search-kind">类别</label>
            <select id="search-kind" name="kind">
              <option value="">政府信息和标准目录事项</option>
              <option value="document" selected={query.kind === 'document'}>
                政府信息
              </option>
              <option value="catalog" selected={query.kind === 'catalog'}>
                {SEARCH_TEXT.kindCatalog}
              </option>
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
          {outcome.total > 0 ? <Facets query={query} facets={props.facets} /> : null}
          <ol class="search-results" start={(outcome.page - 1) * outcome.pageSize + 1}>
            {outcome.items.map((hit) => (
              <li>
                <h2>
                  <a href={hit.href} dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
                </h2>
                {hit.matchedAttachment ? (
                  <p class="snippet-source">{`命中${SEARCH_TEXT.attachmentMatched(hit.matchedAttachment)}：`}</p>
                ) : null}
                <p class="snippet" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
                <p class="meta">
                  {[
                    hit.kind === 'catalog' ? SEARCH_TEXT.kindCatalog : undefined,
                    hit.orgName,
                    hit.docNumber,
                    hit.genre,
                    hit.fieldCode ? pilotField(hit.fieldCode)?.name : undefined,
                    hit.validity === '有效' || hit.validity === '' ? undefined : hit.validity,
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

/**
 * How the hits spread over units and fields, as links that narrow the search to one of them (a
 * navigation landmark of two lists, each link saying its count). A result set too large to count
 * gets a sentence instead; the filters above still work.
 */
function Facets(props: { query: SearchQuery; facets: { units: UnitFacet[]; fields: FieldFacet[] } | null }) {
  const { query, facets } = props;
  if (!facets) {
    return (
      <p class="notice" role="note">
        {SEARCH_TEXT.largeResultSet(FACET_MATCH_LIMIT)}
      </p>
    );
  }
  return (
    <nav class="search-facets" aria-label="按发布单位和领域缩小检索范围">
      <h2 id="facet-units">发布单位</h2>
      <ul aria-labelledby="facet-units">
        {facets.units.map((unit) => (
          <li>
            <a
              href={searchHref(query, 1, { org: unit.code })}
              aria-current={unit.code === query.org ? 'true' : undefined}
            >
              {unit.name}
            </a>{' '}
            <span class="count">{`（${unit.count}条）`}</span>
          </li>
        ))}
      </ul>
      <h2 id="facet-fields">领域</h2>
      <ul aria-labelledby="facet-fields">
        {facets.fields.map((field) => (
          <li>
            {field.code && pilotField(field.code) ? (
              <a
                href={searchHref(query, 1, { field: field.code })}
                aria-current={field.code === query.field ? 'true' : undefined}
              >
                {field.name}
              </a>
            ) : (
              (field.name ?? '未归入领域')
            )}{' '}
            <span class="count">{`（${field.count}条）`}</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
