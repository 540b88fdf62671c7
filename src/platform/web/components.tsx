import type { Child } from 'hono/jsx';
import type { FieldIssue } from '../errors.ts';

/** Page links for a list: previous, numbered pages around the current one, next. */
export function Pagination(props: { page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  const from = Math.max(1, props.page - 3);
  const to = Math.min(pages, props.page + 3);
  const numbers: number[] = [];
  for (let p = from; p <= to; p++) numbers.push(p);
  return (
    <nav class="pagination" aria-label="分页">
      <span class="pagination-total">
        共 {props.total} 条，第 {props.page}/{pages} 页
      </span>
      <ul>
        {props.page > 1 ? (
          <li>
            <a href={props.href(props.page - 1)} rel="prev">
              上一页
            </a>
          </li>
        ) : null}
        {numbers.map((p) => (
          <li>
            {p === props.page ? (
              <span aria-current="page">{p}</span>
            ) : (
              <a href={props.href(p)} aria-label={`第${p}页`}>
                {p}
              </a>
            )}
          </li>
        ))}
        {props.page < pages ? (
          <li>
            <a href={props.href(props.page + 1)} rel="next">
              下一页
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The problems with one field, shown next to it. */
export function FieldError(props: { issues: FieldIssue[]; field: string }) {
  const messages = props.issues.filter((issue) => issue.field === props.field).map((issue) => issue.message);
  if (messages.length === 0) return null;
  return (
    <p class="field-error" id={`${props.field}-error`}>
      {messages.join(' ')}
    </p>
  );
}

/** A summary of every problem at the top of a form. */
export function ErrorSummary(props: { issues: FieldIssue[]; message?: string | undefined }) {
  if (props.issues.length === 0 && !props.message) return null;
  return (
    <div class="error-summary" role="alert">
      <p>{props.message ?? '提交的内容有误，请按提示修改：'}</p>
      {props.issues.length > 0 ? (
        <ul>
          {props.issues.map((issue) => (
            <li>
              <a href={`#${issue.field}`}>{issue.message}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A hidden CSRF field for a form. */
export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** A labelled definition row for metadata tables. */
export function MetaRow(props: { label: string; children?: Child }) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>{props.children}</td>
    </tr>
  );
}

/** Parses a 1-based page number from a query value. */
export function pageNumber(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
