import type { Child } from 'hono/jsx';
import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf } from '../../../platform/web/components.tsx';
import { DateField, FileField, RadioGroup, SelectField, TextArea, TextField } from '../../../platform/web/fields.tsx';
import { DELIVERY_METHOD_LABELS, type DeliveryMethod } from '../domain/application.ts';
import { FILE_ACCEPT, FILE_LIMITS } from '../domain/files.ts';
import type { HandlingKind } from '../domain/handling.ts';
import { OUTCOME_INFO, OUTCOMES, outcomeName } from '../domain/outcomes.ts';
import { WITHHELD_ROWS } from '../http/step-forms.ts';

/** Dates the step forms offer, computed on the working-day calendar. */
export type StepDefaults = {
  today: string;
  /** The last day a correction notice may go out (条例 Art. 30), when one still may. */
  correctionNoticeLast: string | null;
  /** A correction period of 15 working days from today, as the notice's default. */
  correctionDueDefault: string;
  /** The consulted party's last day (15 working days, 条例 Art. 32, 34), while consulting. */
  consultationDue: string | null;
  /** The payment window a fee notice offers: 20 working days from the day after the notice. */
  feeDueDefault: string;
  /** How the applicant asked to receive the information: the delivery form's first choice. */
  requestedDelivery: DeliveryMethod;
};

const MB = 1024 * 1024;
const filesHint = (limits: { maxFiles: number; maxFileBytes: number }) =>
  `最多${limits.maxFiles}个文件，每个不超过${limits.maxFileBytes / MB} MB；PDF、Word(DOCX)、Excel(XLSX)、JPEG 或 PNG。`;

const OUTCOME_GROUPS = [...new Set(OUTCOMES.map((o) => OUTCOME_INFO[o].group))];

/** The handling steps open to a request now, each its own small form that works without JavaScript. */
export function StepPanels(props: {
  requestId: string;
  csrfToken: string;
  actions: HandlingKind[];
  defaults: StepDefaults;
  /** The step whose form was refused, and why: only its form shows the problems. */
  failed?: { kind: HandlingKind; issues: FieldIssue[] } | undefined;
}) {
  const { defaults } = props;
  // The reply and the delivery take files; every other step is a plain form.
  const form = (kind: HandlingKind, title: string, body: Child, button: string) => (
    <section class="panel" id={`step-${kind}`}>
      <h2>{title}</h2>
      <form
        method="post"
        action={`/admin/ysqgk/${props.requestId}/steps/${kind}`}
        enctype={kind === 'reply' || kind === 'deliver' ? 'multipart/form-data' : undefined}
        class="form"
      >
        <Csrf token={props.csrfToken} />
        {body}
        <button type="submit" class="button primary">
          {button}
        </button>
      </form>
    </section>
  );
  const issuesOf = (kind: HandlingKind) => (props.failed?.kind === kind ? props.failed.issues : []);
  const panels: Record<HandlingKind, (issues: FieldIssue[]) => Child> = {
    assign: () =>
      form('assign', '开始办理', <p>由本人承办此申请，检索、调取相关政府信息（条例第四十五条）。</p>, '由我办理'),
    request_correction: (issues) =>
      form(
        'request_correction',
        '一次性告知补正（条例第三十条）',
        <>
          <p>
            申请内容不明确的，应当给予指导和释明，并自收到申请之日起7个工作日内一次性告知补正事项和合理的补正期限
            {defaults.correctionNoticeLast ? `，最迟 ${defaults.correctionNoticeLast} 发出` : ''}。补正通知只能发一次。
          </p>
          <DateField name="sentOn" id="correction-sentOn" label="通知发出日期" value={defaults.today} issues={issues} />
          <TextArea name="items" label="需要补正的事项" rows={3} issues={issues} />
          <DateField name="dueOn" label="补正期限" value={defaults.correctionDueDefault} issues={issues} />
        </>,
        '发出补正通知',
      ),
    receive_correction: (issues) =>
      form(
        'receive_correction',
        '收到补正后的申请',
        <>
          <p>答复期限自收到补正后的申请之日起重新计算（条例第三十条）。</p>
          <DateField name="on" id="corrected-on" label="收到补正申请日期" value={defaults.today} issues={issues} />
        </>,
        '登记补正',
      ),
    close_uncorrected: (issues) =>
      form(
        'close_uncorrected',
        '逾期未补正',
        <>
          <p>申请人无正当理由逾期不补正的，视为放弃申请，不再处理（条例第三十条；年报“其他处理”第1项）。</p>
          <DateField name="on" id="uncorrected-on" label="处理日期" value={defaults.today} issues={issues} />
        </>,
        '按放弃申请处理',
      ),
    consult: (issues) =>
      form(
        'consult',
        '征求意见（条例第三十二条、第三十四条）',
        <>
          <p>
            征求第三方或其他机关意见所需时间不计算在答复期限内（条例第三十三条第三款）；被征求意见方应在15个工作日内提出意见。
          </p>
          <RadioGroup
            name="reason"
            legend="征求对象"
            value="third_party"
            options={[
              { value: 'third_party', label: '第三方（条例第三十二条）' },
              { value: 'other_agency', label: '其他机关（条例第三十四条）' },
            ]}
            issues={issues}
          />
          <TextField name="party" label="被征求意见的单位或个人" maxlength={200} issues={issues} />
          <DateField
            name="sentOn"
            id="consult-sentOn"
            label="书面征求意见日期"
            value={defaults.today}
            issues={issues}
          />
        </>,
        '开始征求意见',
      ),
    consultation_answered: (issues) =>
      form(
        'consultation_answered',
        '征求意见结束',
        <>
          <p>
            {defaults.consultationDue ? `被征求意见方应在 ${defaults.consultationDue} 前提出意见。` : ''}
            逾期未提出意见的，由本机关依照条例规定决定是否公开。
          </p>
          <DateField
            name="on"
            id="answered-on"
            label="收到意见日期（或期限届满日期）"
            value={defaults.today}
            issues={issues}
          />
          <TextArea
            name="summary"
            label="意见摘要"
            hint="仅工作人员可见，不在申请人的查询页面上显示。"
            rows={2}
            issues={issues}
          />
        </>,
        '恢复计时',
      ),
    extend: (issues) =>
      form(
        'extend',
        '延长答复期限（条例第三十三条第二款）',
        <>
          <p>需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过20个工作日，只能延长一次。</p>
          <TextField
            name="workingDays"
            label="延长工作日数（1至20）"
            inputmode="numeric"
            value="20"
            maxlength={2}
            issues={issues}
          />
          <TextField name="approvedBy" label="批准人（工作机构负责人）" maxlength={100} issues={issues} />
          <DateField name="on" id="extend-on" label="批准日期" value={defaults.today} issues={issues} />
        </>,
        '延长期限',
      ),
    reply: (issues) =>
      form(
        'reply',
        '作出答复（条例第三十六条）',
        <>
          <DateField name="on" id="reply-on" label="答复日期" value={defaults.today} issues={issues} />
          <SelectField
            name="outcome"
            label="处理结果（年报表三）"
            options={[]}
            groups={OUTCOME_GROUPS.map((group) => ({
              label: group,
              options: OUTCOMES.filter((o) => OUTCOME_INFO[o].group === group && OUTCOME_INFO[o].byReply).map((o) => ({
                value: o,
                label: outcomeName(o),
              })),
            })).filter((g) => g.options.length > 0)}
            issues={issues}
          />
          <TextArea name="reason" label="答复理由和依据" rows={4} issues={issues} />
          <TextField
            name="referral"
            label="本机关不掌握时：负责公开该信息的机关及联系方式（条例第三十六条第（五）项）"
            maxlength={300}
            issues={issues}
          />
          <fieldset>
            <legend>部分公开时：不予公开的内容及理由（条例第三十七条）</legend>
            {Array.from({ length: WITHHELD_ROWS }, (_, i) => (
              <div class="form-grid">
                <TextField name={`withheldPart${i + 1}`} label={`第${i + 1}项内容`} maxlength={500} />
                <TextField name={`withheldReason${i + 1}`} label={`第${i + 1}项理由`} maxlength={1000} />
              </div>
            ))}
            {issues.some((issue) => issue.field === 'withheld') ? (
              <p class="field-error" id="withheld-error">
                {issues.find((issue) => issue.field === 'withheld')!.message}
              </p>
            ) : null}
          </fieldset>
          <FileField
            name={FILE_LIMITS.released.field}
            label="予以公开、部分公开时：公开的政府信息（可不上传，纸质提供的除外）"
            accept={FILE_ACCEPT}
            multiple
            hint={`${filesHint(FILE_LIMITS.released)}申请人选择网上获取或电子邮件的，可在办理进度查询页面下载。`}
            issues={issues}
          />
        </>,
        '答复',
      ),
    deliver: (issues) =>
      form(
        'deliver',
        '登记送达',
        <>
          <p>
            记录答复告知书和公开的政府信息如何、何时送达申请人，并留存凭证（邮件单号、签收回执、电子邮件发送记录），归档前须登记送达（条例第四十条、第四十五条）。
          </p>
          <RadioGroup
            name="method"
            legend="送达方式"
            value={defaults.requestedDelivery}
            options={Object.entries(DELIVERY_METHOD_LABELS).map(([value, label]) => ({ value, label }))}
            issues={issues}
          />
          <DateField name="on" id="deliver-on" label="送达日期" value={defaults.today} issues={issues} />
          <TextField
            name="proof"
            label="凭证：邮件单号、签收人或电子邮件发送记录"
            maxlength={500}
            hint="邮寄的须填写邮件单号；自行领取、电子邮件送达的，填写签收人或发送记录，或上传凭证。"
            issues={issues}
          />
          <FileField
            name={FILE_LIMITS.delivery_proof.field}
            label="凭证文件（签收回执扫描件等，可不上传）"
            accept={FILE_ACCEPT}
            multiple
            hint={filesHint(FILE_LIMITS.delivery_proof)}
            issues={issues}
          />
        </>,
        '登记送达',
      ),
    fee_notice: (issues) =>
      form(
        'fee_notice',
        '收取信息处理费（条例第四十二条）',
        <>
          <p>
            申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费（国办函〔2020〕109号）。按件计收：每月10件以内免费，11至30件每件100元，31件起每10件一档、每件加收100元；按量计收：30页以内免费，31至100页每页10元，101至200页每页20元，200页以上每页40元。两种方式只能选一种。缴费期间不计入答复期限。
          </p>
          <RadioGroup
            name="method"
            legend="计收方式"
            value="page"
            options={[
              { value: 'page', label: '按量计收（页）' },
              { value: 'item', label: '按件计收（件）' },
            ]}
            issues={issues}
          />
          <TextField name="quantity" label="数量（页或件）" inputmode="numeric" maxlength={6} issues={issues} />
          <TextField
            name="alreadyCounted"
            label="按件计收时：本月此前已计件数"
            inputmode="numeric"
            value="0"
            maxlength={6}
            issues={issues}
          />
          <DateField name="on" id="fee-on" label="收费通知日期" value={defaults.today} issues={issues} />
          <DateField name="dueOn" id="fee-dueOn" label="缴费期限" value={defaults.feeDueDefault} issues={issues} />
        </>,
        '发出收费通知',
      ),
    fee_paid: (issues) =>
      form(
        'fee_paid',
        '登记已缴费',
        <DateField name="on" id="paid-on" label="缴费日期" value={defaults.today} issues={issues} />,
        '已缴费，恢复计时',
      ),
    close_fee_unpaid: (issues) =>
      form(
        'close_fee_unpaid',
        '逾期未缴费',
        <>
          <p>申请人逾期未按收费通知要求缴纳费用的，不再处理其申请（年报“其他处理”第2项）。</p>
          <DateField name="on" id="unpaid-on" label="处理日期" value={defaults.today} issues={issues} />
        </>,
        '按逾期未缴费处理',
      ),
    ask_reasons: (issues) =>
      form(
        'ask_reasons',
        '要求说明理由（条例第三十五条）',
        <>
          <p>
            申请公开政府信息的数量、频次明显超过合理范围的，可以要求申请人说明理由。理由不合理的，告知不予处理；理由合理但无法在规定期限内答复的，确定合理期限并告知申请人。
          </p>
          <TextArea name="note" label="需要说明的事项" rows={2} issues={issues} />
          <DateField name="on" id="reasons-on" label="通知日期" value={defaults.today} issues={issues} />
        </>,
        '要求说明理由',
      ),
    resume: (issues) =>
      form(
        'resume',
        '理由合理，继续办理',
        <DateField name="on" id="resume-on" label="日期" value={defaults.today} issues={issues} />,
        '继续办理',
      ),
    archive: (issues) =>
      form(
        'archive',
        '归档（条例第四十五条）',
        <>
          <p>
            将申请及其附件、补正和征求意见等通知、答复告知书、公开的政府信息、送达凭证和办理过程一并归档。归档前可
            <a href={`/admin/ysqgk/${props.requestId}/case.zip`}>下载案卷（ZIP）</a>核对。
          </p>
          <DateField name="on" id="archive-on" label="归档日期" value={defaults.today} issues={issues} />
        </>,
        '归档',
      ),
    withdraw: (issues) =>
      form(
        'withdraw',
        '申请人撤回申请',
        <DateField name="on" id="withdraw-on" label="撤回日期" value={defaults.today} issues={issues} />,
        '登记撤回',
      ),
  };
  return <>{props.actions.map((kind) => panels[kind](issuesOf(kind)))}</>;
}
