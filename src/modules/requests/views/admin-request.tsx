import { chinaDateTime } from '../../../platform/clock.ts';
import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary, MetaRow } from '../../../platform/web/components.tsx';
import { DateField } from '../../../platform/web/fields.tsx';
import {
  APPLICANT_KIND_LABELS,
  DELIVERY_METHOD_LABELS,
  ID_TYPE_LABELS,
  INFORMATION_FORM_LABELS,
  ORGANISATION_KIND_LABELS,
} from '../domain/application.ts';
import {
  CHANNEL_LABELS,
  EVENT_LABELS,
  REQUEST_STATE_LABELS,
  type FoiRequest,
  type RequestEvent,
} from '../domain/request.ts';
import type { ReplyDeadline } from '../domain/clock.ts';
import { outcomeName } from '../domain/outcomes.ts';
import { DeadlineText } from './deadline.tsx';
import { Appeals } from './admin-appeals.tsx';
import type { Appeal } from '../domain/appeals.ts';
import type { RevealedApplicant } from '../commands/reveal-applicant.ts';
import { StepPanels, type StepDefaults } from './admin-steps.tsx';
import type { HandlingKind } from '../domain/handling.ts';
import { FILE_PURPOSE_LABELS, type FilePurpose, type RequestFile } from '../domain/files.ts';

/** A file's size as people read it. */
const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** One purpose's files as download links (each download audited). */
function FileList(props: { requestId: string; files: RequestFile[]; purpose: FilePurpose }) {
  const files = props.files.filter((f) => f.purpose === props.purpose);
  if (files.length === 0) return null;
  return (
    <MetaRow label={FILE_PURPOSE_LABELS[props.purpose]}>
      <ul>
        {files.map((file) => (
          <li>
            <a href={`/admin/ysqgk/${props.requestId}/files/${file.id}`}>{file.fileName}</a>（{sizeText(file.sizeBytes)}
            ）
          </li>
        ))}
      </ul>
      {props.purpose === 'application' ? (
        <p class="hint">可能含申请人身份证明等个人信息，下载将记入审计日志。</p>
      ) : null}
    </MetaRow>
  );
}
import type { UpstreamDelivery } from '../ports.ts';
import { REQUEST_TEXT } from '../strings.ts';

/** One request for its handling unit: the application (contacts masked), its clock, its steps, the next action. */
export function AdminRequest(props: {
  csrfToken: string;
  request: FoiRequest;
  agencyName: string;
  events: RequestEvent[];
  appeals: Appeal[];
  deadline: ReplyDeadline | null;
  /** The applicant's attachments, the released information, the proof of service. */
  files: RequestFile[];
  today: string;
  issues: FieldIssue[];
  error?: string | undefined;
  actions: HandlingKind[];
  defaults: StepDefaults;
  failedStep?: HandlingKind | undefined;
  /** The applicant's identity and contacts in full, after an audited opening. */
  revealed?: RevealedApplicant | undefined;
  /** How the statuses of a request the provincial platform forwarded stand. */
  upstreamDelivery: UpstreamDelivery | null;
}) {
  const { request } = props;
  const a = request.applicant;
  return (
    <section>
      <h1>申请 {request.trackingCode}</h1>
      <ErrorSummary issues={props.issues} message={props.error} />
      <p>
        <a href={`/admin/ysqgk/${request.id}/case.zip`}>下载案卷（ZIP，含申请人完整身份信息，将记入审计日志）</a>
      </p>
      <table class="data-table meta-table">
        <tbody>
          <MetaRow label="受理机关">{props.agencyName}</MetaRow>
          <MetaRow label="状态">{REQUEST_STATE_LABELS[request.state]}</MetaRow>
          <MetaRow label="申请渠道">{CHANNEL_LABELS[request.channel]}</MetaRow>
          {request.upstreamId !== null ? (
            <MetaRow label={REQUEST_TEXT.upstreamReference}>{request.upstreamId}</MetaRow>
          ) : null}
          {props.upstreamDelivery ? (
            <MetaRow label={REQUEST_TEXT.upstreamDelivery}>
              <UpstreamDeliveryText delivery={props.upstreamDelivery} />
            </MetaRow>
          ) : null}
          <MetaRow label="提交时间">{chinaDateTime(request.submittedAt)}</MetaRow>
          <MetaRow label="收到申请日期">{request.correctedOn ?? request.receivedOn ?? '尚未确认'}</MetaRow>
          <MetaRow label="答复期限">
            <DeadlineText deadline={props.deadline} />
          </MetaRow>
          <MetaRow label="申请人">
            {a.name}（{APPLICANT_KIND_LABELS[a.kind]}
            {a.organisationKind ? `·${ORGANISATION_KIND_LABELS[a.organisationKind]}` : ''}）
          </MetaRow>
          {a.contactPerson ? <MetaRow label="联系人">{a.contactPerson}</MetaRow> : null}
          <MetaRow label="身份证明">
            {ID_TYPE_LABELS[a.idType]} {props.revealed ? props.revealed.idNumber : a.idNumberMasked}
          </MetaRow>
          <MetaRow label="联系方式">
            {props.revealed ? (
              <>
                电话 {props.revealed.phone}
                {props.revealed.email ? `；电子邮箱 ${props.revealed.email}` : ''}
                {props.revealed.address ? `；地址 ${props.revealed.address}` : ''}
                {a.postcode ? `（${a.postcode}）` : ''}
              </>
            ) : (
              <form method="post" action={`/admin/ysqgk/${request.id}/reveal`} class="inline">
                <Csrf token={props.csrfToken} />
                手机尾号 {a.phoneTail}{' '}
                <button type="submit" class="link-button">
                  查看完整身份信息和联系方式（将记入审计日志）
                </button>
              </form>
            )}
          </MetaRow>
          <MetaRow label="所需信息">{request.description}</MetaRow>
          {request.documentNumber ? <MetaRow label="文号">{request.documentNumber}</MetaRow> : null}
          {request.purpose ? <MetaRow label="用途">{request.purpose}</MetaRow> : null}
          <FileList requestId={request.id} files={props.files} purpose="application" />
          {request.correction ? (
            <MetaRow label="补正通知">
              {request.correction.sentOn} 发出：{request.correction.items}（补正期限 {request.correction.dueOn}）
            </MetaRow>
          ) : null}
          {request.pauses.map((pause) => (
            <MetaRow label={pause.reason === 'fee' ? '缴费期间' : '征求意见'}>
              {pause.party ?? ''} {pause.from} 至 {pause.until ?? '今'}（不计入答复期限）
              {pause.summary ? <p>意见摘要（仅工作人员可见）：{pause.summary}</p> : null}
            </MetaRow>
          ))}
          {request.fee ? (
            <MetaRow label="信息处理费">
              {request.fee.amountYuan} 元（
              {request.fee.method === 'page' ? `${request.fee.quantity}页` : `${request.fee.quantity}件`}），
              {request.fee.noticeOn} 通知，缴费期限 {request.fee.dueOn}
              {request.fee.paidOn ? `，${request.fee.paidOn} 已缴` : '，未缴'}
            </MetaRow>
          ) : null}
          {request.extension ? (
            <MetaRow label="延长期限">
              {request.extension.workingDays}个工作日，{request.extension.approvedBy} {request.extension.approvedOn}{' '}
              批准
            </MetaRow>
          ) : null}
          {request.reply ? (
            <MetaRow label="处理结果">
              {outcomeName(request.reply.outcome)}（{request.reply.repliedOn}）
              {request.reply.reason ? `：${request.reply.reason}` : ''}
              {request.reply.referral ? `（负责公开的机关：${request.reply.referral}）` : ''}
              {request.reply.letter ? (
                <p>
                  答复告知书：<a href={`/admin/ysqgk/${request.id}/letter.pdf`}>PDF</a>{' '}
                  <a href={`/admin/ysqgk/${request.id}/letter.docx`}>Word</a>
                </p>
              ) : null}
              {request.reply.withheld.length > 0 ? (
                <ul>
                  {request.reply.withheld.map((w) => (
                    <li>
                      不予公开：{w.part}——{w.reason}
                    </li>
                  ))}
                </ul>
              ) : null}
            </MetaRow>
          ) : null}
          <FileList requestId={request.id} files={props.files} purpose="released" />
          <MetaRow label="形式与获取方式">
            {INFORMATION_FORM_LABELS[request.form]}，{DELIVERY_METHOD_LABELS[request.delivery]}
          </MetaRow>
          {request.service ? (
            <MetaRow label="送达">
              {DELIVERY_METHOD_LABELS[request.service.method]}，{request.service.on}
              {request.service.proof ? `；凭证：${request.service.proof}` : ''}
            </MetaRow>
          ) : null}
          <FileList requestId={request.id} files={props.files} purpose="delivery_proof" />
        </tbody>
      </table>
      {request.state === 'submitted' ? (
        <section class="panel">
          <h2>确认收到申请</h2>
          <p>
            通过互联网提交的申请，以双方确认之日为收到申请之日（条例第三十一条）；确认后开始计算20个工作日的答复期限（条例第三十三条）。
          </p>
          <form method="post" action={`/admin/ysqgk/${request.id}/register`} class="form">
            <Csrf token={props.csrfToken} />
            <DateField
              name="receivedOn"
              label="收到申请日期"
              value={props.today}
              issues={props.failedStep ? [] : props.issues}
              required
            />
            <button type="submit" class="button primary">
              确认收到
            </button>
          </form>
        </section>
      ) : null}
      <StepPanels
        requestId={request.id}
        csrfToken={props.csrfToken}
        actions={props.actions}
        defaults={props.defaults}
        failed={props.failedStep ? { kind: props.failedStep, issues: props.issues } : undefined}
      />
      {request.reply && request.closedOn ? (
        <Appeals
          requestId={request.id}
          csrfToken={props.csrfToken}
          appeals={props.appeals}
          today={props.today}
          issues={props.failedStep ? [] : props.issues}
        />
      ) : null}
      <section class="panel">
        <h2>办理过程</h2>
        <ol>
          {props.events.map((event) => (
            <li>
              {chinaDateTime(event.at)} {EVENT_LABELS[event.kind]}
              {event.on ? `：${event.on}` : ''}（{event.by}）{event.note ? `：${event.note}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}

/** Sent and waiting statuses of a forwarded request, and why the oldest waiting one has not gone yet. */
function UpstreamDeliveryText(props: { delivery: UpstreamDelivery }) {
  const { sent, waiting, attempts, nextAttemptAt, lastError } = props.delivery;
  return (
    <>
      {REQUEST_TEXT.upstreamDeliveryState(sent, waiting)}
      {waiting > 0 && attempts > 0 && nextAttemptAt ? (
        <p class="field-error">
          {REQUEST_TEXT.upstreamDeliveryRetry(attempts, chinaDateTime(nextAttemptAt), lastError ?? '')}
        </p>
      ) : null}
    </>
  );
}
