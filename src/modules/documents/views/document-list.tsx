import { chinaDateTime } from '../../../platform/clock.ts';
import { Pagination } from '../../../platform/web/components.tsx';
import type { Org } from '../../orgs/index.ts';
import { EDITION_STATE_LABELS, EDITION_STATES, awaitsRetrospectiveApproval, type Edition } from '../domain/workflow.ts';
import type { StaffListQuery } from '../http/schemas.ts';
import type { EditionListItem } from '../ports.ts';

/** The list of documents in the actor's subtrees, with filters that work as a plain GET form. */
export function AdminDocumentList(props: {
  items: EditionListItem[];
  total: number;
  query: StaffListQuery;
  orgs: Org[];
  canCreate: boolean;
}) {
  const { query } = props;
  const href = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...query, page: String(page) })) {
      if (value !== undefined && value !== '' && key !== 'pageSize') params.set(key, String(value));
    }
    return `/admin/documents?${params.toString()}`;
  };
  return (
    <section>
      <div class="page-head">
        <h1>信息发布</h1>
        {props.canCreate ? (
          <a class="button primary" href="/admin/documents/new">
            新建信息
          </a>
        ) : null}
      </div>
      <form method="get" action="/admin/documents" class="filter-form">
        <div class="form-row">
          <label for="f-state">状态</label>
          <select id="f-state" name="state">
            <option value="">全部</option>
            {EDITION_STATES.map((state) => (
              <option value={state} selected={query.state === state}>
                {EDITION_STATE_LABELS[state]}
              </option>
            ))}
          </select>
        </div>
        <div class="form-row">
          <label for="f-org">单位</label>
          <select id="f-org" name="org">
            <option value="">全部</option>
            {props.orgs.map((org) => (
              <option value={org.code} selected={query.org === org.code}>
                {'　'.repeat(org.depth)}
                {org.name}
              </option>
            ))}
          </select>
        </div>
        <div class="form-row">
          <label for="f-q">标题/文号/索引号</label>
          <input id="f-q" name="q" type="search" value={query.q ?? ''} />
        </div>
        <div class="form-row checkbox">
          <input id="f-mine" name="mine" type="checkbox" value="1" checked={query.mine === '1'} />
          <label for="f-mine">只看我起草的</label>
        </div>
        <div class="form-row checkbox">
          <input id="f-flagged" name="flagged" type="checkbox" value="1" checked={query.flagged === '1'} />
          <label for="f-flagged">待事后审核的强制发布</label>
        </div>
        <button type="submit" class="button">
          筛选
        </button>
      </form>
      <EditionTable items={props.items} caption="信息列表" />
      <Pagination page={query.page} pageSize={query.pageSize} total={props.total} href={href} />
    </section>
  );
}

/** A table of editions for staff: title, unit, state, dates. */
export function EditionTable(props: { items: EditionListItem[]; caption: string }) {
  if (props.items.length === 0) return <p class="empty">没有符合条件的信息。</p>;
  return (
    <table class="data-table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">标题</th>
          <th scope="col">单位</th>
          <th scope="col">状态</th>
          <th scope="col">发布日期</th>
          <th scope="col">最后修改</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map(({ edition, document, org }) => (
          <tr>
            <td>
              <a href={`/admin/documents/${document.id}`}>{edition.content.title}</a>
              {edition.number > 1 ? <span class="muted">（第{edition.number}版）</span> : null}
            </td>
            <td>{org.name}</td>
            <td>
              <StateTag edition={edition} />
            </td>
            <td class="nowrap">{edition.content.publishedOn ?? '—'}</td>
            <td class="nowrap">{chinaDateTime(edition.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StateTag(props: { edition: Edition }) {
  return (
    <span>
      <span class={`tag state-${props.edition.state}`}>{EDITION_STATE_LABELS[props.edition.state]}</span>
      {awaitsRetrospectiveApproval(props.edition) ? <span class="tag tag-warning">待事后审核</span> : null}
    </span>
  );
}
