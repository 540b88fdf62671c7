import { chinaDateTime } from '../../../platform/clock.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import { TextField } from '../../../platform/web/fields.tsx';
import { CHANNEL_LABELS, EVENT_LABELS, REQUEST_STATE_LABELS } from '../domain/request.ts';
import type { TrackedRequest } from '../queries/track-request.ts';
import { outcomeName } from '../domain/outcomes.ts';
import { REQUEST_TEXT } from '../strings.ts';
import { DELIVERY_METHOD_LABELS } from '../domain/application.ts';

/** The tracking form: the code and a second factor (last four digits of the phone, or the e-mail). */
export function TrackForm(props: { csrfToken: string; code?: string; error?: string | undefined }) {
  return (
    <section class="panel prose">
      <h1>申请办理进度查询</h1>
      <ErrorSummary issues={[]} message={props.error} />
      <form method="post" action="/ysqgk/track" class="form">
        <Csrf token={props.csrfToken} />
        <TextField
          name="code"
          label="申请查询码"
          value={props.code ?? ''}
          maxlength={40}
          autocomplete="off"
          placeholder="例如：YS-7K3M9-P2QXW"
          required
        />
        <TextField
          name="factor"
          label="手机号码后4位，或申请时填写的电子邮箱"
          maxlength={200}
          autocomplete="off"
          required
        />
        <div class="form-actions">
          <button type="submit" class="button primary">
            查询
          </button>
        </div>
      </form>
      <p>
        还没有申请？<a href="/ysqgk/apply">在线提交政府信息公开申请</a>
      </p>
    </section>
  );
}

/** Where a request stands, every step with its date, for its applicant. */
export function TrackResult(props: {
  tracked: TrackedRequest;
  letterHref?: ((format: 'pdf' | 'docx') => string) | undefined;
  /** Links to the released files, when the applicant receives them online or by e-mail. */
  fileHref?: ((fileId: string) => string) | undefined;
}) {
  const { request, deadline, events, agencyName, files } = props.tracked;
  const attached = files.filter((f) => f.purpose === 'application');
  const released = files.filter((f) => f.purpose === 'released');
  return (
    <section class="panel prose">
      <h1>申请办理进度</h1>
      <table class="doc-table">
        <tbody>
          <tr>
            <th scope="row">申请查询码</th>
            <td>{request.trackingCode}</td>
          </tr>
          <tr>
            <th scope="row">受理机关</th>
            <td>{agencyName}</td>
          </tr>
          <tr>
            <th scope="row">申请方式</th>
            <td>{CHANNEL_LABELS[request.channel]}</td>
          </tr>
          <tr>
            <th scope="row">当前状态</th>
            <td>{REQUEST_STATE_LABELS[request.state]}</td>
          </tr>
          <tr>
            <th scope="row">收到申请日期</th>
            <td>{request.correctedOn ?? request.receivedOn ?? '待受理机关确认'}</td>
          </tr>
          {deadline ? (
            <tr>
              <th scope="row">答复期限</th>
              <td>
                {deadline.dueOn}
                {deadline.extensionWorkingDays > 0 ? `（已延长${deadline.extensionWorkingDays}个工作日）` : ''}
                {deadline.isPaused ? '（征求意见或缴费期间不计入答复期限，期限将相应顺延）' : ''}
                {deadline.uncoveredYears.length > 0 ? (
                  <p class="hint">{REQUEST_TEXT.deadlineUncertain(deadline.uncoveredYears)}</p>
                ) : null}
              </td>
            </tr>
          ) : null}
          {request.reply ? (
            <tr>
              <th scope="row">处理结果</th>
              <td>
                {outcomeName(request.reply.outcome)}（{request.reply.repliedOn}）
                {props.letterHref ? (
                  <p>
                    答复告知书：<a href={props.letterHref('pdf')}>下载 PDF</a>{' '}
                    <a href={props.letterHref('docx')}>下载 Word</a>（链接1小时内有效）
                  </p>
                ) : null}
              </td>
            </tr>
          ) : null}
          {released.length > 0 ? (
            <tr>
              <th scope="row">公开的政府信息</th>
              <td>
                <ul>
                  {released.map((file) => (
                    <li>{props.fileHref ? <a href={props.fileHref(file.id)}>{file.fileName}</a> : file.fileName}</li>
                  ))}
                </ul>
                {props.fileHref ? (
                  <p class="hint">下载链接1小时内有效。</p>
                ) : (
                  <p class="hint">按您选择的获取方式（{DELIVERY_METHOD_LABELS[request.delivery]}）提供。</p>
                )}
              </td>
            </tr>
          ) : null}
          {request.service ? (
            <tr>
              <th scope="row">送达</th>
              <td>
                {DELIVERY_METHOD_LABELS[request.service.method]}（{request.service.on}）
                {request.service.method === 'post' ? `，邮件单号 ${request.service.proof}` : ''}
              </td>
            </tr>
          ) : null}
          {attached.length > 0 ? (
            <tr>
              <th scope="row">申请附件</th>
              <td>
                {attached.map((file) => file.fileName).join('、')}
                <p class="hint">附件仅受理机关工作人员可以查看。</p>
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <h2>办理过程</h2>
      <ol class="steps">
        {events.map((event) => (
          <li>
            <time datetime={event.at}>{chinaDateTime(event.at)}</time>
            {EVENT_LABELS[event.kind]}
            {event.on ? `：${event.on}` : ''}
            {event.note ? <p>{event.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
