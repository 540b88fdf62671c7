import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf } from '../../../platform/web/components.tsx';
import { DateField, SelectField, TextField } from '../../../platform/web/fields.tsx';
import {
  APPEAL_KIND_LABELS,
  APPEAL_KINDS,
  APPEAL_RESULT_LABELS,
  APPEAL_RESULTS,
  type Appeal,
} from '../domain/appeals.ts';

/** A replied request's reconsiderations and lawsuits (条例 Art. 51), their results, and a form for a new one. */
export function Appeals(props: {
  requestId: string;
  csrfToken: string;
  appeals: Appeal[];
  today: string;
  issues: FieldIssue[];
}) {
  const action = `/admin/ysqgk/${props.requestId}/appeals`;
  return (
    <section class="panel" id="appeals">
      <h2>行政复议、行政诉讼</h2>
      {props.appeals.length === 0 ? <p class="empty">尚无记录。</p> : null}
      <ul>
        {props.appeals.map((appeal) => (
          <li>
            {APPEAL_KIND_LABELS[appeal.kind]}：{appeal.body}，{appeal.filedOn} 提出，
            {appeal.result ? `${APPEAL_RESULT_LABELS[appeal.result]}（${appeal.decidedOn}）` : '尚未审结'}
            {appeal.result ? null : (
              <form method="post" action={action} class="form filter-form">
                <Csrf token={props.csrfToken} />
                <input type="hidden" name="appealId" value={appeal.id} />
                <SelectField
                  name="result"
                  id={`result-${appeal.id}`}
                  label="结果"
                  options={APPEAL_RESULTS.map((r) => ({ value: r, label: APPEAL_RESULT_LABELS[r] }))}
                />
                <DateField name="decidedOn" id={`decidedOn-${appeal.id}`} label="决定或判决日期" value={props.today} />
                <button type="submit" class="button">
                  登记结果
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <form method="post" action={action} class="form">
        <Csrf token={props.csrfToken} />
        <SelectField
          name="kind"
          label="类别"
          options={APPEAL_KINDS.map((k) => ({ value: k, label: APPEAL_KIND_LABELS[k] }))}
          issues={props.issues}
        />
        <TextField name="body" label="复议机关或人民法院" maxlength={200} issues={props.issues} />
        <DateField name="filedOn" label="申请复议或起诉日期" value={props.today} issues={props.issues} />
        <button type="submit" class="button">
          登记
        </button>
      </form>
    </section>
  );
}
