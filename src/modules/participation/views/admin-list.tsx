import { Pagination } from '../../../platform/web/components.tsx';
import { PHASE_LABELS } from '../domain/consultation.ts';
import type { ConsultationListItem } from '../queries/consultation-views.ts';
import { periodText } from './format.ts';
import { adminConsultationPath } from './paths.ts';

/** The back office's list of consultations: phase, period and comments, the newest opening first. */
export function AdminConsultationList(props: {
  items: ConsultationListItem[];
  page: number;
  pageSize: number;
  total: number;
  canCreate: boolean;
}) {
  return (
    <section>
      <h1>意见征集</h1>
      {props.canCreate ? (
        <p>
          <a class="button button-primary" href="/admin/participation/consultations/new">
            新建征求意见
          </a>
        </p>
      ) : null}
      {props.items.length === 0 ? (
        <p class="empty">还没有征求意见。</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">发起单位</th>
              <th scope="col">征求意见时间</th>
              <th scope="col">状态</th>
              <th scope="col">意见（公开/隐藏）</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((item) => (
              <tr>
                <td>
                  <a href={adminConsultationPath(item.id)}>{item.title}</a>
                </td>
                <td>{item.orgName}</td>
                <td class="nowrap">{periodText(item)}</td>
                <td>
                  <span class="tag">{PHASE_LABELS[item.phase]}</span>
                </td>
                <td>
                  {item.shownComments}/{item.hiddenComments}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={props.page}
        pageSize={props.pageSize}
        total={props.total}
        href={(n) => `/admin/participation/consultations?page=${n}`}
      />
    </section>
  );
}
