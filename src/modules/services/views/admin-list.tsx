import type { EditionListItem } from '../../documents/index.ts';
import { EDITION_STATE_LABELS } from '../../documents/index.ts';
import { SERVICE_TEXT } from '../strings.ts';

const A = SERVICE_TEXT.admin;

function Table(props: { items: EditionListItem[]; kind: 'guides' | 'bundles' }) {
  return (
    <table class="data-table">
      <thead>
        <tr>
          <th scope="col">名称</th>
          <th scope="col">{A.orgLabel}</th>
          <th scope="col">{A.state}</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => (
          <tr>
            <td>
              <a href={`/admin/documents/${item.document.id}`}>{item.edition.content.title}</a>
            </td>
            <td>{item.org.name}</td>
            <td>
              <span class="tag">{EDITION_STATE_LABELS[item.edition.state]}</span>
            </td>
            <td>
              <a href={`/admin/services/${props.kind}/${item.document.id}/edit`}>{A.edit}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The back office's 办事服务 page: the reader's units' guides and bundles with the state of their
 * newest edition; each opens the document's page, where the workflow's buttons review and publish it.
 */
export function ServiceAdminList(props: { guides: EditionListItem[]; bundles: EditionListItem[]; canDraft: boolean }) {
  return (
    <section>
      <h1>{A.listTitle}</h1>
      {props.canDraft ? (
        <p>
          <a href="/admin/services/guides/new" class="button button-primary">
            {A.newGuide}
          </a>{' '}
          <a href="/admin/services/bundles/new" class="button">
            {A.newBundle}
          </a>
        </p>
      ) : null}
      <h2>{A.guides}</h2>
      {props.guides.length === 0 ? <p class="empty">{A.none}</p> : <Table items={props.guides} kind="guides" />}
      <h2>{A.bundles}</h2>
      {props.bundles.length === 0 ? <p class="empty">{A.noBundles}</p> : <Table items={props.bundles} kind="bundles" />}
    </section>
  );
}
