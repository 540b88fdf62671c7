import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import {
  CheckboxField,
  DateField,
  SelectField,
  TextArea,
  TextField,
  type Choice,
} from '../../../platform/web/fields.tsx';
import type { DraftInput } from '../commands/save-draft.ts';
import { MAJOR_DECISION_MIN_DAYS, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH } from '../domain/consultation.ts';

/** The form shows what was typed, field for field what the use case takes. */
export type DraftFormValues = DraftInput;

/** A new consultation's draft, or a draft not yet published. */
export function DraftForm(props: {
  consultationId: string | null;
  values: DraftFormValues;
  issues: FieldIssue[];
  orgChoices: Choice[];
  csrfToken: string;
}) {
  const { values, issues } = props;
  const action =
    props.consultationId === null
      ? '/admin/participation/consultations'
      : `/admin/participation/consultations/${props.consultationId}`;
  return (
    <section>
      <h1>{props.consultationId === null ? '新建征求意见' : '修改征求意见草稿'}</h1>
      <ErrorSummary issues={issues} />
      <form method="post" action={action} class="form">
        <Csrf token={props.csrfToken} />
        <SelectField
          name="orgId"
          label="发起单位"
          value={values.orgId}
          options={props.orgChoices}
          issues={issues}
          required
        />
        <TextField
          name="title"
          label="标题"
          value={values.title}
          maxlength={MAX_TITLE_LENGTH}
          issues={issues}
          required
          wide
        />
        <TextArea
          name="summary"
          label="起草说明"
          value={values.summary}
          rows={4}
          maxlength={MAX_SUMMARY_LENGTH}
          issues={issues}
          wide
        />
        <CheckboxField
          name="major"
          label="属于重大行政决策事项"
          checked={values.major}
          issues={issues}
          hint={`公开征求意见的期限一般不少于${MAJOR_DECISION_MIN_DAYS}日（《重大行政决策程序暂行条例》第十五条）。`}
        />
        <DateField name="opensOn" label="开始日期" value={values.opensOn} issues={issues} required />
        <DateField name="closesOn" label="截止日期（当日24时结束）" value={values.closesOn} issues={issues} required />
        <TextField
          name="shortReason"
          label="缩短期限的理由（重大行政决策不足30日时必填）"
          value={values.shortReason}
          maxlength={500}
          issues={issues}
          wide
        />
        <TextArea
          name="text"
          label="草案正文"
          value={values.text}
          rows={16}
          issues={issues}
          hint="每行一段。公众可以对每一段分别提出意见。"
          required
          wide
        />
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            保存草稿
          </button>
        </div>
      </form>
    </section>
  );
}
