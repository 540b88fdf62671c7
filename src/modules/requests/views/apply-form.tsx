import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import {
  DateField,
  FileField,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
  type Choice,
} from '../../../platform/web/fields.tsx';
import { FILE_ACCEPT, FILE_LIMITS } from '../domain/files.ts';
import { CHANNEL_LABELS, INTAKE_CHANNELS } from '../domain/request.ts';
import type { Org } from '../../orgs/index.ts';
import {
  APPLICANT_KIND_LABELS,
  DELIVERY_METHOD_LABELS,
  ID_TYPE_LABELS,
  INFORMATION_FORM_LABELS,
  LIMITS,
  ORGANISATION_KIND_LABELS,
} from '../domain/application.ts';

const choices = (labels: Record<string, string>): Choice[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * The online application (条例 Art. 29), one column, usable on a phone and without JavaScript. What
 * was typed comes back with every problem beside its field.
 */
export function ApplyForm(props: {
  csrfToken: string;
  agencies: { government: Org[]; towns: Org[] };
  values: Record<string, string>;
  issues: FieldIssue[];
  /** Staff entering an application received at the counter, by post, fax or e-mail (条例 Art. 31). */
  intake?: { today: string } | undefined;
  /** Said above the problems: the files that must be chosen again. */
  notice?: string | undefined;
}) {
  const v = (name: string) => props.values[name] ?? '';
  const toChoice = (org: Org): Choice => ({ value: org.code, label: org.name });
  return (
    <section class="panel prose">
      {props.intake ? (
        <>
          <h1>登记申请</h1>
          <p>
            登记当面、邮寄、传真或电子邮件提交的政府信息公开申请。当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以签收之日为收到申请之日；通过传真、电子邮件提交的，以双方确认之日为收到申请之日（条例第三十一条）。口头提出的，代为填写申请（条例第二十九条）。
          </p>
        </>
      ) : (
        <>
          <h1>政府信息公开申请</h1>
          <p>
            依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条，您可以在线向受理机关申请获取政府信息，无需注册。提交后将获得申请查询码，凭查询码和手机号码后4位（或电子邮箱）可随时查询办理进度。
          </p>
          <p class="hint">带“*”的为必填项。您的身份证明号码和联系方式加密保存，仅用于办理本申请。</p>
        </>
      )}
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary issues={props.issues} />
      <form
        method="post"
        action={props.intake ? '/admin/ysqgk/new' : '/ysqgk/apply'}
        enctype="multipart/form-data"
        class="form"
        novalidate
      >
        <Csrf token={props.csrfToken} />
        {props.intake ? (
          <fieldset>
            <legend>收到申请</legend>
            <SelectField
              name="channel"
              label="收到方式 *"
              value={v('channel')}
              options={[
                { value: '', label: '请选择' },
                ...INTAKE_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
              ]}
              issues={props.issues}
              required
            />
            <DateField
              name="receivedOn"
              label="收到申请日期 *"
              value={v('receivedOn') || props.intake.today}
              issues={props.issues}
              required
            />
          </fieldset>
        ) : null}
        <fieldset>
          <legend>受理机关</legend>
          <SelectField
            name="agency"
            label="向哪个机关申请 *"
            value={v('agency')}
            options={[{ value: '', label: '请选择受理机关' }]}
            groups={[
              { label: '区政府及其工作部门', options: props.agencies.government.map(toChoice) },
              { label: '镇人民政府、街道办事处', options: props.agencies.towns.map(toChoice) },
            ]}
            hint="村（居）民委员会不是行政机关，涉及村（社区）事务的信息请向所在镇（街道）申请（条例第二十七条）。"
            issues={props.issues}
            required
          />
        </fieldset>
        <fieldset>
          <legend>申请人信息</legend>
          <RadioGroup
            name="applicantKind"
            legend="申请人类型 *"
            value={v('applicantKind')}
            options={choices(APPLICANT_KIND_LABELS)}
            issues={props.issues}
          />
          <RadioGroup
            name="organisationKind"
            legend="法人或其他组织类型（法人或其他组织填写）"
            value={v('organisationKind')}
            options={choices(ORGANISATION_KIND_LABELS)}
            issues={props.issues}
          />
          <TextField
            name="name"
            label="姓名或名称 *"
            value={v('name')}
            maxlength={LIMITS.name}
            autocomplete="name"
            issues={props.issues}
            required
          />
          <SelectField
            name="idType"
            label="身份证明类型 *"
            value={v('idType')}
            options={[{ value: '', label: '请选择' }, ...choices(ID_TYPE_LABELS)]}
            hint="自然人提供个人身份证件，法人或其他组织提供统一社会信用代码。"
            issues={props.issues}
            required
          />
          <TextField
            name="idNumber"
            label="证件号码 *"
            value={v('idNumber')}
            maxlength={LIMITS.idNumber}
            autocomplete="off"
            issues={props.issues}
            required
          />
          <TextField
            name="contactPerson"
            label="联系人（法人或其他组织填写）"
            value={v('contactPerson')}
            maxlength={LIMITS.contactPerson}
            issues={props.issues}
          />
          <TextField
            name="phone"
            label="联系电话 *"
            type="tel"
            inputmode="tel"
            autocomplete="tel"
            value={v('phone')}
            maxlength={LIMITS.phone}
            hint="查询办理进度时需输入手机号码后4位。"
            issues={props.issues}
            required
          />
          <TextField
            name="email"
            label="电子邮箱"
            type="email"
            inputmode="email"
            autocomplete="email"
            value={v('email')}
            maxlength={LIMITS.email}
            issues={props.issues}
          />
          <TextField
            name="address"
            label="通信地址（选择邮寄时必填）"
            autocomplete="street-address"
            value={v('address')}
            maxlength={LIMITS.address}
            issues={props.issues}
          />
          <TextField
            name="postcode"
            label="邮政编码"
            inputmode="numeric"
            autocomplete="postal-code"
            value={v('postcode')}
            maxlength={6}
            issues={props.issues}
          />
        </fieldset>
        <fieldset>
          <legend>所需政府信息</legend>
          <TextArea
            name="description"
            label="所需信息的名称或特征描述 *"
            value={v('description')}
            rows={5}
            maxlength={LIMITS.description}
            hint="请写明信息的名称、文号，或者制作机关、时间、涉及事项等便于查询的特征（条例第二十九条）。"
            issues={props.issues}
            required
          />
          <TextField
            name="documentNumber"
            label="文号（如知道）"
            value={v('documentNumber')}
            maxlength={LIMITS.documentNumber}
            placeholder="例如：示政办发〔2026〕12号"
            issues={props.issues}
          />
          <TextArea
            name="purpose"
            label="用途（可不填）"
            value={v('purpose')}
            rows={2}
            maxlength={LIMITS.purpose}
            issues={props.issues}
          />
          <RadioGroup
            name="form"
            legend="信息的形式 *"
            value={v('form')}
            options={choices(INFORMATION_FORM_LABELS)}
            issues={props.issues}
          />
          <RadioGroup
            name="delivery"
            legend="获取信息的方式 *"
            value={v('delivery')}
            options={choices(DELIVERY_METHOD_LABELS)}
            issues={props.issues}
          />
        </fieldset>
        <fieldset>
          <legend>附件（可不提供）</legend>
          <FileField
            name={FILE_LIMITS.application.field}
            label="身份证明复印件、授权委托书或其他材料"
            accept={FILE_ACCEPT}
            multiple
            hint={`最多${FILE_LIMITS.application.maxFiles}个文件，每个不超过${FILE_LIMITS.application.maxFileBytes / 1024 / 1024} MB；接受 PDF、Word(DOCX)、Excel(XLSX) 文件和 JPEG、PNG 图片（可用手机拍照）。附件仅受理机关工作人员可见。`}
            issues={props.issues}
          />
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="button primary">
            {props.intake ? '登记申请' : '提交申请'}
          </button>
        </div>
      </form>
    </section>
  );
}
