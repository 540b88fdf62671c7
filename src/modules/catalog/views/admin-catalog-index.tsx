import { chinaDateTime } from '../../../platform/clock.ts';
import { Csrf } from '../../../platform/web/components.tsx';
import { TextField } from '../../../platform/web/fields.tsx';
import type { Org } from '../../orgs/index.ts';
import type { LocalField } from '../domain/entry.ts';
import { VERSION_STATE_LABELS, type CatalogVersion } from '../domain/version.ts';

/** Units in the reader's scope with the state of their catalogs; the review queue on top. */
export function CatalogIndex(props: {
  rows: { org: Org; published: CatalogVersion | undefined; working: CatalogVersion | undefined }[];
  queue: { org: Org; version: CatalogVersion }[];
  /** Late documents per unit with a published catalog. */
  late: Map<string, number>;
  localFields: LocalField[];
  canAddFields: boolean;
  csrfToken: string;
}) {
  return (
    <section>
      <h1>标准目录</h1>
      {props.queue.length > 0 ? (
        <section class="panel">
          <h2>待审核的目录（{props.queue.length}）</h2>
          <ul>
            {props.queue.map(({ org, version }) => (
              <li>
                <a href={`/admin/catalogs/${org.code}`}>{org.name}</a> 第{version.number}版，提交于{' '}
                {version.submittedAt ? chinaDateTime(version.submittedAt) : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <table class="data-table">
        <caption class="visually-hidden">各单位标准目录</caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">已发布版本</th>
            <th scope="col">正在编制</th>
            <th scope="col">时限报告</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ org, published, working }) => (
            <tr>
              <td>
                {'　'.repeat(org.depth)}
                <a href={`/admin/catalogs/${org.code}`}>{org.name}</a>
              </td>
              <td>
                {published
                  ? `第${published.number}版（${published.publishedAt ? chinaDateTime(published.publishedAt).slice(0, 10) : ''}）`
                  : '—'}
              </td>
              <td>{working ? `第${working.number}版 ${VERSION_STATE_LABELS[working.state]}` : '—'}</td>
              <td>
                {published ? (
                  <a href={`/admin/catalogs/${org.code}/timeliness`}>
                    {(props.late.get(org.id) ?? 0) > 0 ? `逾期 ${props.late.get(org.id)} 条` : '无逾期'}
                  </a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section class="panel">
        <h2>本区增设领域</h2>
        {props.localFields.length === 0 ? <p class="empty">除26个试点领域外，尚未增设本区领域。</p> : null}
        <ul>
          {props.localFields.map((f) => (
            <li>
              {f.code} {f.name}
            </li>
          ))}
        </ul>
        {props.canAddFields ? (
          <form method="post" action="/admin/catalog-fields" class="form filter-form">
            <Csrf token={props.csrfToken} />
            <TextField name="name" id="local-field" label="领域名称" required />
            <button type="submit" class="button">
              增设领域
            </button>
          </form>
        ) : null}
      </section>
    </section>
  );
}
