import { chinaDateTime } from '../../../platform/clock.ts';
import { Pagination } from '../../../platform/web/components.tsx';
import { CheckboxField, SelectField } from '../../../platform/web/fields.tsx';
import { CHANNEL_LABELS, CHANNELS, REQUEST_STATE_LABELS, REQUEST_STATES } from '../domain/request.ts';
import type { InboxCounts } from '../ports.ts';
import { DUE_SOON_WORKING_DAYS } from '../queries/inbox.ts';
import type { InboxItem } from '../queries/inbox.ts';
import { DeadlineText } from './deadline.tsx';

/** A unit's disclosure requests: newest first, each with its due date and working days left. */
export function AdminInbox(props: {
  items: InboxItem[];
  total: number;
  counts: InboxCounts;
  page: number;
  pageSize: number;
  filter: { state: string; due: string; channel: string; mine: string };
}) {
  const { filter, counts } = props;
  const query = (page: number) => `/admin/ysqgk?${new URLSearchParams({ ...filter, page: String(page) }).toString()}`;
  return (
    <section>
      <h1>依申请公开</h1>
      <p>
        <a class="button primary" href="/admin/ysqgk/new">
          登记当面、邮寄、传真或电子邮件申请
        </a>{' '}
        <a class="button" href="/admin/ysqgk/report">
          年度报告申请情况（表三、表四）
        </a>{' '}
        <a class="button" href="/admin/ysqgk/texts">
          答复告知书标准文本
        </a>
      </p>
      <ul class="stat-links">
        <li>
          <a href="/admin/ysqgk?state=submitted">待确认收到 {counts.submitted}</a>
        </li>
        <li>
          <a href="/admin/ysqgk?due=overdue" class={counts.overdue > 0 ? 'overdue' : undefined}>
            已逾期 {counts.overdue}
          </a>
        </li>
        <li>
          <a href="/admin/ysqgk?due=soon">
            {DUE_SOON_WORKING_DAYS}个工作日内到期 {counts.dueSoon}
          </a>
        </li>
        <li>办理中 {counts.open}</li>
      </ul>
      <form method="get" action="/admin/ysqgk" class="form filter-form">
        <SelectField
          name="state"
          label="状态"
          value={filter.state}
          options={[
            { value: '', label: '全部' },
            ...REQUEST_STATES.map((state) => ({ value: state, label: REQUEST_STATE_LABELS[state] })),
          ]}
        />
        <SelectField
          name="due"
          label="期限"
          value={filter.due}
          options={[
            { value: '', label: '全部' },
            { value: 'overdue', label: '已逾期' },
            { value: 'soon', label: `${DUE_SOON_WORKING_DAYS}个工作日内到期` },
          ]}
        />
        <SelectField
          name="channel"
          label="申请渠道"
          value={filter.channel}
          options={[{ value: '', label: '全部' }, ...CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))]}
        />
        <CheckboxField name="mine" value="1" label="只看我承办的" checked={filter.mine === '1'} />
        <button type="submit" class="button">
          筛选
        </button>
      </form>
      <p>共 {props.total} 件</p>
      {props.items.length === 0 ? (
        <p class="empty">没有符合条件的申请。</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <caption class="visually-hidden">政府信息公开申请</caption>
            <thead>
              <tr>
                <th scope="col">查询码</th>
                <th scope="col">受理机关</th>
                <th scope="col">申请人</th>
                <th scope="col">渠道</th>
                <th scope="col">提交时间</th>
                <th scope="col">状态</th>
                <th scope="col">答复期限</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((item) => (
                <tr>
                  <td>
                    <a href={`/admin/ysqgk/${item.id}`}>{item.trackingCode}</a>
                  </td>
                  <td>{item.orgName}</td>
                  <td>{item.applicant.name}</td>
                  <td>{CHANNEL_LABELS[item.channel]}</td>
                  <td class="nowrap">{chinaDateTime(item.submittedAt)}</td>
                  <td>{REQUEST_STATE_LABELS[item.state]}</td>
                  <td>
                    <DeadlineText deadline={item.deadline} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={props.page} pageSize={props.pageSize} total={props.total} href={query} />
    </section>
  );
}
