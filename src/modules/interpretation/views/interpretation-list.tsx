import { Pagination } from '../../../platform/web/components.tsx';
import type { Choice } from '../../../platform/web/fields.tsx';
import { INTERPRETATION_KINDS } from '../domain/kinds.ts';
import type { PublishedInterpretation } from '../ports.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';

/**
 * The column's 政策解读 list: a filter by unit and by kind that works without JavaScript (a GET form),
 * then the interpretations with their kind, unit and date, newest first, and the column's 打包下载.
 */
export function InterpretationList(props: {
  heading: string;
  items: readonly (PublishedInterpretation & { orgName: string })[];
  total: number;
  page: number;
  pageSize: number;
  orgs: Choice[];
  filter: { org: string; kind: string };
}) {
  const { filter } = props;
  const query = (page: number) =>
    new URLSearchParams({
      ...(filter.org ? { org: filter.org } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(page > 1 ? { page: String(page) } : {}),
    }).toString();
  return (
    <section class="panel">
      <h1>{props.heading}</h1>
      <form method="get" action="/xxgk/zcjd" class="search-form">
        <label for="zcjd-org">发布单位</label>
        <select id="zcjd-org" name="org">
          <option value="">全部单位</option>
          {props.orgs.map((org) => (
            <option value={org.value} selected={org.value === filter.org || undefined}>
              {org.label}
            </option>
          ))}
        </select>
        <label for="zcjd-kind">解读形式</label>
        <select id="zcjd-kind" name="kind">
          <option value="">全部形式</option>
          {INTERPRETATION_KINDS.map((kind) => (
            <option value={kind} selected={kind === filter.kind || undefined}>
              {INTERPRETATION_TEXT.kinds[kind]}
            </option>
          ))}
        </select>
        <button type="submit" class="button">
          筛选
        </button>
      </form>
      {props.items.length === 0 ? (
        <p class="empty">没有符合条件的政策解读。</p>
      ) : (
        <ul class="interpretation-list">
          {props.items.map((item) => (
            <li>
              <span class="tag">{INTERPRETATION_TEXT.kinds[item.kind]}</span>{' '}
              <a href={`/xxgk/doc/${item.documentId}`}>{item.title}</a>{' '}
              <span class="muted">
                {item.orgName} {item.publishedOn}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={props.page}
        pageSize={props.pageSize}
        total={props.total}
        href={(page) => `/xxgk/zcjd${query(page) ? `?${query(page)}` : ''}`}
      />
      {props.total > 0 ? (
        <p class="bundle-download">
          <a href="/xxgk/zcjd/bundle.zip" download rel="nofollow">
            打包下载本栏目文件
          </a>
        </p>
      ) : null}
    </section>
  );
}
